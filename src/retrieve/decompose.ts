/** "both … and …", "…, and by what year …", 以及/分別: the question asks two things. */
const TWO_PARTS = /\bboth\b|\band (?:by |in |from )?(?:what|which|when|how|who)\b|以及|分別|分别/iu;

/** Where the second part of a two-part question begins. */
const SECOND_PART =
  /,?\s+and\s+(?=(?:by |in |from )?(?:what|which|when|how|who|in the|the)\b)|,?\s*(?:以及|並且|并且|而且)/iu;

/**
 * Whether a question asks two things (each usually answered by a different passage).
 *
 * @example
 *   asksTwoThings("Which firm appears both in the 1997 paper and in the 2010 paper?") // → true
 */
export const asksTwoThings = (question: string): boolean => TWO_PARTS.test(question);

/**
 * Splits a two-part question into its parts, for retrieving evidence for each; null when it has one part.
 *
 * @example
 *   splitTwoParts("BEZ was the first of how many zones, and by what year did 52 zones exist?")
 *   // → ["BEZ was the first of how many zones", "by what year did 52 zones exist?"]
 */
export function splitTwoParts(question: string): [string, string] | null {
  if (!asksTwoThings(question)) return null;
  const matches = [...question.matchAll(new RegExp(SECOND_PART.source, "giu"))];
  const cut = matches[matches.length - 1];
  if (!cut || cut.index === undefined) return null;
  const first = question.slice(0, cut.index).trim();
  const second = question.slice(cut.index + cut[0].length).trim();
  return first.length >= 10 && second.length >= 10 ? [first, second] : null;
}
