/**
 * Separator placed between PDF pages in the extracted text. Offsets of PDF documents point into that
 * text; the form feed in the middle appears nowhere else, so a page can be told from an offset alone.
 */
export const PAGE_SEPARATOR = "\n\n\f\n\n";

/**
 * Joins the text of PDF pages with {@link PAGE_SEPARATOR}; form feeds inside a page become newlines
 * so that only separators carry them.
 *
 * @example
 *   joinPages(["One.", "Two."]); // { text: "One.\n\n\f\n\nTwo.", pageStarts: [0, 9] }
 */
export function joinPages(pages: readonly string[]): { text: string; pageStarts: number[] } {
  let text = "";
  const pageStarts: number[] = [];
  for (const page of pages) {
    if (pageStarts.length) text += PAGE_SEPARATOR;
    pageStarts.push(text.length);
    text += page.replace(/\f/gu, "\n");
  }
  return { text, pageStarts };
}

/**
 * Start offsets of the pages of text built by {@link joinPages}, recovered from the separators.
 *
 * @example
 *   pageStartsOf("One.\n\n\f\n\nTwo."); // [0, 9]
 */
export function pageStartsOf(text: string): number[] {
  const starts = [0];
  for (let at = text.indexOf(PAGE_SEPARATOR); at >= 0; at = text.indexOf(PAGE_SEPARATOR, at + 1))
    starts.push(at + PAGE_SEPARATOR.length);
  return starts;
}

/**
 * The 1-based page holding offset `at`, given the pages' start offsets (null when there are none).
 *
 * @example
 *   pageAt([0, 9], 10); // 2
 */
export function pageAt(pageStarts: readonly number[], at: number): number | null {
  if (!pageStarts.length) return null;
  let page = 0;
  while (page + 1 < pageStarts.length && pageStarts[page + 1]! <= at) page++;
  return page + 1;
}
