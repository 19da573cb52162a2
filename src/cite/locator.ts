import type { Locator } from "./types.js";

/** How one style labels each kind of locator. */
interface LocatorLabels {
  section: (number: string) => string;
  sectionTitle: (title: string) => string;
  page: (page: number) => string;
  /** A page range, "pp. 4–5" or "4–5". */
  pages: (first: number, last: number) => string;
  table: (label: string) => string;
  paragraph: (paragraph: number) => string;
  note: (note: string) => string;
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

/**
 * A section named by its heading: “Title” section, a long heading by its part before a colon;
 * inner double quotes become single
 * ("Allying with ‘Guerilla Investors’"). Chinese headings stand in 「」 as the text writes them.
 */
const quoted = (title: string): string =>
  HAN.test(title)
    ? `「${title}」`
    : `“${shortHeading(title).replace(/[“"]/gu, "‘").replace(/[”]/gu, "’")}” section`;

/** APA 7 §8.28: a long heading is cited by its main part, before a colon. */
const shortHeading = (title: string): string => title.split(/:\s/u)[0]!.trim() || title;

/**
 * Chinese text is located in Chinese, whatever the style: 第三節（一）, 「摘要」, 第5頁, 第2段, 表2.
 * The section arrives already worded (see {@link chineseSection}).
 */
const CHINESE: LocatorLabels = {
  section: (number) => number,
  sectionTitle: quoted,
  page: (page) => `第${page}頁`,
  pages: (first, last) => `第${first}–${last}頁`,
  table: (label) => label.trim(),
  paragraph: (paragraph) => `第${paragraph}段`,
  note: (note) => `註${note}`,
};

/** Style-neutral labels, for display next to a passage. */
const GENERIC: LocatorLabels = {
  section: (number) => (HAN.test(number) ? number : `§${number}`),
  sectionTitle: quoted,
  page: (page) => `p. ${page}`,
  pages: (first, last) => `pp. ${first}–${last}`,
  table: tableLabel("Table"),
  paragraph: (paragraph) => `¶ ${paragraph}`,
  note: (note) => `n. ${note}`,
};

/** APA 7 §8.13: "p.", "para.", and parts written out in full ("Section 2", "Table 2"). */
export const APA_LOCATOR: LocatorLabels = {
  section: (number) => (HAN.test(number) ? number : `Section ${number}`),
  sectionTitle: quoted,
  page: (page) => `p. ${page}`,
  pages: (first, last) => `pp. ${first}–${last}`,
  table: tableLabel("Table"),
  paragraph: (paragraph) => `para. ${paragraph}`,
  note: (note) => `n. ${note}`,
};

/** Chicago 17 §15.22 and MLA 9: bare page numbers; "sec.", "par." and lowercase "table". */
export const CHICAGO_MLA_LOCATOR: LocatorLabels = {
  section: (number) => (HAN.test(number) ? number : `sec. ${number}`),
  sectionTitle: quoted,
  page: (page) => String(page),
  pages: (first, last) => `${first}–${last}`,
  table: tableLabel("table"),
  paragraph: (paragraph) => `par. ${paragraph}`,
  note: (note) => `n. ${note}`,
};

/** One labelled part of a locator; `kind` lets MLA decide between "(Chen 12)" and "(Chen, table 2)". */
export interface LocatorPart {
  kind: "section" | "page" | "table" | "paragraph" | "note";
  text: string;
}

/**
 * Labels the parts of a locator in citation order: section, page, table, note, paragraph. Chinese text
 * (`lang: "zh"`) is labelled in Chinese in every style.
 *
 * @example
 *   locatorParts({ page: 12, table: "2" }, APA_LOCATOR); // [{kind:"page",text:"p. 12"},{kind:"table",text:"Table 2"}]
 *   locatorParts({ section: "第三節", paragraph: 2, lang: "zh" }, APA_LOCATOR).map((p) => p.text); // ["第三節", "第2段"]
 */
export function locatorParts(
  locator: Locator | undefined,
  styleLabels: LocatorLabels,
): LocatorPart[] {
  if (!locator) return [];
  const labels = locator.lang === "zh" ? CHINESE : styleLabels;
  const parts: LocatorPart[] = [];
  const section = locator.section?.trim();
  const sectionTitle = locator.sectionTitle?.trim();
  if (section) parts.push({ kind: "section", text: labels.section(section) });
  else if (sectionTitle) parts.push({ kind: "section", text: labels.sectionTitle(sectionTitle) });
  if (locator.page != null)
    parts.push({
      kind: "page",
      text:
        locator.pageEnd != null && locator.pageEnd > locator.page
          ? labels.pages(locator.page, locator.pageEnd)
          : labels.page(locator.page),
    });
  const table = locator.table?.trim();
  if (table) parts.push({ kind: "table", text: labels.table(table) });
  const note = locator.note?.trim();
  if (note) parts.push({ kind: "note", text: labels.note(note) });
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

/**
 * A Chinese section locator from the section numbers along a heading path, worded as the text
 * numbers its parts: "三" (a 一、 heading) is 第三節, "（一）" stays as printed, "1" becomes "1.";
 * chapter numbers ("第一章") are kept unless `withoutChapter` (the chapter is the cited work). Null
 * when no heading on the path is numbered.
 *
 * @example
 *   chineseSection(["第一章", "三", "（一）"], { withoutChapter: true }); // "第三節（一）"
 */
export function chineseSection(
  numbers: readonly (string | null)[],
  { withoutChapter = false }: { withoutChapter?: boolean } = {},
): string | null {
  const words = numbers.flatMap((n) => {
    if (!n) return [];
    if (/^第.+[章節篇部]$/u.test(n)) return withoutChapter ? [] : [n];
    if (/^[一二三四五六七八九十百]+$/u.test(n)) return [`第${n}節`];
    if (/^\d+(\.\d+)*$/u.test(n)) return [`${n}.`];
    return [n];
  });
  return words.length ? words.join("") : null;
}

const SECTION_NUMBER =
  /^\s*(?:第[一二三四五六七八九十百\d]+[章節篇部][:：]?|[一二三四五六七八九十百]+[、．.]|[（(][一二三四五六七八九十百]+[）)]|\d{1,2}(?:\.\d{1,2}){0,3}[.,]?(?=\s|$))\s*/u;

/**
 * A heading without its number, as printed: "12.2. R&D input" → "R&D input", "（一）計畫經濟…" →
 * "計畫經濟…", "3, The Hsinchu…" → "The Hsinchu…"; the whole heading when it has no number, null
 * when nothing else is left ("第一章：").
 *
 * @example
 *   headingTitle("三、國家空間戰略變遷對環渤海區域經濟發展的影響", "三"); // "國家空間戰略變遷對環渤海區域經濟發展的影響"
 */
export function headingTitle(heading: string | null, number: string | null): string | null {
  if (!heading) return null;
  if (!number) return heading;
  const rest = heading.replace(SECTION_NUMBER, "").trim();
  return rest === heading.trim() ? heading : rest || null;
}
