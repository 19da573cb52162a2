import type { CorpusKnowledge } from "../knowledge/types.js";
import { parseDictionary } from "../lexicon/cedict.js";
import { createLexicon } from "../lexicon/translate.js";
import type { Lexicon, Translator } from "../lexicon/types.js";
import { createVocabulary } from "../lexicon/vocabulary.js";
import { createTableVocabulary, type TableVocabulary } from "../tables/vocabulary.js";
import { memoize } from "../text/memo.js";

/**
 * A corpus's knowledge (`<CORPUS_DIR>/knowledge/*.json`) and what is built from it: the lexicon
 * (CC-CEDICT with the corpus's supplement and gazetteer) and the table vocabulary (its places and
 * header concepts). Built once at the edge and passed to the build and the service.
 */
export interface CorpusLanguage {
  readonly knowledge: CorpusKnowledge;
  /** Null when the caller does without translation and glosses (tests that need speed). */
  readonly lexicon: Lexicon | null;
  readonly tables: TableVocabulary;
}

/**
 * The corpus language from knowledge and dictionary text already read: the whole CC-CEDICT in Node,
 * the copy `npm run build:worker` pruned to the corpus's words in the Worker, with the headwords
 * it left out (`headwords`, one a line, known without glosses); null for none.
 *
 * @example
 *   const language = createLanguage(parseKnowledge(bytes), await readCedictText());
 *   language.lexicon?.toEnglish("外資") // → ["foreign", "investment", "capital"]
 */
export function createLanguage(
  knowledge: CorpusKnowledge,
  cedictText: string | null,
  headwords = "",
): CorpusLanguage {
  return {
    knowledge,
    lexicon:
      cedictText === null
        ? null
        : createLexicon(parseDictionary(cedictText, knowledge.dictionary, headwords), knowledge),
    tables: createTableVocabulary(knowledge),
  };
}

/** Translations kept per direction (a few MB at most). */
const TRANSLATIONS_KEPT = 20_000;

/**
 * The CC-CEDICT lexicon and the corpus gazetteer as a retrieval translator. With the corpus's Chinese
 * text as vocabulary, translations the corpus actually uses rank first.
 *
 * @example
 *   const translator = makeTranslator(lexicon, chunks.filter((c) => c.lang === "zh").map((c) => c.text));
 */
export function makeTranslator(lexicon: Lexicon, chineseTexts: Iterable<string> = []): Translator {
  const vocabulary = createVocabulary(chineseTexts);
  // Questions repeat words: each word's translation is worked out once per process.
  const toChinese = memoize((en) => lexicon.toChinese(en, { vocabulary }), TRANSLATIONS_KEPT);
  const toEnglish = memoize((zh) => lexicon.toEnglish(zh), TRANSLATIONS_KEPT);
  const gloss = memoize((zh) => lexicon.gloss(zh), TRANSLATIONS_KEPT);
  return {
    toChinese: (en) => [...toChinese(en)],
    toEnglish: (zh) => [...toEnglish(zh)],
    gloss,
    romanised: (word) => [...vocabulary.byPinyin(word)],
    names: (text) => lexicon.names(text),
    spelling: (word) => lexicon.spelling(word),
    properNouns: (zh) => lexicon.properNouns(zh),
  };
}
