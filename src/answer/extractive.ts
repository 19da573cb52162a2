import type { Chunk, ChunkSentence } from "../chunks/types.js";
import { idf, } from "../retrieve/bm25.js";
import { documentFrequency, type LexicalIndexData } from "../retrieve/lexical-index.js";
import { asksTwoThings } from "../retrieve/decompose.js";
import { anchorsFound } from "../retrieve/query.js";
import { asksQuantity, asksTime, containsNumber } from "../retrieve/rerank.js";
import { englishKey, matchForm, tokenize } from "../retrieve/tokenize.js";
import type { Hit, PreparedQuery } from "../retrieve/types.js";
import { makeQuote } from "./quote.js";
import type { Answer, Citation } from "./types.js";

/** Sentence selection and abstention thresholds. */
export interface ExtractiveOptions {
  /** How many top passages to read sentences from. */
  passages: number;
  /** Least share of the question's (idf-weighted) terms the answer sentence must contain. */
  minCoverage: number;
  /** A second sentence from another document is added when it scores at least this share of the best. */
  secondRatio: number;
}
export const DEFAULT_EXTRACTIVE: ExtractiveOptions = { passages: 10, minCoverage: 0.3, secondRatio: 0.5 };

interface Candidate {
  hit: Hit;
  rank: number;
  sentence: ChunkSentence;
  text: string;
  score: number;
  coverage: number;
}

/** What the answerer needs besides the hits: raw file texts (for quotes) and titles. */
export interface AnswerContext {
  raw: (source: string) => string | undefined;
  title: (docId: string) => string;
  lexical: LexicalIndexData;
}


/**
 * Extractive answering: picks the sentence of the top passages that best covers the question (its
 * terms, numbers and names), cites it verbatim, and abstains when no sentence carries the question's
 * names and years or covers enough of its terms.
 *
 * @example
 *   const answer = answerExtractive(query, hits, ctx);
 */
export function answerExtractive(
  query: PreparedQuery,
  hits: Hit[],
  ctx: AnswerContext,
  opts: ExtractiveOptions = DEFAULT_EXTRACTIVE,
  parts: readonly PreparedQuery[] = [],
): Answer {
  const top = hits.slice(0, opts.passages);
  const pick = (q: PreparedQuery, atLeastShare: number, minCoverage: number, exclude: readonly Candidate[] = []): Picked | undefined => {
    const required = requiredAnchors(q, ctx.lexical);
    const pool = rankCandidates(q, top, ctx.lexical);
    const c = pool.find(
      (x) =>
        x.coverage >= minCoverage &&
        !exclude.some((e) => e.hit.chunk.source === x.hit.chunk.source && e.sentence.rawStart === x.sentence.rawStart) &&
        supportsAnchors(q, x, required, Math.ceil(required.length * atLeastShare)),
    );
    return c && { c, pool };
  };
  // A two-part question is answered part by part: the best sentence for each, measured against that part.
  if (parts.length === 2) {
    const first = pick(parts[0]!, 1, opts.minCoverage);
    const second = first ? pick(parts[1]!, 1, opts.minCoverage, [first.c]) : undefined;
    if (first && second) return cite(query, [first, second], ctx);
  }
  const twoParts = asksTwoThings(query.text);
  // Otherwise each half of a two-part question needs only some of its names and covers less of it.
  const minCoverage = twoParts ? opts.minCoverage * 0.7 : opts.minCoverage;
  const best = pick(query, twoParts ? 0.5 : 1, minCoverage);
  if (!best) return abstain(query);
  const chosen = [best];
  if (twoParts) {
    const second = best.pool.find((c) => c.hit.chunk.docId !== best.c.hit.chunk.docId && c.coverage >= minCoverage);
    if (second && second.score >= opts.secondRatio * best.c.score) chosen.push({ c: second, pool: best.pool });
  }
  return cite(query, chosen, ctx);
}

/** A chosen sentence and the ranked sentences it was chosen from (for running on into the next one). */
interface Picked {
  c: Candidate;
  pool: readonly Candidate[];
}

/** Scored sentences of the passages, best first, each sentence once (overlapping chunks repeat some). */
function rankCandidates(query: PreparedQuery, hits: Hit[], lexical: LexicalIndexData): Candidate[] {
  const seen = new Set<string>();
  return scoreSentences(query, hits, lexical)
    .sort((a, b) => b.score - a.score)
    .filter((c) => {
      const key = `${c.hit.chunk.source}:${c.sentence.rawStart}`;
      if (seen.has(key)) return false;
      seen.add(key);
      return true;
    });
}

/** The answer text and verified citations for the chosen sentences. */
function cite(query: PreparedQuery, chosen: readonly Picked[], ctx: AnswerContext): Answer {
  const citations: Citation[] = [];
  const parts: string[] = [];
  for (const { c, pool } of chosen) {
    const raw = ctx.raw(c.hit.chunk.source);
    const last = continuation(c, pool) ?? c.sentence;
    const display = c.hit.chunk.text.slice(c.sentence.start, last.end);
    const q = raw ? makeQuote(raw, c.sentence.rawStart, last.rawEnd, display) : null;
    if (!q) continue;
    const n = citations.length + 1;
    citations.push({
      n,
      docId: c.hit.chunk.docId,
      source: c.hit.chunk.source,
      title: ctx.title(c.hit.chunk.docId),
      quote: q.quote,
      start: q.start,
      end: q.end,
      section: c.hit.chunk.section,
      passageId: c.hit.chunk.id,
    });
    parts.push(`${q.quote} [${n}]`);
  }
  if (!citations.length) return abstain(query);
  return { answer: parts.join(" "), abstained: false, citations };
}

/** Removes parenthetical references — a name or title with a year ("(Kim, 2001: 36)", "(趙弘, 2005)") — but keeps other parentheses. */
export const withoutReferences = (text: string): string =>
  text.replace(/[(（][^()（）]{0,80}?\p{L}[^()（）]{0,80}?(?<!\d)(1[89]\d\d|20\d\d)[a-z]?(?:\s*[:：,]\s*[\d\-–]+)?[^()（）]{0,20}[)）]/gu, " ");

/**
 * What a quantity question counts or measures: the words after "how many"/"what share of", or the
 * measure word after 多少/幾 ("多少億元" → 亿元). Empty when the question has no such phrase.
 *
 * @example
 *   focusTerms("How many employees did a firm have?") // → ["employe"]
 */
export function focusTerms(question: string): string[] {
  const q = matchForm(question);
  const en = /\bhow (?:many|much)\s+([a-z][a-z-]*)|\bwhat (?:share|percentage|proportion|number|amount|fraction) of (?:the |its |their )?([a-z][a-z-]*)/u.exec(q);
  const word = en?.[1] ?? en?.[2];
  if (word) {
    const key = englishKey(word);
    return key && !/^(did|do|does|was|were|are|is|had|have)$/u.test(key) ? [key] : [];
  }
  // A measure word: one character, or two for large units (億元, 萬人).
  const zh = /(?:多少|幾|几)([亿万千百]?\p{Script=Han})/u.exec(q);
  return zh ? [zh[1]!] : [];
}

/**
 * The next sentence of the same passage when it carries on the answer — it covers at least half as
 * much of the question ("… comply with the Four-self-principles." → "The Four-self-principles are: …").
 */
function continuation(c: Candidate, candidates: readonly Candidate[]): ChunkSentence | null {
  const sentences = c.hit.chunk.sentences;
  const next = sentences[sentences.indexOf(c.sentence) + 1];
  if (!next) return null;
  const scored = candidates.find((x) => x.hit.chunk === c.hit.chunk && x.sentence === next);
  return scored && scored.coverage >= 0.5 * c.coverage && c.text.length + scored.text.length <= 600 ? next : null;
}

function abstain(query: PreparedQuery): Answer {
  const answer =
    query.lang === "zh"
      ? "語料中找不到能回答這個問題的內容。"
      : "The corpus does not contain an answer to this question.";
  return { answer, abstained: true, citations: [] };
}

/** "both … and", "and by what year", two question words: the answer needs two pieces of evidence. */

export function scoreSentences(query: PreparedQuery, hits: Hit[], lexical: LexicalIndexData): Candidate[] {
  const idfOf = (t: string) => idf(documentFrequency(lexical, t), lexical.docCount);
  // Coverage: the idf-weighted share of the question's content words a sentence contains, or of the
  // same amount matched through translations (an answer in the other language can only match those).
  const words = query.words.map((w) => ({ ...w, idf: wordIdf(w.term, w.alts, lexical) }));
  const total = words.reduce((a, w) => a + w.weight * w.idf, 0) || 1;
  const has = (folded: string, tokens: ReadonlySet<string>, form: string) => (/\p{Script=Han}/u.test(form) ? folded.includes(form) : tokens.has(form) || (form.includes(" ") && folded.includes(form)));
  const wantsNumber = asksQuantity(query.text);
  const wantsTime = asksTime(query.text);
  const focus = focusTerms(query.text);
  const out: Candidate[] = [];
  hits.forEach((hit, rank) => {
    if (hit.chunk.kind === "references") return;
    let previous = new Set<number>();
    for (const sentence of hit.chunk.sentences) {
      const text = hit.chunk.text.slice(sentence.start, sentence.end);
      const tokens = new Set(tokenize(text));
      const folded = matchForm(text);
      // Each question word counts once, whether found as written or through a translation or variant.
      const found = new Set<number>();
      words.forEach((w, i) => {
        if (has(folded, tokens, w.term) || w.alts.some((a) => has(folded, tokens, a))) found.add(i);
      });
      const weigh = (set: ReadonlySet<number>) => Math.min(1, [...set].reduce((a, i) => a + words[i]!.weight * words[i]!.idf, 0) / total);
      const coverage = weigh(found);
      // A sentence often refers back ("its stock") to what the sentence before it names.
      const withPrevious = weigh(new Set([...found, ...previous]));
      previous = found;
      if (tokens.size < 3) continue;
      // Fragments ("In 1988, the Beijing Experimental Zone (BEZ)!") rarely state an answer.
      const fragment = tokens.size < 6 ? 0.1 : 0;
      let score = coverage - fragment + 0.35 * (withPrevious - coverage) + 0.2 / (1 + rank) + 0.15 * Math.min(1, hit.score / (hits[0]?.score || 1));
      // Years and numbers inside parenthetical references ("(Kim, 2001: 36)") are citations, not facts.
      const body = withoutReferences(folded);
      // A quantity question is answered by a sentence stating a number the question does not already give.
      // A number glued to the word before it ("interviews40") is a footnote marker, not a figure.
      const figures = withoutReferences(text.normalize("NFKC")).match(/(?<![\p{Script=Latin}\d.,])\d+(?:[.,]\d+)*/gu) ?? [];
      const newNumber = figures.some((n) => !query.numbers.includes(n.replace(/,/gu, "")));
      if (wantsNumber) score += newNumber ? 0.15 : -0.2;
      // "How many employees …": the sentence should count the thing asked about.
      if (focus.length && focus.some((f) => tokens.has(f) || (/\p{Script=Han}/u.test(f) && folded.includes(f)))) score += 0.15;
      if (wantsTime) score += /(?<!\d)(1[89]\d\d|20\d\d)(?!\d)/u.test(body) ? 0.15 : -0.1;
      for (const n of query.numbers) if (containsNumber(folded, n)) score += 0.1;
      // Prefer evidence in the question's language when it covers the question about as well.
      if (hit.chunk.lang !== query.lang) score -= 0.12;
      if (text.length > 300) score -= Math.min(0.2, (text.length - 300) / 1500);
      out.push({ hit, rank, sentence, text, score, coverage });
    }
  });
  return out;
}

/**
 * How informative a question word is: its own idf when the index knows it, else that of a translation
 * the index knows (the word may only occur in the other language), else that of its rarest character
 * bigram (a Chinese word the segmenter split differently in passages); unknown everywhere → rarest possible.
 */
function wordIdf(term: string, alts: readonly string[], lexical: LexicalIndexData): number {
  const known = (t: string) => documentFrequency(lexical, t) > 0;
  const idfOf = (t: string) => idf(documentFrequency(lexical, t), lexical.docCount);
  if (known(term)) return idfOf(term);
  const altIdfs = alts.filter(known).map(idfOf);
  if (altIdfs.length) return Math.max(...altIdfs);
  const bigrams = [...term].slice(1).map((ch, i) => `${term[i]}${ch}`).filter(known);
  if (/\p{Script=Han}/u.test(term) && bigrams.length) return Math.max(...bigrams.map(idfOf));
  return idfOf(term);
}

/**
 * Evidence check: the sentence (with its neighbours) must mention every year the question names, and
 * its passage every name; otherwise the passage is about something else and must not be used.
 */
/** Most chunks a name may appear in and still be decisive; names found everywhere are context. */
const RARE_NAME_SHARE = 0.08;

/**
 * The names an answer must mention: those the corpus rarely uses (a company, a park, a person), or
 * never uses at all. Names found in many passages (Beijing, Korea) locate the question but do not
 * decide it, and an answer passage may well leave them implicit.
 */
export function requiredAnchors(query: PreparedQuery, lexical: LexicalIndexData): string[][] {
  const df = (form: string) => {
    const tokens = tokenize(form);
    return tokens.length ? Math.min(...tokens.map((t) => documentFrequency(lexical, t))) : 0;
  };
  return query.anchors.filter((forms) => Math.max(...forms.map(df)) <= RARE_NAME_SHARE * lexical.docCount);
}

export function supportsAnchors(query: PreparedQuery, c: Candidate, required: readonly string[][] = query.anchors, atLeast = required.length): boolean {
  const chunk: Chunk = c.hit.chunk;
  const i = chunk.sentences.indexOf(c.sentence);
  const lo = chunk.sentences[Math.max(0, i - 1)]!.start;
  const hi = chunk.sentences[Math.min(chunk.sentences.length - 1, i + 1)]!.end;
  // Years in parenthetical references ("(Dong and Flowers 2010)") date a source, not the fact.
  const window = withoutReferences(matchForm(chunk.text.slice(lo, hi)));
  // One year must match; a range ("between 1984 and 1995") is satisfied by either end.
  if (query.years.length && !query.years.some((y) => containsNumber(window, y))) return false;
  return anchorsFound(query, new Set(tokenize(`${chunk.section ?? ""} ${chunk.text}`)), required) >= atLeast;
}
