/** A stretch of reference text; styles build runs so plain and HTML output share one layout. */
export interface Run {
  text: string;
  italic?: boolean;
}

/** Upright text. */
export const plain = (text: string): Run => ({ text });

/** Text a typeset reference would italicise (journal, book and report titles, APA volumes). */
export const italic = (text: string): Run => ({ text, italic: true });

/**
 * Joins runs into plain text, dropping the italics.
 *
 * @example
 *   toPlain([italic("Erdkunde"), plain(", 73(3)")]); // "Erdkunde, 73(3)"
 */
export function toPlain(runs: readonly Run[]): string {
  return runs.map((run) => run.text).join("");
}

const HTML_ESCAPES: Record<string, string> = {
  "&": "&amp;",
  "<": "&lt;",
  ">": "&gt;",
  '"': "&quot;",
  "'": "&#39;",
};

/**
 * Escapes text for HTML element content and attribute values.
 *
 * @example
 *   escapeHtml("Politics & Society"); // "Politics &amp; Society"
 */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (char) => HTML_ESCAPES[char] ?? char);
}

/**
 * Joins runs into HTML, wrapping italic runs in `<i>…</i>` and escaping all text.
 *
 * @example
 *   toHtml([italic("Politics & Society"), plain(", 1–30.")]); // "<i>Politics &amp; Society</i>, 1–30."
 */
export function toHtml(runs: readonly Run[]): string {
  return runs
    .filter((run) => run.text !== "")
    .map((run) => (run.italic ? `<i>${escapeHtml(run.text)}</i>` : escapeHtml(run.text)))
    .join("");
}

/**
 * Joins reference elements (each a list of runs) with single spaces.
 *
 * @example
 *   toPlain(joinElements([[plain("Chen, L.")], [plain("(2014).")]])); // "Chen, L. (2014)."
 */
export function joinElements(elements: readonly (readonly Run[])[]): Run[] {
  return elements
    .filter((element) => element.some((run) => run.text !== ""))
    .flatMap((element, index) => (index === 0 ? [...element] : [plain(" "), ...element]));
}
