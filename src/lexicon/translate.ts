import { loadCedict } from "./cedict.js";
import { glossChinese } from "./gloss.js";
import { buildReverseIndex } from "./reverse-index.js";
import { translateToChinese } from "./to-chinese.js";
import { translateToEnglish } from "./to-english.js";
import { nameForms } from "./names.js";
import type { Cedict, DictWord, Lexicon } from "./types.js";

let loading: Promise<Lexicon> | undefined;

/**
 * Loads the dictionary once (about a second) and returns the shared lexicon; later calls reuse
 * the same promise.
 *
 * @example
 *   const lexicon = await loadLexicon();
 *   lexicon.toChinese("foreign investment in Tianjin") // → ["天津", "外资", …]
 *   lexicon.toEnglish("外資") // → ["foreign", "investment", "capital"]
 *   lexicon.gloss("北京的外資銀行") // → "Beijing foreign bank"
 */
export function loadLexicon(): Promise<Lexicon> {
  loading ??= loadCedict().then(createLexicon);
  // A failed load (unreadable dictionary) may be retried by the next caller.
  loading.catch(() => {
    loading = undefined;
  });
  return loading;
}

/**
 * Builds a lexicon over an already parsed dictionary (tests use small dictionaries).
 *
 * @example
 *   const lexicon = createLexicon(parseCedict("外資 外资 [wai4 zi1] /foreign investment/"));
 */
export function createLexicon(cedict: Cedict): Lexicon {
  const dict = withNames(cedict);
  const index = buildReverseIndex(dict);
  return {
    toChinese: (englishText, options) => translateToChinese(englishText, { dict, index }, options),
    toEnglish: (chineseText, options) => translateToEnglish(chineseText, dict, options),
    gloss: (chineseText) => glossChinese(chineseText, dict),
  };
}

/** Gazetteer names the dictionary lacks (大德, 竹科) become headwords, so segmentation keeps them whole. */
function withNames(dict: Cedict): Cedict {
  const words = new Map<string, DictWord>(dict.words);
  for (const [form, english] of nameForms()) {
    if (!words.has(form))
      words.set(form, {
        glosses: english,
        properMask: (1 << english.length) - 1,
        qualifiedMask: 0,
      });
  }
  return { ...dict, words };
}
