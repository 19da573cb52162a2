/** What a question asks for, read from its interrogative words. */
export const ANSWER_KINDS = [
  "quantity",
  "share",
  "date",
  "reason",
  "manner",
  "person",
  "place",
  "name",
  "yesno",
  "other",
] as const;
export type AnswerKind = (typeof ANSWER_KINDS)[number];

/** A content word of the question with the forms that count as the same word. */
export interface QuestionWord {
  /** Matching form (English stem or Simplified Chinese word). */
  term: string;
  /** Translations and name variants, in matching form. */
  alts: string[];
  /** 1 for the question's own words, less for an earlier turn's, less again for words naming a source. */
  weight: number;
}

/** A name the question mentions: a gazetteer place or organisation, or a capitalised or quoted word. */
export interface Entity {
  name: string;
  /** Every form that counts (both scripts, all spellings), in matching form. */
  forms: string[];
  /** Found in the gazetteer (else read from capitalisation, quotation or Latin letters in Chinese). */
  known: boolean;
}

/** One document the question points at ("according to Chen", "the Erdkunde review"), with how strongly. */
export interface SourcePointer {
  docId: string;
  /** Share of the document's identifying words (authors, title, journal, year) the question uses, idf-weighted. */
  strength: number;
}

/**
 * Everything the later stages need to know about a question, read once. Retrieval, answering and
 * table lookups read this and never the raw wording.
 */
export interface QuestionAnalysis {
  /** The question as asked. */
  question: string;
  /** The text retrieval reads: the question, or a follow-up rewritten with the earlier turn's subject. */
  text: string;
  /** Earlier turn(s) a follow-up continues; "" for a self-contained question. */
  context: string;
  followUp: "none" | "continues" | "rewritten";
  /**
   * Other rewritings of a name-swapping follow-up, when its one new name may replace any of several
   * earlier ones; each is answered and the best-supported answer kept ([] otherwise).
   */
  readings: string[];
  lang: "en" | "zh";
  script: "latin" | "hant" | "hans";
  asks: AnswerKind;
  /** "Which … the highest/lowest …": the question compares rows or places. */
  compare: "max" | "min" | null;
  /** Years the question names (its own, not the earlier turn's). */
  years: string[];
  /** Every number the question and its context name, digit groups merged. */
  numbers: string[];
  entities: Entity[];
  sources: SourcePointer[];
  /** The clause that says where to look ("according to the 2010 survey", "那篇論文裡"), or "". */
  attribution: string;
  /** Sub-questions of a compound question (two or more), or [] when it asks one thing. */
  parts: string[];
  /** Content words of the question (weight 1) and of its context (less). */
  words: QuestionWord[];
  /** What a quantity question counts or measures ("how many *researchers*", "多少*研究人員*"), as words. */
  focus: QuestionWord[];
}
