import { detectLanguage } from "../chunks/chunk.js";
import { contentWords, matchForm, tokenize } from "./tokenize.js";
import type { PreparedQuery, Translator } from "./types.js";

/**
 * How many of the query's anchors a text mentions, compared token by token (so "Zhong’guan-cun",
 * "Zhong'guancun" and "ZHONGGUANCUN" agree).
 *
 * @example
 *   anchorsFound(query, new Set(tokenize(passage))) // → 1 of query.anchors.length
 */
export function anchorsFound(query: PreparedQuery, tokens: ReadonlySet<string>): number {
  return query.anchors.filter((forms) =>
    forms.some((f) => {
      const t = tokenize(f);
      return t.length > 0 && t.every((x) => tokens.has(x));
    }),
  ).length;
}

/** Weights of each kind of query term relative to the user's own words. */
export const TERM_WEIGHTS = { own: 1, name: 0.8, translated: 0.45, gloss: 0.6 } as const;

const NUMBER = /\d+(?:[.,]\d+)*/gu;
const COMMON_CAPITALISED = new Set(["what", "which", "who", "whom", "when", "where", "why", "how", "in", "and", "the", "a", "an", "by", "for", "of", "after", "before", "as", "according", "across", "during", "from", "to", "on", "at", "is", "are", "was", "were", "did", "do", "does", "i", "china", "chinese", "table", "figure", "ict", "r&d"]);

/** Capitalised words inside an English question (not its first word): names the answer must mention. */
export function properWords(text: string): string[] {
  const out: string[] = [];
  for (const sentence of text.split(/(?<=[.?!])\s+/u)) {
    const words = sentence.match(/[\p{L}][\p{L}'’-]*/gu) ?? [];
    words.forEach((w, i) => {
      const bare = w.replace(/['’]s$/u, "");
      // Demonyms ("European", "Japanese") describe rather than name what is asked about.
      const demonym = /(?:ean|ian|ese|ish)$/iu.test(bare);
      if (i > 0 && /^\p{Lu}/u.test(bare) && !demonym && !COMMON_CAPITALISED.has(bare.toLowerCase()) && bare.length > 2) out.push(bare);
    });
  }
  return [...new Set(out)];
}

/**
 * Prepares a question for retrieval: its own terms, name variants in both scripts, dictionary
 * translations into the other language, and the text for the dense encoder.
 *
 * @example
 *   prepareQuery("What did Tianjin attract from Beijing?", lexicon).terms // includes "天津" via the gazetteer
 */
export function prepareQuery(question: string, translator: Translator | null, denseMultilingual = false, context = ""): PreparedQuery {
  const text = context ? `${context} ${question}` : question;
  const lang = detectLanguage(question) === "zh" ? "zh" : "en";
  const weights = new Map<string, number>();
  const add = (tokens: string[], w: number) => {
    for (const t of new Set(tokens)) weights.set(t, Math.max(weights.get(t) ?? 0, w));
  };
  // A follow-up's own words count fully; the earlier turn it continues counts half.
  const own = tokenize(question);
  add(tokenize(context), TERM_WEIGHTS.own * 0.5);
  add(own, TERM_WEIGHTS.own);
  const glossTerms: PreparedQuery["glossTerms"] = [];
  const anchors: string[][] = [];
  let denseText = text;
  if (translator) {
    const ownNames = translator.names(question);
    // Names in the follow-up replace those of the earlier turn ("And in Dongguan?").
    for (const n of ownNames.length ? ownNames : translator.names(context)) {
      add(n.variants.flatMap((v) => tokenize(v)), TERM_WEIGHTS.name);
      anchors.push([...new Set(n.variants.map((v) => matchForm(v)))]);
    }
    const known = new Set(anchors.flat());
    for (const word of properWords(ownNames.length ? question : text)) {
      const form = matchForm(word);
      if (known.has(form)) continue;
      anchors.push([form, ...translator.toChinese(word).map((w) => matchForm(w))]);
    }
    if (lang === "en") {
      add(translator.toChinese(text).flatMap((w) => tokenize(w)), TERM_WEIGHTS.translated);
      for (const t of new Set(own)) glossTerms.push({ term: t, weight: TERM_WEIGHTS.gloss });
    } else {
      const english = translator.toEnglish(text);
      add(english.flatMap((w) => tokenize(w)), TERM_WEIGHTS.translated);
      if (!denseMultilingual) denseText = `${english.join(" ")} ${text.match(/[A-Za-z0-9.%]+/gu)?.join(" ") ?? ""}`.trim();
    }
  }
  const words = new Map<string, number>();
  for (const w of contentWords(context)) words.set(w, 0.5);
  for (const w of contentWords(question)) words.set(w, 1);
  return {
    text,
    lang,
    words: [...words].map(([term, weight]) => ({ term, weight })),
    terms: [...weights].map(([term, weight]) => ({ term, weight })),
    glossTerms,
    denseText,
    numbers: [...new Set(matchForm(text).replace(/(\d),(?=\d{3})/gu, "$1").match(NUMBER) ?? [])],
    anchors,
  };
}
