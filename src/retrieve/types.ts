import type { Chunk } from "../chunks/types.js";

/** A retrieved passage with its fused score and the signals that produced it. */
export interface Hit {
  index: number;
  chunk: Chunk;
  score: number;
  lexical: number;
  dense: number;
}

/** Cross-lingual help for retrieval; satisfied by the CC-CEDICT lexicon, or absent. */
export interface Translator {
  toChinese(englishText: string): string[];
  toEnglish(chineseText: string): string[];
  gloss(chineseText: string): string;
  /** Chinese words of the corpus whose pinyin spells a romanised name ("Shougang" → 首钢). */
  romanised(word: string): string[];
  /** Other spellings and scripts of place and organisation names found in the text. */
  names(text: string): Array<{ name: string; variants: readonly string[] }>;
}

/** A question turned into weighted terms for each index. */
export interface PreparedQuery {
  text: string;
  lang: "en" | "zh";
  /** Terms searched in the passages' own text. */
  terms: Array<{ term: string; weight: number }>;
  /** Dictionary translations and other-script name forms, ranked separately from `terms`. */
  crossTerms: Array<{ term: string; weight: number }>;
  /** Terms searched in the English glosses of Chinese passages. */
  glossTerms: Array<{ term: string; weight: number }>;
  /**
   * Content words of the question (weight 1) and of its follow-up context (weight 0.5), each with its
   * translations and name variants (`alts`, match form), for measuring how much of the question a sentence covers.
   */
  words: Array<{ term: string; weight: number; alts: string[] }>;
  /** Text given to the dense encoder. */
  denseText: string;
  /** Numbers and years written in the question (and its follow-up context). */
  numbers: string[];
  /** Years the question itself asks about: an answer must mention them. */
  years: string[];
  /** Documents the question names by their authors ("According to Chen (2014)…"). */
  preferDocs: string[];
  /** Names (all variants, match form) that a passage must mention to answer the question. */
  anchors: string[][];
}
