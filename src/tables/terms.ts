import { stem } from "../text/english.js";
import { matchForm } from "../text/fold.js";
import { FUNCTION_WORDS } from "../text/stop-words.js";
import { chineseWords } from "../text/tokens.js";
import type { Concept } from "../knowledge/types.js";
import type { PlaceHit } from "./names.js";

/** Match terms of a text with their weights: places and years weigh most, bigrams least. */
export type Terms = Map<string, number>;

const WEIGHT = { place: 3, year: 3, concept: 2, word: 1, bigram: 0.5 } as const;

/** Words that name no row or column: function words, and the words questions use to point at a table. */
const EN_STOP = new Set([
  ...FUNCTION_WORDS,
  ..."vs based came come comes got get gets table tab highest lowest largest smallest biggest greatest most least fewest top".split(
    " ",
  ),
]);
/** Question words and administrative suffixes that say nothing about a row or column. */
const ZH_STOP = new Set([
  "的",
  "了",
  "是",
  "在",
  "有",
  "和",
  "与",
  "及",
  "之",
  "从",
  "向",
  "对",
  "多",
  "少",
  "年",
  "市",
  "省",
  "区",
  "县",
  "呢",
  "吗",
  "哪",
  "个",
  "几",
  "为",
  "表",
  "多少",
  "哪个",
  "什么",
  "有多",
  "哪一",
  "一年",
  "单位",
  "同一",
  "那么",
  "最多",
  "最高",
  "最大",
  "最少",
  "最低",
  "最小",
  "哪些",
  "一共",
  "总共",
  "大约",
  "约",
]);

interface ConceptForms {
  /** Phrases, Chinese forms and symbols, longest first, matched in folded text. */
  phrases: Array<{ form: string; id: string; latin: boolean }>;
  /** Stems of single English words. */
  stems: Map<string, string>;
}

function conceptForms(concepts: readonly Concept[]): ConceptForms {
  const phrases: ConceptForms["phrases"] = [];
  const stems = new Map<string, string>();
  for (const c of concepts) {
    for (const w of c.en) {
      if (/^[a-z]+$/iu.test(w)) stems.set(stemOf(w.toLowerCase()), c.id);
      else phrases.push({ form: matchForm(w), id: c.id, latin: /[a-z]/iu.test(w) });
    }
    for (const z of c.zh) phrases.push({ form: matchForm(z), id: c.id, latin: false });
  }
  phrases.sort((a, b) => b.form.length - a.form.length);
  return { phrases, stems };
}

function stemOf(word: string): string {
  return word.length > 3 ? stem(word) : word;
}

/** Reads match terms out of text with one corpus's places and concepts. */
export interface TermReader {
  /**
   * Match terms of a label, caption or question: place ids (`@beijing`), concept ids (`~export`),
   * years (`#2007`), English stems, and for Chinese the segmenter's words plus character bigrams.
   */
  termsOf(text: string): Terms;
  /** The terms of a text in reading order (repeats kept), for phrase-order comparisons. */
  termSequence(text: string): string[];
}

interface Analysis {
  terms: Terms;
  sequence: string[];
}

/**
 * A term reader over a place finder and concepts; it remembers the texts it has read.
 *
 * @example
 *   const { termsOf, termSequence } = termReader(placeFinder(places), concepts);
 *   [...termsOf("東莞 foreign-affiliated firms, 2007").keys()] // → ["@dongguan", "~foreign", "~firm", "#2007"]
 *   termSequence("percentage of revenue from new products") // → ["~percent", "~revenue", "~new-product"]
 */
export function termReader(
  findPlaces: (folded: string) => PlaceHit[],
  concepts: readonly Concept[],
): TermReader {
  const forms = conceptForms(concepts);
  const memo = new Map<string, Analysis>();
  const analyse = (text: string): Analysis => {
    const cached = memo.get(text);
    if (cached) return cached;
    const analysis = analyseText(text, findPlaces, forms);
    if (memo.size > 20_000) memo.clear();
    memo.set(text, analysis);
    return analysis;
  };
  return {
    termsOf: (text) => analyse(text).terms,
    termSequence: (text) => analyse(text).sequence,
  };
}

function analyseText(
  text: string,
  findPlaces: (folded: string) => PlaceHit[],
  forms: ConceptForms,
): Analysis {
  const found: Array<{ term: string; weight: number; at: number }> = [];
  // "z score" and "z-score" are one word ("a" and "i" are English words of their own);
  // Chinese question words name nothing a table holds.
  let folded = matchForm(text)
    .replace(/(?<![a-z'])([b-hj-z])[ -](?=[a-z]{2,})/gu, "$1-")
    .replace(/(?:是|有|为|为了)?多少|什么|哪(?:个|一|些)?|几|吗|呢/gu, (m) => " ".repeat(m.length));
  const blank = (start: number, end: number) => {
    folded = `${folded.slice(0, start)}${" ".repeat(end - start)}${folded.slice(end)}`;
  };
  for (const hit of findPlaces(folded)) {
    found.push({ term: `@${hit.id}`, weight: WEIGHT.place, at: hit.start });
    blank(hit.start, hit.end);
  }
  for (const { form, id, latin } of forms.phrases) {
    for (let at = folded.indexOf(form); at >= 0; at = folded.indexOf(form, at + 1)) {
      const end = at + form.length;
      if (latin && (/[a-z]/u.test(folded[at - 1] ?? "") || /[a-z]/u.test(folded[end] ?? "")))
        continue;
      found.push({ term: `~${id}`, weight: WEIGHT.concept, at });
      blank(at, end);
    }
  }
  for (const m of folded.matchAll(/(?<!\d)(?:19|20)\d{2}(?!\d)/gu))
    found.push({ term: `#${m[0]}`, weight: WEIGHT.year, at: m.index });
  for (const m of folded.matchAll(/[a-z][a-z'&]*(?:-[a-z]+)*/gu)) {
    for (const [term, weight] of wordTerms(m[0], forms.stems))
      found.push({ term, weight, at: m.index });
  }
  for (const m of folded.matchAll(/\p{Script=Han}+/gu)) {
    for (const [term, weight, offset] of hanTerms(m[0]))
      found.push({ term, weight, at: m.index + offset });
  }
  found.sort((a, b) => a.at - b.at);
  const terms: Terms = new Map();
  for (const { term, weight } of found) terms.set(term, Math.max(weight, terms.get(term) ?? 0));
  const sequence = found.filter((f) => f.weight >= WEIGHT.word).map((f) => f.term);
  return { terms, sequence };
}

function wordTerms(word: string, stems: ReadonlyMap<string, string>): Array<[string, number]> {
  const whole = stems.get(stemOf(word.replace(/'/gu, "")));
  if (whole) return [[`~${whole}`, WEIGHT.concept]];
  const out: Array<[string, number]> = [];
  // "z-score", "r-squared": a one-letter part only means something with the rest of the word.
  if (/^[a-z]-|-[a-z]$/u.test(word)) return [[word.replace(/'/gu, ""), WEIGHT.word]];
  for (const part of word.split("-")) {
    const w = part.replace(/'/gu, "");
    if (!w || EN_STOP.has(w) || w.length < 2) continue;
    const stem = stemOf(w);
    const concept = stems.get(stem);
    out.push(concept ? [`~${concept}`, WEIGHT.concept] : [stem, WEIGHT.word]);
  }
  return out;
}

function hanTerms(run: string): Array<[string, number, number]> {
  if (run.length === 1) return ZH_STOP.has(run) ? [] : [[run, WEIGHT.bigram, 0]];
  const out: Array<[string, number, number]> = [];
  for (const { word, at } of chineseWords(run)) {
    if (word.length > 1 && !ZH_STOP.has(word)) out.push([word, WEIGHT.word, at]);
  }
  for (let i = 0; i + 1 < run.length; i++) {
    const bigram = run.slice(i, i + 2);
    if (!ZH_STOP.has(bigram)) out.push([bigram, WEIGHT.bigram, i]);
  }
  return out;
}
