export { ATTRIBUTION, cedictPath, loadCedict, parseCedict } from "./cedict.js";
export { toSimplified } from "../text/fold.js";
export { compileGazetteer, latinKey, matchesPinyin, pinyinOf, type Gazetteer } from "./names.js";
export { createLexicon, loadLexicon, type LexiconKnowledge } from "./translate.js";
export { createVocabulary } from "./vocabulary.js";
export type {
  ChineseVocabulary,
  FoundName,
  Lexicon,
  ToChineseOptions,
  ToEnglishOptions,
} from "./types.js";
