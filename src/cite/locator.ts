import type { Locator } from "./types.js";

/** How one style labels each kind of locator. */
interface LocatorLabels {
  section: (number: string) => string;
  sectionTitle: (title: string) => string;
  page: (page: number) => string;
  table: (label: string) => string;
  paragraph: (paragraph: number) => string;
}

const HAN = /\p{Script=Han}/u;

/** "2" and "Tab. 2" become "<word> 2"; a label in Chinese ("表2") is kept as the document prints it. */
function tableLabel(word: string) {
  return (label: string): string => {
    const trimmed = label.trim();
    if (HAN.test(trimmed)) return trimmed;
    return `${word} ${trimmed.replace(/^tab(?:le)?\.?\s*/i, "")}`;
  };
}

const quoted = (title: string): string => `“${title}” section`;

/** Style-neutral labels, for display next to a passage. */
const GENERIC: LocatorLabels = {
  section: (number) => (HAN.test(number) ? number : `§${number}`),
  sectionTitle: quoted,
  page: (page) => `p. ${page}`,
  table: tableLabel("Table"),
  paragraph: (paragraph) => `¶ ${paragraph}`,
};

/** APA 7 §8.13: "p.", "para.", and parts written out in full ("Section 2", "Table 2"). */
export const APA_LOCATOR: LocatorLabels = {
  section: (number) => (HAN.test(number) ? number : `Section ${number}`),
  sectionTitle: quoted,
  page: (page) => `p. ${page}`,
  table: tableLabel("Table"),
  paragraph: (paragraph) => `para. ${paragraph}`,
};

/** Chicago 17 §15.22 and MLA 9: bare page numbers; "sec.", "par." and lowercase "table". */
export const CHICAGO_MLA_LOCATOR: LocatorLabels = {
  section: (number) => (HAN.test(number) ? number : `sec. ${number}`),
  sectionTitle: quoted,
  page: (page) => String(page),
  table: tableLabel("table"),
  paragraph: (paragraph) => `par. ${paragraph}`,
};

/** One labelled part of a locator; `kind` lets MLA decide between "(Chen 12)" and "(Chen, table 2)". */
export interface LocatorPart {
  kind: "section" | "page" | "table" | "paragraph";
  text: string;
}

/**
 * Labels the parts of a locator in citation order: section, page, table, paragraph.
 *
 * @example
 *   locatorParts({ page: 12, table: "2" }, APA_LOCATOR); // [{kind:"page",text:"p. 12"},{kind:"table",text:"Table 2"}]
 */
export function locatorParts(locator: Locator | undefined, labels: LocatorLabels): LocatorPart[] {
  if (!locator) return [];
  const parts: LocatorPart[] = [];
  const section = locator.section?.trim();
  const sectionTitle = locator.sectionTitle?.trim();
  if (section) parts.push({ kind: "section", text: labels.section(section) });
  else if (sectionTitle) parts.push({ kind: "section", text: labels.sectionTitle(sectionTitle) });
  if (locator.page != null) parts.push({ kind: "page", text: labels.page(locator.page) });
  const table = locator.table?.trim();
  if (table) parts.push({ kind: "table", text: labels.table(table) });
  if (locator.paragraph != null)
    parts.push({ kind: "paragraph", text: labels.paragraph(locator.paragraph) });
  return parts;
}

/** Options of {@link formatLocator}. */
export interface FormatLocatorOptions {
  /** Follow a section number with its title: "§12.2 “R&D input”", "一「產業發展」". */
  withTitle?: boolean;
}

/**
 * A style-neutral locator for display: "§12.2", "p. 12", "Table 2", "表2", "¶ 3", joined by commas.
 *
 * @example
 *   formatLocator({ section: "12.2", page: 12 }); // "§12.2, p. 12"
 *   formatLocator({ table: "表2" });              // "表2"
 *   formatLocator({ section: "12.2", sectionTitle: "R&D input" }, { withTitle: true }); // "§12.2 “R&D input”"
 */
export function formatLocator(locator: Locator, opts: FormatLocatorOptions = {}): string {
  const parts = locatorParts(locator, GENERIC).map((part) => part.text);
  const title = locator.sectionTitle?.trim();
  if (opts.withTitle && title && locator.section?.trim() && parts[0])
    parts[0] += HAN.test(title) ? `「${title}」` : ` “${title}”`;
  return parts.join(", ");
}
