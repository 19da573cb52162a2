import { CHICAGO_MLA_LOCATOR, locatorParts } from "../locator.js";
import { directName, invertedName, joinNames, shortName, withPeriod } from "../names.js";
import { formatPageRange } from "../pages.js";
import { italic, joinElements, plain, type Run } from "../runs.js";
import { MLA_TITLE_CASE, shortTitle, titleCase } from "../titles.js";
import type { Author, CatalogEntry, Locator } from "../types.js";
import { closingPeriod, isStandalone, link, publisherOf, workName } from "../work.js";

/** MLA 9 §5.6: one or two authors in full; three or more, the first and "et al." */
function authorList(authors: readonly Author[]): string {
  const [first, second] = authors;
  if (!first) return "";
  const lead = invertedName(first, false);
  if (authors.length >= 3) return `${lead}, et al.`;
  // "Liefner, Ingo, and Henning Kroll"; a Chinese name is not inverted: "蔡青蓉 and 陳俊銘".
  return second ? `${lead}${lead.includes(",") ? "," : ""} and ${directName(second)}` : lead;
}

/** Title-case title (quoted for parts, italic for self-standing works), translation in brackets. */
function titleRuns(entry: CatalogEntry): Run[] {
  const name = workName(entry);
  if (name.kind === "description") return [plain(withPeriod(name.text))];
  const main = titleCase(name.main, MLA_TITLE_CASE);
  const translation = name.translation ? ` [${titleCase(name.translation, MLA_TITLE_CASE)}]` : "";
  if (isStandalone(entry))
    return [italic(main), plain(translation + closingPeriod(translation || main))];
  if (translation) return [plain(`“${main}”${translation}.`)];
  return [plain(`“${withPeriod(main)}”`)];
}

/** The container and its facts, comma-separated and closed by a period (MLA 9 core elements). */
function containerElement(entry: CatalogEntry): Run[] {
  const pages = entry.pages ? formatPageRange(entry.pages, "mla") : null;
  // MLA leaves out journal publishers.
  const publisher = entry.type === "article-journal" ? null : publisherOf(entry);
  const facts = [
    entry.volume ? `vol. ${entry.volume}` : null,
    entry.issue ? `no. ${entry.issue}` : null,
    publisher,
    entry.year === null ? null : String(entry.year),
    pages ? `${pages.includes("–") ? "pp." : "p."} ${pages}` : null,
    link(entry),
  ].filter((fact): fact is string => fact !== null);
  const container = !isStandalone(entry) && entry.containerTitle ? entry.containerTitle : null;
  // MLA 9 §2.?: an untitled container is described, in sentence case, neither italicised nor quoted.
  const described = !isStandalone(entry) && !container ? entry.containerDescription : null;
  const listed = facts.join(", ");
  if (described) return [plain(withPeriod(listed ? `${described}, ${listed}` : described))];
  if (!container) return listed ? [plain(withPeriod(listed))] : [];
  return [
    italic(titleCase(container, MLA_TITLE_CASE)),
    plain(listed ? withPeriod(`, ${listed}`) : "."),
  ];
}

/**
 * An MLA 9 works-cited entry as runs (italics marked).
 *
 * @example
 *   toPlain(mlaReference(chen));
 *   // "Chen, Ling. “Varieties of Global Capital and the Paradox of Local Upgrading in China.”
 *   //  Politics & Society, 2014, pp. 1–30, https://doi.org/10.1177/0032329213519422."
 */
export function mlaReference(entry: CatalogEntry): Run[] {
  const authors = entry.authors.length > 0 ? [[plain(withPeriod(authorList(entry.authors)))]] : [];
  return joinElements([...authors, titleRuns(entry), containerElement(entry)]);
}

/** MLA 9 §6.5: one or two surnames, three or more "et al."; else the short title or description. */
function citedName(entry: CatalogEntry): string {
  const { authors } = entry;
  const first = authors[0];
  if (first)
    return authors.length >= 3
      ? `${shortName(first)} et al.`
      : authors.map(shortName).join(" and ");
  const name = workName(entry);
  if (name.kind === "description") return name.text;
  const short = titleCase(shortTitle(name.main), MLA_TITLE_CASE);
  return isStandalone(entry) ? short : `“${short}”`;
}

/**
 * An MLA 9 parenthetical citation: no year; a page follows the name directly, other
 * locators after a comma.
 *
 * @example
 *   mlaInText(liefner, { table: "2" }); // "(Liefner and Kroll, table 2)"
 */
export function mlaInText(entry: CatalogEntry, locator?: Locator): string {
  const parts = locatorParts(locator, CHICAGO_MLA_LOCATOR);
  const name = citedName(entry);
  if (parts.length === 0) return `(${name})`;
  if (parts[0]?.kind !== "page" && name.endsWith("”"))
    // A quoted short title takes the comma inside its quotation marks.
    return `(${name.slice(0, -1)},” ${parts.map((part) => part.text).join(", ")})`;
  const separator = parts[0]?.kind === "page" ? " " : ", ";
  return `(${name}${separator}${parts.map((part) => part.text).join(", ")})`;
}
