import type { Chunk } from "../chunks/types.js";
import { documentFrequency, type LexicalIndexData } from "../retrieve/lexical-index.js";
import { anchorsFound } from "../retrieve/query.js";
import { containsNumber } from "../retrieve/rerank.js";
import { tokenize } from "../text/tokens.js";
import { matchForm } from "../text/fold.js";
import type { PreparedQuery } from "../retrieve/types.js";
import { withoutReferences, type Candidate } from "./score.js";

/** Most chunks a name may appear in and still be decisive; names found everywhere are context. */
const RARE_NAME_SHARE = 0.08;

/**
 * The names an answer must mention: those the corpus rarely uses (a company, a park, a person), or
 * never uses at all. Names found in many passages (Beijing, Korea) locate the question but do not
 * decide it, and an answer passage may well leave them implicit.
 */
export function requiredAnchors(query: PreparedQuery, lexical: LexicalIndexData): string[][] {
  const df = (form: string) => {
    const tokens = tokenize(form);
    return tokens.length ? Math.min(...tokens.map((t) => documentFrequency(lexical, t))) : 0;
  };
  return query.anchors.filter(
    (forms) => Math.max(...forms.map(df)) <= RARE_NAME_SHARE * lexical.docCount,
  );
}

/**
 * Evidence check: the sentence (with its neighbours) must mention a year the question asks about, and
 * its passage at least `atLeast` of the required names; otherwise the passage is about something else.
 */
export function supportsAnchors(
  query: PreparedQuery,
  c: Candidate,
  required: readonly string[][] = query.anchors,
  atLeast = required.length,
): boolean {
  const chunk: Chunk = c.hit.chunk;
  const i = chunk.sentences.indexOf(c.sentence);
  const lo = chunk.sentences[Math.max(0, i - 1)]!.start;
  const hi = chunk.sentences[Math.min(chunk.sentences.length - 1, i + 1)]!.end;
  // Years in parenthetical references ("(Dong and Flowers 2010)") date a source, not the fact.
  const window = withoutReferences(matchForm(chunk.text.slice(lo, hi)));
  // One year must match; a range ("between 1984 and 1995") is satisfied by either end.
  if (query.years.length && !query.years.some((y) => containsNumber(window, y))) return false;
  return (
    anchorsFound(query, new Set(tokenize(`${chunk.section ?? ""} ${chunk.text}`)), required) >=
    atLeast
  );
}
