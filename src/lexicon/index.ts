export { ATTRIBUTION, cedictPath, loadCedict, parseCedict } from "./cedict.js";
export { toSimplified } from "../text/fold.js";
export {
  englishName,
  findNames,
  latinKey,
  matchesPinyin,
  nameVariants,
  pinyinOf,
} from "./names.js";
export { createLexicon, loadLexicon } from "./translate.js";
export { createVocabulary } from "./vocabulary.js";
export type {
  ChineseVocabulary,
  FoundName,
  Lexicon,
  NameEntry,
  ToChineseOptions,
  ToEnglishOptions,
} from "./types.js";
