import type { DictionaryTerm } from "../knowledge/types.js";
import { toSimplified } from "../text/fold.js";

/**
 * A corpus's dictionary supplement (`knowledge/dictionary.json`: domain terms CC-CEDICT lacks) as
 * CC-CEDICT lines, to append to the dictionary text before parsing. Entries for words CC-CEDICT has
 * add senses after its own.
 *
 * @example
 *   supplementLines([{ zh: "科学园区", en: ["science park"] }]) // → "科学园区 科学园区 [-] /science park/"
 */
export function supplementLines(terms: readonly DictionaryTerm[]): string {
  return terms.map(({ zh, en }) => `${zh} ${toSimplified(zh)} [-] /${en.join("/")}/`).join("\n");
}
