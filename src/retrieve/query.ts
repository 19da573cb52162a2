import { detectLanguage } from "../chunks/chunk.js";
import { eventYears, properWords, splitSourceClause } from "./clauses.js";
import { contentWords, englishKey, tokenize } from "../text/tokens.js";
import { matchForm } from "../text/fold.js";
import type { PreparedQuery, Translator } from "./types.js";

/**
 * How many of the query's anchors a text mentions, compared token by token (so "Zhong’guan-cun",
 * "Zhong'guancun" and "ZHONGGUANCUN" agree).
 *
 * @example
 *   anchorsFound(query, new Set(tokenize(passage))) // → 1 of query.anchors.length
 */
export function anchorsFound(
  query: PreparedQuery,
  tokens: ReadonlySet<string>,
  anchors: readonly string[][] = query.anchors,
): number {
  return anchors.filter((forms) =>
    forms.some((f) => {
      const t = tokenize(f);
      return t.length > 0 && t.every((x) => tokens.has(x));
    }),
  ).length;
}

/**
 * The content words of a text, each with the forms that count as the same word in the other language:
 * dictionary translations, and for names every spelling and script.
 *
 * @example
 *   wordsWithAlts("外資銀行", lexicon) // → [{ term: "外资", alts: ["foreign", "invest", …] }, …]
 */
export function wordsWithAlts(
  text: string,
  translator: Translator | null,
): Array<{ term: string; alts: string[] }> {
  if (!text.trim()) return [];
  const out = new Map<string, { term: string; alts: string[] }>();
  const folded = matchForm(text);
  if (translator) {
    for (const n of translator.names(text)) {
      const forms = [...new Set(n.variants.map((v) => matchForm(v)))];
      out.set(`name:${n.name}`, { term: forms[0]!, alts: forms });
    }
  }
  for (const m of text
    .replace(/\p{Script=Han}+/gu, " ")
    .matchAll(/[\p{L}\p{N}]+(?:[.'’][\p{L}\p{N}]+)*/gu)) {
    const key = englishKey(matchForm(m[0]));
    if (!key || out.has(key)) continue;
    const alts =
      translator && !/^\d/u.test(key)
        ? [
            ...translator.toChinese(m[0]).map((w) => matchForm(w)),
            ...(/^\p{Lu}/u.test(m[0]) ? translator.romanised(key) : []),
          ]
        : [];
    out.set(key, { term: key, alts });
  }
  for (const w of contentWords(folded.replace(/[\p{L}\p{N}]*[a-z0-9][\p{L}\p{N}]*/gu, " "))) {
    if (out.has(w)) continue;
    const alts = translator
      ? translator
          .toEnglish(w)
          .map((e) => englishKey(e))
          .filter((k): k is string => k !== null)
      : [];
    out.set(w, { term: w, alts });
  }
  return [...out.values()];
}

const NUMBER = /\d+(?:[.,]\d+)*/gu;
const numbersIn = (text: string): string[] => [
  ...new Set(
    matchForm(text)
      .replace(/(\d),(?=\d{3})/gu, "$1")
      .match(NUMBER) ?? [],
  ),
];

/** Weights of each kind of query term relative to the user's own words. */
export const TERM_WEIGHTS = {
  own: 1,
  name: 0.8,
  translated: 0.45,
  gloss: 0.6,
  source: 0.3,
} as const;

/** Options of {@link prepareQuery}. */
export interface QueryOptions {
  /** Whether the dense encoder reads Chinese itself (else Chinese questions are embedded through glosses). */
  multilingual?: boolean;
  /** The earlier turn a follow-up continues, and how much its words count. */
  context?: string;
  contextWeight?: number;
  /** Names that refer to sources rather than to what is asked ("According to Liefner and Kroll"). */
  sourceNames?: readonly string[];
  /** Documents the question points at by their authors; their passages rank higher. */
  preferDocs?: readonly string[];
}

/**
 * Prepares a question for retrieval: its own terms, name variants in both scripts, dictionary
 * translations into the other language, and the text for the dense encoder.
 *
 * @example
 *   prepareQuery("What did Tianjin attract from Beijing?", lexicon).terms // includes "天津" via the gazetteer
 */
export function prepareQuery(
  rawQuestion: string,
  translator: Translator | null,
  opts: QueryOptions = {},
): PreparedQuery {
  const {
    multilingual: denseMultilingual = false,
    context = "",
    contextWeight = 0.5,
    sourceNames = [],
    preferDocs = [],
  } = opts;
  const ignored = new Set(sourceNames.map((n) => n.toLowerCase()));
  // "…, according to the chapter comparing Hsinchu, Zhongguancun and Daedeok?" says where to look, not
  // what is asked: its words count little and its names and years are not required.
  const { main, source } = splitSourceClause(rawQuestion);
  const question = main;
  const text = context ? `${context} ${question}` : question;
  const lang = detectLanguage(question) === "zh" ? "zh" : "en";
  const weights = new Map<string, number>();
  const add = (tokens: string[], w: number) => {
    for (const t of new Set(tokens)) weights.set(t, Math.max(weights.get(t) ?? 0, w));
  };
  // A follow-up's own words count fully; the earlier turn it continues counts half (fully once rewritten).
  const own = tokenize(question);
  add(tokenize(context), TERM_WEIGHTS.own * contextWeight);
  add(own, TERM_WEIGHTS.own);
  add(tokenize(source), TERM_WEIGHTS.source);
  // Translations form their own ranking (see retriever.ts), so the other language's passages are not
  // outweighed by matches of the question's own words.
  const cross = new Map<string, number>();
  const addCross = (tokens: string[], w: number) => {
    for (const t of new Set(tokens)) cross.set(t, Math.max(cross.get(t) ?? 0, w));
  };
  const glossTerms: PreparedQuery["glossTerms"] = [];
  const anchors: string[][] = [];
  let denseText = text;
  const ownNames = translator?.names(question) ?? [];
  // Names in the follow-up replace those of the earlier turn ("And in Dongguan?").
  for (const n of ownNames.length ? ownNames : (translator?.names(context) ?? [])) {
    add(
      n.variants.flatMap((v) => tokenize(v)),
      TERM_WEIGHTS.name,
    );
    addCross(
      n.variants.flatMap((v) => tokenize(v)),
      1,
    );
    anchors.push([...new Set(n.variants.map((v) => matchForm(v)))]);
  }
  const known = new Set(anchors.flat());
  for (const word of properWords(ownNames.length ? question : text)) {
    const form = matchForm(word);
    if (known.has(form) || ignored.has(word.toLowerCase())) continue;
    const translations = translator
      ? [
          ...translator.toChinese(word),
          ...translator.romanised(word.toLowerCase().replace(/['’\s-]/gu, "")),
        ]
      : [];
    anchors.push([form, ...translations.map((w) => matchForm(w))]);
  }
  if (translator) {
    if (lang === "en") {
      const chinese = translator.toChinese(text).flatMap((w) => tokenize(w));
      add(chinese, TERM_WEIGHTS.translated);
      addCross(chinese, 1);
      for (const t of new Set(own)) glossTerms.push({ term: t, weight: TERM_WEIGHTS.gloss });
    } else {
      const english = translator.toEnglish(text);
      add(
        english.flatMap((w) => tokenize(w)),
        TERM_WEIGHTS.translated,
      );
      addCross(
        english.flatMap((w) => tokenize(w)),
        1,
      );
      // Latin words and numbers written in a Chinese question ("YKIIC", "2005") match English text as they are.
      addCross(tokenize(question.replace(/\p{Script=Han}+/gu, " ")), 1);
      if (!denseMultilingual)
        denseText =
          `${english.join(" ")} ${text.match(/[A-Za-z0-9.%]+/gu)?.join(" ") ?? ""}`.trim();
    }
  }
  const words = new Map<string, { term: string; weight: number; alts: string[] }>();
  for (const w of wordsWithAlts(context, translator))
    words.set(w.term, { ...w, weight: contextWeight });
  for (const w of wordsWithAlts(question, translator)) words.set(w.term, { ...w, weight: 1 });
  return {
    text,
    lang,
    words: [...words.values()],
    terms: [...weights].map(([term, weight]) => ({ term, weight })),
    crossTerms: [...cross].map(([term, weight]) => ({ term, weight })),
    glossTerms,
    denseText,
    numbers: numbersIn(text),
    // Years of an earlier turn are context, not requirements ("What about firms in Guangdong?").
    years: eventYears(question),
    anchors,
    preferDocs: [...preferDocs],
  };
}
