import type { Entity, QuestionWord } from "../question/types.js";
import { memoize } from "../text/memo.js";
import { englishKey, tokenize } from "../text/tokens.js";
import { idf } from "./bm25.js";
import { documentFrequency, type LexicalIndexData } from "./lexical-index.js";
import { YEAR, type TextView } from "./views.js";

const HAN = /\p{Script=Han}/u;

/**
 * Whether a text holds one form of a word: Chinese and multi-word forms as substrings of the folded
 * text, single words as tokens.
 *
 * @example
 *   hasForm(viewOf("外資銀行 in Beijing"), "外资") // → true
 */
export function hasForm(view: TextView, form: string): boolean {
  if (!form) return false;
  const shape = shapeOf(form);
  if (shape.token) return view.tokens.has(form);
  // A text without Chinese holds no Chinese form.
  if (shape.han && !hasChinese(view)) return false;
  return view.folded.includes(form);
}

const chineseIn = new WeakMap<TextView, boolean>();

/** Whether a text holds Chinese characters, worked out once per view. */
function hasChinese(view: TextView): boolean {
  let found = chineseIn.get(view);
  if (found === undefined) {
    found = HAN.test(view.folded);
    chineseIn.set(view, found);
  }
  return found;
}

/** How a form is matched, worked out once per form (forms recur across passages and questions). */
const shapeOf = memoize((form: string) => {
  const han = HAN.test(form);
  return {
    /** A single Latin word: matched as a token. */
    token: !han && !form.includes(" "),
    /** Holds Chinese characters. */
    han,
  };
}, 50_000);

/** Whether a text holds a question word as written, or (with `alts`) through a translation or variant. */
export const wordFound = (view: TextView, w: QuestionWord, alts: boolean): boolean =>
  hasForm(view, w.term) || (alts && w.alts.some((a) => hasForm(view, a)));

/** The tokens of each Latin form of an entity, computed once per question. */
export interface EntityForms {
  han: string[];
  latin: string[][];
}

/** Splits an entity's forms for matching. */
export const entityForms = (e: Entity): EntityForms => ({
  han: e.forms.filter((f) => HAN.test(f)),
  latin: e.forms
    .filter((f) => !HAN.test(f))
    .map((f) => tokenize(f))
    .filter((t) => t.length > 0),
});

/**
 * Whether a text names an entity: a Chinese form as a substring, or every token of a Latin form
 * ("Zhong’guan-cun", "Zhong'guancun" and "ZHONGGUANCUN" agree).
 */
export const entityFound = (view: TextView, e: EntityForms): boolean =>
  e.han.some((f) => view.folded.includes(f)) || latinFound(view, e);

/** Whether a text holds every token of one of an entity's Latin forms. */
const latinFound = (view: TextView, e: EntityForms): boolean =>
  e.latin.some((t) => t.every((x) => view.tokens.has(x)));

/**
 * What makes a Chinese name part of an organisation's name rather than itself (a general resource of
 * Chinese morphology): a run of up to six characters, none of them a particle or conjunction, ending
 * in the head of an organisation name. 法国兴业银行 is a bank, not France; 北京大学 a university.
 */
const ORGANISATION_AFTER =
  /^(?:(?![的之和与及在是有为对从将把被或等])\p{Script=Han}){0,6}?(?:银行|公司|集团|大学|学院|研究院|研究所|交易所|协会|医院|基金会|委员会)/u;

/**
 * Whether a folded text names an entity as itself: a Chinese form somewhere not at the head of an
 * organisation's name, or (Latin forms) every token of a form.
 *
 * @example
 *   entityNamed(viewOf("法國興業銀行"), entityForms(france)) // → false
 */
export const entityNamed = (view: TextView, e: EntityForms): boolean =>
  latinFound(view, e) || e.han.some((f) => hanNamed(view.folded, f));

/** Whether a folded text holds a Chinese form other than at the head of an organisation's name. */
export function hanNamed(folded: string, form: string): boolean {
  for (let i = folded.indexOf(form); i >= 0; i = folded.indexOf(form, i + 1))
    if (!ORGANISATION_AFTER.test(folded.slice(i + form.length, i + form.length + 12))) return true;
  return false;
}

/**
 * How rare a name is: the idf of its most frequent token over all its forms (a name every passage
 * uses is no evidence), or the rarest possible when the corpus never uses it.
 */
export function entityIdf(forms: readonly string[], lexical: LexicalIndexData): number {
  let df = 0;
  for (const f of forms) {
    const tokens = tokenize(f);
    if (tokens.length)
      df = Math.max(df, Math.min(...tokens.map((t) => documentFrequency(lexical, t))));
  }
  return idf(df, lexical.docCount);
}

/**
 * Whether the corpus never uses a name in any of its forms (every form has a token no passage holds).
 *
 * @example
 *   unknownName(["tianfu software park"], lexical) // → true
 */
export function unknownName(forms: readonly string[], lexical: LexicalIndexData): boolean {
  return forms.every((f) => {
    if (HAN.test(f))
      return (
        documentFrequency(lexical, f) === 0 &&
        !tokenize(f).every((t) => documentFrequency(lexical, t) > 0)
      );
    const tokens = tokenize(f);
    return !tokens.length || tokens.some((t) => documentFrequency(lexical, t) === 0);
  });
}

/**
 * How informative a question word is: its own idf when the index knows it, else that of a
 * translation the index knows (the word may only occur in the other language), else that of its
 * rarest character bigram (a Chinese word segmented differently in passages); unknown → rarest.
 */
export function wordIdf(w: QuestionWord, lexical: LexicalIndexData): number {
  const df = (t: string) => documentFrequency(lexical, t);
  const idfOf = (t: string) => idf(df(t), lexical.docCount);
  if (df(w.term) > 0) return idfOf(w.term);
  const alts = w.alts.filter((a) => df(a) > 0).map(idfOf);
  if (alts.length) return Math.max(...alts);
  const bigrams = [...w.term]
    .slice(1)
    .map((ch, i) => `${w.term[i]}${ch}`)
    .filter((b) => df(b) > 0);
  if (HAN.test(w.term) && bigrams.length) return Math.max(...bigrams.map(idfOf));
  return idfOf(w.term);
}

/** Whether a word is unknown to the corpus in every form (a sign the corpus does not discuss it). */
export function unknownWord(w: QuestionWord, lexical: LexicalIndexData): boolean {
  const known = (t: string) =>
    documentFrequency(lexical, t) > 0 || tokenize(t).some((x) => documentFrequency(lexical, x) > 0);
  // The first translation is the word's main sense; later ones are often parts of a name's gloss
  // ("腾讯" → tencent, hold, limit) that say nothing about whether the corpus discusses it.
  return !known(w.term) && !(w.alts[0] !== undefined && known(w.alts[0]));
}

/**
 * The idf-weighted share of the question's words a text holds (each word once, as written or, with
 * `alts`, through a translation).
 *
 * @example
 *   coverage(view, words, idfs, true) // → 0.62
 */
export function coverage(
  view: TextView,
  words: readonly QuestionWord[],
  idfs: readonly number[],
  alts: boolean,
): number {
  return coverages(view, words, idfs)[alts ? 1 : 0];
}

/**
 * {@link coverage} without and with translations, in one pass over the words.
 *
 * @example
 *   const [own, withAlts] = coverages(view, words, idfs);
 */
export function coverages(
  view: TextView,
  words: readonly QuestionWord[],
  idfs: readonly number[],
): [number, number] {
  const { total, own, alts } = weighWords(view, compiledWords(words), idfs, null);
  return total > 0 ? [own / total, alts / total] : [0, 0];
}

/**
 * The idf-weighted sum of a question's words, of those a text holds as written (`own`) and of
 * those it holds in any form (`alts`); with `present`, the words it holds are collected there.
 */
function weighWords(
  view: TextView,
  compiled: readonly CompiledWord[],
  idfs: readonly number[],
  present: Array<{ w: CompiledWord; weight: number }> | null,
): { total: number; own: number; alts: number } {
  const han = hasChinese(view);
  let total = 0;
  let own = 0;
  let alts = 0;
  compiled.forEach((w, i) => {
    const weight = w.weight * idfs[i]!;
    total += weight;
    if (holdsTerm(view, w, han)) own += weight;
    else if (!holdsTranslated(view, w, han)) return;
    alts += weight;
    present?.push({ w, weight });
  });
  return { total, own, alts };
}

/**
 * {@link coverages} of a passage, and the largest share of the question's words (translations
 * included) that one of its sentences holds: the words together, not spread over the passage. One
 * pass over the words; only the words the passage holds are looked for in its sentences.
 *
 * @example
 *   const [own, withAlts, bestSentence] = passageCoverages(view, view.sentences, words, idfs);
 */
export function passageCoverages(
  passage: TextView,
  sentences: readonly TextView[],
  words: readonly QuestionWord[],
  idfs: readonly number[],
): [number, number, number] {
  const han = hasChinese(passage);
  const present: Array<{ w: CompiledWord; weight: number }> = [];
  const { total, own, alts } = weighWords(passage, compiledWords(words), idfs, present);
  if (total <= 0) return [0, 0, 0];
  // One word is together with itself: a passage holding one of the words holds it in a sentence
  // (or, rarely, only in its section title, which this then counts as a sentence).
  if (present.length <= 1) return [own / total, alts / total, alts / total];
  // Each word is looked for once in the sentences joined (not once per sentence), its hits
  // mapped back to the sentences.
  const text = sentenceText(sentences);
  const n = sentences.length;
  const held = new Float64Array(n);
  // The word (1-based) last counted in each sentence, so a word counts once per sentence.
  const counted = new Uint16Array(n);
  let best = 0;
  const count = (i: number, word: number, weight: number) => {
    if (counted[i] === word) return;
    counted[i] = word;
    held[i]! += weight;
    if (held[i]! > best) best = held[i]!;
  };
  present.forEach(({ w, weight }, k) => {
    const word = k + 1;
    for (let i = 0; i < n; i++) {
      const tokens = sentences[i]!.tokens;
      if (w.termToken && tokens.has(w.term)) count(i, word, weight);
      else for (const t of w.tokens) if (tokens.has(t)) count(i, word, weight);
    }
    const look = (f: string) => {
      for (let at = text.joined.indexOf(f); at >= 0;) {
        const i = sentenceAt(text.starts, at);
        count(i, word, weight);
        at = i + 1 < n ? text.joined.indexOf(f, text.starts[i + 1]) : -1;
      }
    };
    if (!w.termToken && w.term && (han || !w.termHan)) look(w.term);
    for (const f of w.spaced) look(f);
    if (han) for (const f of w.han) look(f);
  });
  return [own / total, alts / total, best / total];
}

/** A passage's sentences joined by a character no text holds, with where each begins (built once per passage). */
interface SentenceText {
  joined: string;
  starts: number[];
}

const sentenceTexts = new WeakMap<readonly TextView[], SentenceText>();

function sentenceText(sentences: readonly TextView[]): SentenceText {
  let text = sentenceTexts.get(sentences);
  if (!text) {
    const starts: number[] = [];
    let at = 0;
    for (const s of sentences) {
      starts.push(at);
      at += s.folded.length + 1;
    }
    text = { joined: sentences.map((s) => s.folded).join("\u0000"), starts };
    sentenceTexts.set(sentences, text);
  }
  return text;
}

/** The index of the sentence that holds position `at` of the joined text. */
function sentenceAt(starts: readonly number[], at: number): number {
  let lo = 0;
  let hi = starts.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (starts[mid]! <= at) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}

/** Whether a text holds a compiled question word as written (`han`: the text holds Chinese). */
function holdsTerm(view: TextView, w: CompiledWord, han: boolean): boolean {
  if (w.termToken) return view.tokens.has(w.term);
  if (!w.term || (w.termHan && !han)) return false;
  return view.folded.includes(w.term);
}

/** Whether a text holds a compiled question word through a translation or another form. */
function holdsTranslated(view: TextView, w: CompiledWord, han: boolean): boolean {
  return (
    w.tokens.some((t) => view.tokens.has(t)) ||
    w.spaced.some((f) => view.folded.includes(f)) ||
    // A text without Chinese holds none of the Chinese forms.
    (han && w.han.some((f) => view.folded.includes(f)))
  );
}

/** A question word's alternative forms sorted by how they are matched, once per question. */
interface CompiledWord {
  term: string;
  /** The term is a single Latin word (matched as a token). */
  termToken: boolean;
  /** The term holds Chinese characters. */
  termHan: boolean;
  weight: number;
  /** Single Latin words. */
  tokens: string[];
  /** Latin forms of several words. */
  spaced: string[];
  /** Forms with Chinese characters. */
  han: string[];
}

const compiled = new WeakMap<readonly QuestionWord[], CompiledWord[]>();

function compiledWords(words: readonly QuestionWord[]): CompiledWord[] {
  let out = compiled.get(words);
  if (!out) {
    out = words.map((w) => {
      const forms = w.alts.filter((a) => a !== "");
      const han = forms.filter((a) => HAN.test(a));
      const latin = forms.filter((a) => !HAN.test(a));
      const shape = shapeOf(w.term);
      return {
        term: w.term,
        termToken: w.term !== "" && shape.token,
        termHan: shape.han,
        weight: w.weight,
        tokens: latin.filter((a) => !a.includes(" ")),
        spaced: latin.filter((a) => a.includes(" ")),
        han,
      };
    });
    compiled.set(words, out);
  }
  return out;
}

/**
 * `n` occurs in `text` as a whole number (not as part of a longer one).
 *
 * @example
 *   containsNumber("in 1988 and 19880", "1988") // → true
 */
export function containsNumber(text: string, n: string): boolean {
  return text.includes(n) && numberPattern(n).test(text);
}

const numberPattern = memoize(
  (n: string) => new RegExp(`(?<![\\d.])${n.replace(/[.]/gu, "\\.")}(?![\\d]|\\.\\d)`, "u"),
  10_000,
);

/**
 * The idf-weighted share of the question's words that the corpus never uses in any form: high for
 * a question about something the corpus does not discuss.
 *
 * @example
 *   unknownShare(words, idfs, lexical) // → 0.4
 */
export function unknownShare(
  words: readonly QuestionWord[],
  idfs: readonly number[],
  lexical: LexicalIndexData,
): number {
  let total = 0;
  let unknown = 0;
  words.forEach((w, i) => {
    total += w.weight * idfs[i]!;
    if (unknownWord(w, lexical)) unknown += w.weight * idfs[i]!;
  });
  return total > 0 ? unknown / total : 0;
}

/** Words of a folded text with where they start: letters and digits, figures with their separators. */
const TEXT_WORD = /[\p{L}\p{N}](?:[\p{L}\p{N}]|[.,%'-](?=[\p{L}\p{N}]))*/gu;
/** Nearest a figure may stand before the counted noun, in English words ("3,000 skilled workers"). */
const BOUND_WORDS = 4;
/** Nearest a figure may stand before or after a Chinese form, in characters ("工人 2 萬名", "2 萬名工人"). */
const BOUND_CHARS = 6;
const DIGIT = /\p{N}/u;
/** A year is when, not how many. */
const YEAR_ONLY = new RegExp(`^${YEAR.source}$`, "u");

/**
 * Whether a text states a figure next to one of the words that say what is counted: a number a few
 * words before an English form ("employed 3,000 skilled workers"), or a few characters either side
 * of a Chinese form. A sentence that names the counted thing and states a figure elsewhere counts
 * something else.
 *
 * @example
 *   figureBound(viewOf("The park employed 3,000 skilled workers."), focus) // → true
 *   figureBound(viewOf("Workers came from 12 provinces."), focus)          // → false
 */
export function figureBound(view: TextView, words: readonly QuestionWord[]): boolean {
  const folded = view.folded;
  if (!DIGIT.test(folded)) return false;
  const compiled = compiledWords(words);
  const latin = new Set(compiled.flatMap((w) => (w.termToken ? [w.term, ...w.tokens] : w.tokens)));
  const han = compiled.flatMap((w) => (w.termHan ? [w.term, ...w.han] : w.han));
  if (latin.size) {
    const tokens = [...folded.matchAll(TEXT_WORD)].map((m) => m[0]);
    for (let i = 0; i < tokens.length; i++) {
      const key = DIGIT.test(tokens[i]![0]!) ? null : englishKey(tokens[i]!);
      if (!key || !latin.has(key)) continue;
      for (let j = Math.max(0, i - BOUND_WORDS); j < i; j++)
        if (DIGIT.test(tokens[j]![0]!) && !YEAR_ONLY.test(tokens[j]!)) return true;
    }
  }
  for (const form of han)
    for (let at = folded.indexOf(form); at >= 0; at = folded.indexOf(form, at + 1)) {
      const around = folded.slice(Math.max(0, at - BOUND_CHARS), at + form.length + BOUND_CHARS);
      if (DIGIT.test(around.replace(form, " ").replace(YEAR, " "))) return true;
    }
  return false;
}
