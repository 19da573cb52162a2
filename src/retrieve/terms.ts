import type { Translator } from "../lexicon/types.js";
import type { QuestionAnalysis } from "../question/types.js";
import { tokenize } from "../text/tokens.js";
import type { QueryTerm } from "./lexical-index.js";

/** The lexical searches a question runs, one ranking each, and the text given to the dense encoder. */
export interface SearchTerms {
  /** The question's own words (or its rewritten form). */
  own: QueryTerm[];
  /** Words of the earlier turn a follow-up continues. */
  context: QueryTerm[];
  /** Every form of the names it mentions. */
  names: QueryTerm[];
  /** Dictionary translations into the other language. */
  cross: QueryTerm[];
  /** Its words, searched in the English glosses of Chinese passages. */
  gloss: QueryTerm[];
  denseText: string;
}

const terms = (tokens: readonly string[], weight = 1): QueryTerm[] =>
  [...new Set(tokens)].map((term) => ({ term, weight }));

/**
 * The searches for an analysed question.
 *
 * @example
 *   searchTerms(analysis, translator, false).cross // → Chinese translations of an English question
 */
export function searchTerms(
  a: QuestionAnalysis,
  translator: Translator | null,
  multilingual: boolean,
): SearchTerms {
  const own = tokenize(a.text);
  const context = a.followUp === "continues" ? tokenize(a.context) : [];
  const names = a.entities.flatMap((e) => e.forms.flatMap((f) => tokenize(f)));
  let cross: string[] = [];
  let denseText = a.followUp === "continues" ? `${a.context} ${a.text}` : a.text;
  if (translator) {
    if (a.lang === "en") cross = translator.toChinese(a.text).flatMap((w) => tokenize(w));
    else {
      const english = translator.toEnglish(a.text);
      // Latin words and numbers written in a Chinese question ("KAIST", "2005") match English text as they are.
      cross = [
        ...english.flatMap((w) => tokenize(w)),
        ...tokenize(a.text.replace(/\p{Script=Han}+/gu, " ")),
      ];
      if (!multilingual)
        denseText =
          `${english.join(" ")} ${a.text.match(/[A-Za-z0-9.%]+/gu)?.join(" ") ?? ""}`.trim();
    }
  }
  return {
    own: terms(own),
    context: terms(context),
    names: terms(names),
    cross: terms(cross),
    gloss: a.lang === "en" ? terms(own) : [],
    denseText,
  };
}
