import type { Author } from "./types.js";

const HAN = /\p{Script=Han}/u;

/** Names in Chinese script are written family-then-given with no space and never abbreviated. */
function isHanName(family: string): boolean {
  return HAN.test(family);
}

/**
 * APA initials: one per given name, hyphenated names keep the hyphen.
 *
 * @example
 *   initials("Y. H. Dennis"); // "Y. H. D."
 *   initials("Sheng-chun");   // "S.-C."
 */
export function initials(given: string): string {
  return given
    .split(/\s+/)
    .filter(Boolean)
    .map((name) =>
      name
        .split("-")
        .map((part) => `${part.replace(/[.\s]/g, "").charAt(0).toUpperCase()}.`)
        .join("-"),
    )
    .join(" ");
}

/**
 * The name as it leads a reference: "Family, I." (APA) or "Family, Given" (Chicago, MLA).
 *
 * @example
 *   invertedName({ family: "Chen", given: "Ling" }, true);  // "Chen, L."
 *   invertedName({ family: "Chen", given: "Ling" }, false); // "Chen, Ling"
 */
export function invertedName(author: Author, abbreviate: boolean): string {
  if ("literal" in author) return author.literal;
  if (isHanName(author.family)) return author.family + (author.given ?? "");
  if (!author.given) return author.family;
  return `${author.family}, ${abbreviate ? initials(author.given) : author.given}`;
}

/**
 * The name in reading order, for authors after the first in Chicago and MLA.
 *
 * @example
 *   directName({ family: "Lin", given: "George C. S." }); // "George C. S. Lin"
 */
export function directName(author: Author): string {
  if ("literal" in author) return author.literal;
  if (isHanName(author.family)) return author.family + (author.given ?? "");
  return author.given ? `${author.given} ${author.family}` : author.family;
}

/**
 * The name used in in-text citations: the family name, the whole name for Chinese script and
 * organisations.
 *
 * @example
 *   shortName({ family: "Kroll", given: "Henning" }); // "Kroll"
 */
export function shortName(author: Author): string {
  if ("literal" in author) return author.literal;
  return isHanName(author.family) ? author.family + (author.given ?? "") : author.family;
}

/**
 * Joins names as "A, B, and C" (or with "&"); two names as "A and B", or "A, and B" when
 * `commaBeforeTwo` (needed after an inverted first name: "Liefner, Ingo, and Henning Kroll").
 *
 * @example
 *   joinNames(["A", "B", "C"], "and"); // "A, B, and C"
 */
export function joinNames(
  names: readonly string[],
  conjunction: "and" | "&",
  commaBeforeTwo = false,
): string {
  if (names.length <= 1) return names[0] ?? "";
  const last = names[names.length - 1];
  const head = names.slice(0, -1).join(", ");
  const comma = names.length > 2 || commaBeforeTwo ? "," : "";
  return `${head}${comma} ${conjunction} ${last}`;
}

/**
 * Adds a closing period unless the text already ends in one (initials) or in ? or !.
 *
 * @example
 *   withPeriod("Lin, G. C. S."); // "Lin, G. C. S."
 *   withPeriod("Chen, Ling");    // "Chen, Ling."
 */
export function withPeriod(text: string): string {
  return /[.?!]["”’]?$/.test(text) ? text : `${text}.`;
}
