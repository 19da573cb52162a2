import { APA_LOCATOR, locatorParts } from "../locator.js";
import { invertedName, joinNames, shortName, withPeriod } from "../names.js";
import { formatPageRange } from "../pages.js";
import { italic, joinElements, plain, type Run } from "../runs.js";
import { APA_TITLE_CASE, shortTitle, titleCase } from "../titles.js";
import type { Author, CatalogEntry, Locator } from "../types.js";
import { closingPeriod, isStandalone, link, publisherOf, workName } from "../work.js";

/** APA 7 §9.8: up to 20 authors; beyond that the first 19, an ellipsis and the last. */
function authorList(authors: readonly Author[]): string {
  const names = authors.map((author) => invertedName(author, true));
  if (names.length > 20)
    return `${names.slice(0, 19).join(", ")}, . . . ${names[names.length - 1]}`;
  return joinNames(names, "&", true);
}

/** Title (italic when self-standing) with the document's translation in brackets, or "[description]". */
function titleRuns(entry: CatalogEntry): Run[] {
  const name = workName(entry);
  if (name.kind === "description") return [plain(withPeriod(`[${name.text}]`))];
  const translation = name.translation ? ` [${name.translation}]` : "";
  const closing = closingPeriod(translation || name.main);
  return [(isStandalone(entry) ? italic : plain)(name.main), plain(translation + closing)];
}

/** Where the work appeared: journal, volume, issue and pages; book or proceedings; publisher. */
function sourceElements(entry: CatalogEntry): Run[][] {
  const pages = entry.pages ? formatPageRange(entry.pages, "full") : null;
  if (entry.type === "article-journal") {
    if (!entry.containerTitle) return [];
    const runs: Run[] = [italic(entry.containerTitle)];
    if (entry.volume) runs.push(plain(", "), italic(entry.volume));
    if (entry.issue) runs.push(plain(entry.volume ? `(${entry.issue})` : `, (${entry.issue})`));
    if (pages) runs.push(plain(`, ${pages}`));
    return [[...runs, plain(".")]];
  }
  const publisher = publisherOf(entry);
  const elements: Run[][] = [];
  if (!isStandalone(entry) && (entry.containerTitle || entry.containerDescription)) {
    const range = pages ? ` (${pages.includes("–") ? "pp." : "p."} ${pages})` : "";
    // An untitled container is named by its description in square brackets, not italicised.
    const container = entry.containerTitle
      ? italic(entry.containerTitle)
      : plain(`[${entry.containerDescription}]`);
    elements.push([plain("In "), container, plain(`${range}.`)]);
  }
  if (publisher) elements.push([plain(withPeriod(publisher))]);
  return elements;
}

/**
 * An APA 7 reference-list entry as runs (italics marked).
 *
 * @example
 *   toPlain(apaReference(chen));
 *   // "Chen, L. (2014). Varieties of global capital and the paradox of local upgrading in China.
 *   //  Politics & Society, 1–30. https://doi.org/10.1177/0032329213519422"
 */
export function apaReference(entry: CatalogEntry): Run[] {
  const date = [plain(`(${entry.year ?? "n.d."}).`)];
  const authors = [plain(withPeriod(authorList(entry.authors)))];
  const head =
    entry.authors.length > 0 ? [authors, date, titleRuns(entry)] : [titleRuns(entry), date];
  const url = link(entry);
  return joinElements([...head, ...sourceElements(entry), ...(url ? [[plain(url)]] : [])]);
}

/** The author part of an in-text citation; without authors, the short title or the description. */
function citedName(entry: CatalogEntry): string {
  const { authors } = entry;
  const first = authors[0];
  if (first) {
    if (authors.length >= 3) return `${shortName(first)} et al.`;
    return authors.map(shortName).join(" & ");
  }
  const name = workName(entry);
  if (name.kind === "description") return `[${name.text}]`;
  const short = titleCase(shortTitle(name.main), APA_TITLE_CASE);
  // Titles of parts are quoted; the comma that follows goes inside the quotation marks.
  return isStandalone(entry) ? short : `“${short},”`;
}

/**
 * An APA 7 parenthetical citation.
 *
 * @example
 *   apaInText(zhou, { section: "12.2" }); // "(Zhou et al., n.d., Section 12.2)"
 */
export function apaInText(entry: CatalogEntry, locator?: Locator): string {
  const name = citedName(entry);
  const year = entry.year === null ? "n.d." : String(entry.year);
  const parts = [year, ...locatorParts(locator, APA_LOCATOR).map((part) => part.text)];
  return `(${name}${name.endsWith(",”") ? " " : ", "}${parts.join(", ")})`;
}
