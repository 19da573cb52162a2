/**
 * The text of a document's first top-level `#` heading (Markdown ATX), or null when it has none.
 * A document without a catalog entry is titled by it.
 *
 * @example
 *   firstHeading("Draft\n\n# Science parks in Tainan  #\n\nText") // → "Science parks in Tainan"
 */
export function firstHeading(raw: string): string | null {
  const m = /^ {0,3}#[ \t]+(.+?)(?:[ \t]+#+)?[ \t]*$/mu.exec(raw.slice(0, 20_000));
  const text = m?.[1]?.replace(/\s+/gu, " ").trim();
  return text ? text : null;
}
