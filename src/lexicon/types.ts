/** One simplified headword of the dictionary, all its entries merged. */
export interface DictWord {
  /**
   * Cleaned English glosses: common-word senses first, then proper-noun senses (reduced to the
   * name), each in dictionary order. Empty for a headword known only for segmentation (the words a
   * pruned dictionary left out).
   */
  readonly glosses: readonly string[];
  /** Bit i is set when glosses[i] comes from a proper-noun entry (capitalised pinyin). */
  readonly properMask: number;
  /** Bit i is set when glosses[i] had a note narrowing its sense ("private (army rank)"). */
  readonly qualifiedMask: number;
  /** Known without glosses, as a proper noun only (a name a pruned dictionary left out). */
  readonly name?: boolean;
}

/** The parsed dictionary (CC-CEDICT plus the corpus's domain supplement). */
export interface Cedict {
  /** Simplified headword → merged glosses. */
  readonly words: ReadonlyMap<string, DictWord>;
  /** Longest headword, in characters, that segmentation needs to try. */
  readonly maxWordLength: number;
  /** Toneless joined pinyin of proper nouns → simplified headwords ("tianjin" → ["天津"]). */
  readonly properByPinyin: ReadonlyMap<string, readonly string[]>;
}

/** Chinese words of a corpus, for checking translations against what the text actually says. */
export interface ChineseVocabulary {
  /** Whether the (Simplified) word occurs in the corpus text. */
  has(word: string): boolean;
  /** Corpus words (Simplified, 2–4 characters) whose toneless pinyin spells a romanised name. */
  byPinyin(romanised: string): readonly string[];
}

/** Options of `Lexicon.toChinese`. */
export interface ToChineseOptions {
  /** When given, translations found in the corpus rank higher and unknown names resolve by pinyin. */
  readonly vocabulary?: ChineseVocabulary;
  /** Most Chinese words returned per English word or phrase (default 3). */
  readonly perTerm?: number;
  /** Most Chinese words returned in all (default 25). */
  readonly limit?: number;
}

/** Options of `Lexicon.toEnglish`. */
export interface ToEnglishOptions {
  /** Most English words returned (default 30). */
  readonly limit?: number;
}

/** Bilingual lookups over the dictionary and the corpus's gazetteer; all methods are synchronous and pure. */
export interface Lexicon {
  /** Simplified Chinese words translating the content words and phrases of English text. */
  toChinese(englishText: string, options?: ToChineseOptions): string[];
  /** Lowercase English content words glossing Chinese text (Traditional or Simplified). */
  toEnglish(chineseText: string, options?: ToEnglishOptions): string[];
  /** A word-by-word English rendering of a Chinese passage, for English-only encoders. */
  gloss(chineseText: string): string;
  /** Gazetteer names in a text (English or Chinese), with their other spellings and scripts. */
  names(text: string): FoundName[];
  /** The gazetteer's spelling of a name misspelt by one letter ("Shenzen" → "Shenzhen"), or null. */
  spelling(word: string): string | null;
  /**
   * Words of Chinese text that the dictionary knows only as proper nouns (every sense's pinyin
   * capitalised: 以色列 "Israel"), with their English names; gazetteer names are left to `names`.
   */
  properNouns(chineseText: string): ProperNoun[];
}

/** A dictionary word read as a name, with the English the dictionary gives it. */
export interface ProperNoun {
  /** Simplified form. */
  readonly word: string;
  readonly english: readonly string[];
}

/** A gazetteer name found in a text. */
export interface FoundName {
  /** Canonical English form. */
  readonly name: string;
  /** All forms: English, Traditional, Simplified. */
  readonly variants: readonly string[];
}

/** Cross-lingual help for question analysis and retrieval: the CC-CEDICT lexicon with the corpus vocabulary and gazetteer. */
export interface Translator {
  toChinese(englishText: string): string[];
  toEnglish(chineseText: string): string[];
  gloss(chineseText: string): string;
  /** Chinese words of the corpus whose pinyin spells a romanised name ("Shougang" → 首钢). */
  romanised(word: string): string[];
  /** Other spellings and scripts of place and organisation names found in the text. */
  names(text: string): Array<{ name: string; variants: readonly string[] }>;
  /** The gazetteer's spelling of a name misspelt by one letter ("Shenzen" → "Shenzhen"), or null. */
  spelling?(word: string): string | null;
  /** Words of Chinese text the dictionary knows only as proper nouns, with their English names. */
  properNouns?(chineseText: string): ProperNoun[];
}
