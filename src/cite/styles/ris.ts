import { splitPages } from "../pages.js";
import type { Author, CatalogEntry, EntryType } from "../types.js";
import { workName } from "../work.js";

const RIS_TYPE: Record<EntryType, string> = {
  "article-journal": "JOUR",
  chapter: "CHAP",
  book: "BOOK",
  report: "RPRT",
  "paper-conference": "CPAPER",
  document: "GEN",
};

function risName(author: Author): string {
  if ("literal" in author) return author.literal;
  if (/\p{Script=Han}/u.test(author.family)) return author.family + (author.given ?? "");
  return author.given ? `${author.family}, ${author.given}` : author.family;
}

/** RIS values are single lines. */
const oneLine = (value: string): string => value.replace(/\s+/g, " ").trim();

/**
 * An RIS record (TY … ER); the original-script title goes in TI and the document's translation
 * in TT. Unknown fields are left out.
 *
 * @example
 *   risReference(chen).split("\n").slice(0, 3); // ["TY  - JOUR", "AU  - Chen, Ling", "PY  - 2014"]
 */
export function risReference(entry: CatalogEntry): string {
  const name = workName(entry);
  const pages = entry.pages ? splitPages(entry.pages) : null;
  const lines: [string, string | null][] = [
    ["TY", RIS_TYPE[entry.type]],
    ...entry.authors.map((author): [string, string] => ["AU", risName(author)]),
    ["PY", entry.year === null ? null : String(entry.year)],
    ["TI", name.kind === "title" ? name.main : `[${name.text}]`],
    ["TT", name.kind === "title" ? name.translation : null],
    [
      "T2",
      entry.containerTitle ?? (entry.containerDescription && `[${entry.containerDescription}]`),
    ],
    ["VL", entry.volume],
    ["IS", entry.issue],
    ["SP", pages?.first ?? null],
    ["EP", pages?.last ?? null],
    ["PB", entry.type === "report" ? (entry.institution ?? entry.publisher) : entry.publisher],
    ["DO", entry.doi],
    ["UR", entry.url],
    // One LA line: importers treat the tag as a single field.
    ["LA", entry.language.join("; ")],
  ];
  const body = lines
    .filter((line): line is [string, string] => line[1] !== null && line[1] !== "")
    .map(([tag, value]) => `${tag}  - ${oneLine(value)}`);
  return [...body, "ER  - "].join("\n");
}
