/** Units read from unit lines, captions and header labels. */

const UNIT_LINE = /^[(（]?\s*(?:單位|单位|units?)\s*[:：]\s*(?<unit>[^)）]+?)\s*[)）]?\s*$/iu;

/** Words that make a parenthesized header suffix a unit rather than a qualifier like "(domestic)". */
const UNIT_WORD =
  /%|％|percent|yuan|dollars?|usd|rmb|won|thousand|million|billion|persons?|people|km2?|元|億|亿|萬|万|千|美金|美元|人民幣|人民币|韓元|韩元|人|家|件|項|项/iu;

const PAREN_SUFFIX = /[(（](?<inner>[^()（）]{1,24})[)）]\s*$/u;
const PERCENT_LABEL =
  /(?:^|\s)(?:percentage|per\s?cent|%)(?:\s|$)|^mean %|%$|\(%\)|比例|比重|百分比/iu;

/**
 * The unit stated by a unit line ("單位：億元人民幣", "(單位：億韓元)"), or null.
 *
 * @example
 *   unitFromLine("單位：億元人民幣") // → "億元人民幣"
 */
export function unitFromLine(line: string): string | null {
  return UNIT_LINE.exec(line.trim())?.groups?.unit?.trim() ?? null;
}

/**
 * The unit a header label states: a parenthesized unit suffix, or "%" for percentage headers.
 *
 * @example
 *   unitFromLabel("GDP (billion yuan)")          // → "billion yuan"
 *   unitFromLabel("Domestic firm (%)")           // → "%"
 *   unitFromLabel("Percentage of firms with new products") // → "%"
 *   unitFromLabel("Z-score (domestic)")          // → null
 */
export function unitFromLabel(label: string): string | null {
  const inner = PAREN_SUFFIX.exec(label)?.groups?.inner?.trim();
  if (inner && UNIT_WORD.test(inner))
    return /^(?:%|％|percent|percentage|per cent)$/iu.test(inner) ? "%" : inner;
  return PERCENT_LABEL.test(label) ? "%" : null;
}
