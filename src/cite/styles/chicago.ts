import { CHICAGO_MLA_LOCATOR, locatorParts } from "../locator.js";
import { directName, invertedName, joinNames, shortName, withPeriod } from "../names.js";
import { formatPageRange } from "../pages.js";
import { italic, joinElements, plain, type Run } from "../runs.js";
import { CHICAGO_TITLE_CASE, shortTitle, titleCase } from "../titles.js";
import type { Author, CatalogEntry, Locator } from "../types.js";
import { closingPeriod, isStandalone, link, publisherOf, workName } from "../work.js";

/** CMOS 17 §15.9: up to ten authors in full; more than ten, the first seven and "et al." */
function authorList(authors: readonly Author[]): string {
  const names = authors.map((author, index) =>
    index === 0 ? invertedName(author, false) : directName(author),
  );
  if (names.length > 10) return `${names.slice(0, 7).join(", ")}, et al.`;
  return joinNames(names, "and", names[0]?.includes(",") ?? false);
}

/**
 * Headline-case title, quoted for parts and italic for self-standing works; an original-script
 * title is followed by the document's translation in brackets, sentence case (CMOS §11.6).
 * A description stands bare, in sentence case.
 */
function titleRuns(entry: CatalogEntry): Run[] {
  const name = workName(entry);
  if (name.kind === "description") return [plain(withPeriod(name.text))];
  const main = titleCase(name.main, CHICAGO_TITLE_CASE);
  const translation = name.translation ? ` [${name.translation}]` : "";
  if (isStandalone(entry))
    return [italic(main), plain(translation + closingPeriod(translation || main))];
  if (translation) return [plain(`“${main}”${translation}.`)];
  return [plain(`“${withPeriod(main)}”`)];
}

function sourceElements(entry: CatalogEntry): Run[][] {
  const pages = entry.pages ? formatPageRange(entry.pages, "chicago") : null;
  if (entry.type === "article-journal") {
    if (!entry.containerTitle) return [];
    const numbering = [entry.volume, entry.issue ? `no. ${entry.issue}` : null]
      .filter(Boolean)
      .join(", ");
    const where = numbering
      ? ` ${numbering}${pages ? `: ${pages}` : ""}`
      : pages
        ? `, ${pages}`
        : "";
    return [[italic(titleCase(entry.containerTitle, CHICAGO_TITLE_CASE)), plain(`${where}.`)]];
  }
  const publisher = publisherOf(entry);
  const elements: Run[][] = [];
  if (!isStandalone(entry) && (entry.containerTitle || entry.containerDescription)) {
    // An untitled container is named by its description, in sentence case and upright.
    const book = entry.containerTitle
      ? italic(titleCase(entry.containerTitle, CHICAGO_TITLE_CASE))
      : plain(entry.containerDescription ?? "");
    elements.push([plain("In "), book, plain(pages ? `, ${pages}.` : ".")]);
  }
  if (publisher) elements.push([plain(withPeriod(publisher))]);
  return elements;
}

/**
 * A Chicago 17 author-date reference-list entry as runs (italics marked).
 *
 * @example
 *   toPlain(chicagoReference(liefner));
 *   // "Liefner, Ingo, and Henning Kroll. 2019. “Advancing the Structured Analysis … Approach.”
 *   //  Erdkunde 73, no. 3: 167–84."
 */
export function chicagoReference(entry: CatalogEntry): Run[] {
  const date = [plain(withPeriod(entry.year === null ? "n.d." : String(entry.year)))];
  const head =
    entry.authors.length > 0
      ? [[plain(withPeriod(authorList(entry.authors)))], date, titleRuns(entry)]
      : [titleRuns(entry), date];
  const url = link(entry);
  return joinElements([...head, ...sourceElements(entry), ...(url ? [[plain(`${url}.`)]] : [])]);
}

/** CMOS 17 §15.28: one to three names in full, four or more "et al."; else the short title. */
function citedName(entry: CatalogEntry): string {
  const { authors } = entry;
  const first = authors[0];
  if (first)
    return authors.length >= 4
      ? `${shortName(first)} et al.`
      : joinNames(authors.map(shortName), "and");
  const name = workName(entry);
  if (name.kind === "description") return name.text;
  const short = titleCase(shortTitle(name.main), CHICAGO_TITLE_CASE);
  return isStandalone(entry) ? short : `“${short}”`;
}

/**
 * A Chicago 17 author-date parenthetical citation: no comma before the year, bare page numbers.
 *
 * @example
 *   chicagoInText(chen, { page: 12 }); // "(Chen 2014, 12)"
 */
export function chicagoInText(entry: CatalogEntry, locator?: Locator): string {
  const year = entry.year === null ? "n.d." : String(entry.year);
  const parts = locatorParts(locator, CHICAGO_MLA_LOCATOR).map((part) => part.text);
  return `(${citedName(entry)} ${[year, ...parts].join(", ")})`;
}
