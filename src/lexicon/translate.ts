import type { CorpusKnowledge } from "../knowledge/types.js";
import { properOnly } from "./cedict.js";
import { glossChinese } from "./gloss.js";
import { compileGazetteer, type Gazetteer } from "./names.js";
import { buildReverseIndex } from "./reverse-index.js";
import { translateToChinese } from "./to-chinese.js";
import { translateToEnglish } from "./to-english.js";
import { segmentChinese } from "./segment.js";
import { toSimplified } from "../text/fold.js";
import type { Cedict, DictWord, Lexicon, ProperNoun } from "./types.js";

/** What a lexicon reads of the corpus knowledge. */
export type LexiconKnowledge = Pick<CorpusKnowledge, "gazetteer" | "dictionary">;

/**
 * Builds a lexicon over an already parsed dictionary and a gazetteer (tests use small ones).
 *
 * @example
 *   const lexicon = createLexicon(parseCedict("外資 外资 [wai4 zi1] /foreign investment/"), {
 *     gazetteer: [{ en: ["Tianjin"], zh: ["天津"] }],
 *   });
 *   lexicon.names("天津的外資").map((n) => n.name) // → ["Tianjin"]
 */
export function createLexicon(
  cedict: Cedict,
  knowledge: Pick<CorpusKnowledge, "gazetteer">,
): Lexicon {
  const names = compileGazetteer(knowledge.gazetteer);
  const dict = withNames(cedict, names);
  const index = buildReverseIndex(dict);
  return {
    toChinese: (englishText, options) =>
      translateToChinese(englishText, { dict, index, names }, options),
    toEnglish: (chineseText, options) => translateToEnglish(chineseText, { dict, names }, options),
    gloss: (chineseText) => glossChinese(chineseText, { dict, names }),
    names: (text) => names.find(text),
    spelling: (word) => names.spelling(word),
    properNouns: (chineseText) => properNouns(chineseText, dict, names),
  };
}

/**
 * The words of Chinese text whose every dictionary sense is a proper noun, outside gazetteer
 * names: a name the corpus may never mention (以色列 → "Israel").
 *
 * @example
 *   properNouns("以色列的出口", parseCedict("以色列 以色列 [Yi3 se4 lie4] /Israel/"), names)
 *   // → [{ word: "以色列", english: ["Israel"] }]
 */
function properNouns(chineseText: string, dict: Cedict, names: Gazetteer): ProperNoun[] {
  const simplified = toSimplified(chineseText);
  const named = names.find(simplified).flatMap((n) => n.variants.map(toSimplified));
  const out = new Map<string, ProperNoun>();
  for (const t of segmentChinese(simplified, (w) => dict.words.has(w), dict.maxWordLength)) {
    const entry = dict.words.get(t.text);
    if (t.kind !== "word" || t.text.length < 2 || !(entry?.name || properOnly(entry))) continue;
    if (named.some((form) => form.includes(t.text))) continue;
    out.set(t.text, { word: t.text, english: entry!.glosses });
  }
  return [...out.values()];
}

/**
 * Gazetteer names the dictionary lacks (大德, 竹科) become headwords, so segmentation keeps them
 * whole; so do those it knows without glosses (a pruned dictionary's), with the gazetteer's English.
 */
function withNames(dict: Cedict, names: Gazetteer): Cedict {
  const words = new Map<string, DictWord>(dict.words);
  for (const [form, english] of names.forms()) {
    if (!words.get(form)?.glosses.length)
      words.set(form, {
        glosses: english,
        properMask: (1 << english.length) - 1,
        qualifiedMask: 0,
      });
  }
  return { ...dict, words };
}
