export { ATTRIBUTION, parseCedict, parseDictionary } from "./cedict.js";
export { cedictPath, loadCedict, loadLexicon, readCedictText } from "./cedict-file.js";
export { toSimplified } from "../text/fold.js";
export { compileGazetteer, latinKey, matchesPinyin, pinyinOf, type Gazetteer } from "./names.js";
export { createLexicon, type LexiconKnowledge } from "./translate.js";
export { createVocabulary } from "./vocabulary.js";
export type {
  ChineseVocabulary,
  FoundName,
  Lexicon,
  ToChineseOptions,
  ToEnglishOptions,
} from "./types.js";
