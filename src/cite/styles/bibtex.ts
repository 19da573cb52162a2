import { formatLocator } from "../locator.js";
import { splitPages } from "../pages.js";
import type { Author, CatalogEntry, EntryType, Locator } from "../types.js";
import { workName } from "../work.js";

const ENTRY_TYPE: Record<EntryType, string> = {
  "article-journal": "article",
  chapter: "incollection",
  book: "book",
  report: "techreport",
  "paper-conference": "inproceedings",
  document: "misc",
};

const LATEX_ESCAPES: Record<string, string> = {
  "\\": "\\textbackslash{}",
  "{": "\\textbraceleft{}",
  "}": "\\textbraceright{}",
  "&": "\\&",
  "%": "\\%",
  $: "\\$",
  "#": "\\#",
  _: "\\_",
  "~": "\\textasciitilde{}",
  "^": "\\textasciicircum{}",
};

/**
 * Escapes LaTeX special characters; braces become commands so field braces stay balanced.
 *
 * @example
 *   escapeLatex("Politics & Society"); // "Politics \\& Society"
 */
export function escapeLatex(text: string): string {
  return text.replace(/[\\{}&%$#_~^]/g, (char) => LATEX_ESCAPES[char] ?? char);
}

/** ASCII letters and digits only, lowercase: "Zhong’guancun" → "zhongguancun", "楊" → "". */
function keyPart(text: string): string {
  return text
    .normalize("NFKD")
    .replace(/\p{M}/gu, "")
    .toLowerCase()
    .replace(/[^a-z0-9]/g, "");
}

/**
 * A stable citation key: first author's family name, year ("nd" if unknown), first title word
 * that is not an article; "anon" stands in for a missing or non-Latin family name.
 *
 * @example
 *   bibtexKey(chen); // "chen2014varieties"
 */
export function bibtexKey(entry: CatalogEntry): string {
  const first = entry.authors[0];
  const family = first
    ? keyPart("literal" in first ? (first.literal.split(/\s+/)[0] ?? "") : first.family)
    : "";
  const name = workName(entry);
  const words = (name.kind === "title" ? (name.translation ?? name.main) : name.text)
    .split(/\s+/)
    .map(keyPart);
  const word = words.find((w) => w !== "" && !["a", "an", "the"].includes(w)) ?? "";
  return `${family || "anon"}${entry.year ?? "nd"}${word}`;
}

function bibtexName(author: Author): string {
  if ("literal" in author) return `{${escapeLatex(author.literal)}}`;
  if (/\p{Script=Han}/u.test(author.family))
    return `{${escapeLatex(author.family + (author.given ?? ""))}}`;
  return escapeLatex(author.given ? `${author.family}, ${author.given}` : author.family);
}

/** Braces words with capitals (after the first word) so sentence-casing styles keep "{China}", "{ICT}". */
function protectCase(title: string): string {
  return title
    .split(" ")
    .map((word, index) => {
      const needsBraces = (index > 0 && /\p{Lu}/u.test(word)) || /\p{Lu}/u.test(word.slice(1));
      // Brackets and punctuation stay outside the braces: "[{Still}", "{China}." rather than "{China.}".
      return needsBraces ? word.replace(/^([[(]*)(.*?)([.,:;?!\])]*)$/u, "$1{$2}$3") : word;
    })
    .join(" ");
}

function titleField(entry: CatalogEntry): string {
  const name = workName(entry);
  if (name.kind === "description") return escapeLatex(`[${name.text}]`);
  const translation = name.translation ? ` [${name.translation}]` : "";
  return protectCase(escapeLatex(name.main + translation));
}

/**
 * A BibTeX entry; unknown fields are left out, pages use "--".
 *
 * @example
 *   bibtexReference(chen).split("\n")[0]; // "@article{chen2014varieties,"
 */
export function bibtexReference(entry: CatalogEntry): string {
  const pages = entry.pages ? splitPages(entry.pages) : null;
  const container = entry.type === "article-journal" ? "journal" : "booktitle";
  const fields: [string, string | null][] = [
    ["author", entry.authors.length > 0 ? entry.authors.map(bibtexName).join(" and ") : null],
    ["title", titleField(entry)],
    [
      container,
      entry.containerTitle
        ? escapeLatex(entry.containerTitle)
        : entry.containerDescription && escapeLatex(`[${entry.containerDescription}]`),
    ],
    ["year", entry.year === null ? null : String(entry.year)],
    ["volume", entry.volume && escapeLatex(entry.volume)],
    ["number", entry.issue && escapeLatex(entry.issue)],
    ["pages", pages && escapeLatex(pages.last ? `${pages.first}--${pages.last}` : pages.first)],
    ["publisher", entry.publisher && escapeLatex(entry.publisher)],
    ["institution", entry.institution && escapeLatex(entry.institution)],
    // doi and url are read verbatim by \url-style macros, so they are not escaped.
    ["doi", entry.doi],
    ["url", entry.url],
  ];
  const body = fields
    .filter((field): field is [string, string] => field[1] !== null && field[1] !== "")
    .map(([name, value]) => `  ${name} = {${value}}`)
    .join(",\n");
  return `@${ENTRY_TYPE[entry.type]}{${bibtexKey(entry)},\n${body}\n}`;
}

/**
 * A LaTeX citation command with the locator as postnote.
 *
 * @example
 *   bibtexInText(chen, { page: 12 }); // "\\cite[p. 12]{chen2014varieties}"
 */
export function bibtexInText(entry: CatalogEntry, locator?: Locator): string {
  const postnote = locator ? formatLocator(locator) : "";
  return `\\cite${postnote ? `[${escapeLatex(postnote)}]` : ""}{${bibtexKey(entry)}}`;
}
