import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { parseCatalog } from "../../src/cite/catalog.js";
import {
  CatalogEntrySchema,
  type Catalog,
  type CatalogEntry,
  type CatalogEntryInput,
} from "../../src/cite/types.js";

/** /work/main/corpus, found from this file so tests run from any working directory. */
export const CORPUS_DIR = fileURLToPath(new URL("../../corpus/", import.meta.url));

export const CATALOG_JSON: unknown = JSON.parse(readFileSync(`${CORPUS_DIR}catalog.json`, "utf8"));
export const catalog: Catalog = parseCatalog(CATALOG_JSON);

function entry(id: string): CatalogEntry {
  const found = catalog[id];
  if (!found) throw new Error(`catalog.json has no entry ${id}`);
  return found;
}

/** Four authors, no journal or year in the text. */
export const zhou = entry("zhou-2010-decentering-spatial-fix");
/** One author, DOI, OnlineFirst pages, no volume. */
export const chen = entry("chen-2014-varieties-of-global-capital");
/** Two authors, volume, issue, pages. */
export const liefner = entry("liefner-kroll-2019-regional-innovation");
/** Traditional-Chinese report: no author, title or year. */
export const bohai = entry("bohai-rim-science-parks-report");
/** No author, title or year. */
export const zhongguancun = entry("zhongguancun-1997-innovation-milieu");

export const make = (input: Omit<CatalogEntryInput, "source">): CatalogEntry =>
  CatalogEntrySchema.parse({ source: "fixture.txt", ...input });

/** Chapter 1 of the Bohai report as its byline gives it: Chinese title with the document's English title. */
export const bohaiChapter = make({
  type: "report",
  originalTitle: "仍然是經濟空間分工？環渤海城市區域的治理與矛盾",
  title:
    "Still an economically spatial division of labor? The governance and contradiction of the pan-Bohai city-region",
  authors: [
    { family: "Yang", given: "Sheng-chun" },
    { family: "Wang", given: "Jenn-hwan" },
  ],
  language: ["zh-Hant", "en"],
});

/** The same chapter with the byline in Chinese script. */
export const bohaiChapterHan = make({
  ...bohaiChapter,
  authors: [
    { family: "楊", given: "勝群" },
    { family: "王", given: "振寰" },
  ],
});

/** An organisation as author (from a reference list of the 2010 survey article). */
export const censusYearbook = make({
  type: "book",
  title: "China 2004 economic census yearbook",
  authors: [{ literal: "National Bureau of Statistics of China" }],
  year: 2006,
  publisher: "China National Statistical Press",
});

/** A journal article without author, to exercise the title-first forms. */
export const anonymousArticle = make({
  type: "article-journal",
  title: "Varieties of global capital and the paradox of local upgrading in China",
  year: 2014,
  containerTitle: "Politics & Society",
  pages: "1-30",
});

/** An article with `count` authors named A1 Author1, A2 Author2, … */
export function withAuthors(count: number): CatalogEntry {
  return make({
    type: "article-journal",
    title: "Many hands",
    year: 2020,
    containerTitle: "Erdkunde",
    authors: Array.from({ length: count }, (_, i) => ({
      family: `Author${i + 1}`,
      given: `Ann${i + 1}`,
    })),
  });
}
