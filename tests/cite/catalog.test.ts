import { readdirSync, readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { entryForSource, entryForUnknownFile, parseCatalog } from "../../src/cite/catalog.js";
import { AppError } from "../../src/errors.js";
import { CatalogSchema } from "../../src/cite/types.js";
import { CATALOG_JSON, CORPUS_DIR, catalog } from "./fixtures.js";

const corpusFiles = readdirSync(CORPUS_DIR).filter((name) => name.endsWith(".txt"));
/** Fields that are bookkeeping rather than facts taken from the document. */
const UNEVIDENCED = new Set(["source", "note", "evidence", "chapters"]);
/** Chapter fields that are bookkeeping: where the chapter starts is checked separately. */
const CHAPTER_UNEVIDENCED = new Set(["opening", "note", "evidence"]);

function isFilled(value: unknown): boolean {
  return value !== null && !(Array.isArray(value) && value.length === 0);
}

describe("corpus/catalog.json", () => {
  it("parses with the schema", () => {
    expect(CatalogSchema.safeParse(CATALOG_JSON).success).toBe(true);
  });

  it("has one entry per corpus file, keyed by the file name without .txt", () => {
    expect(Object.keys(catalog).sort()).toEqual(
      corpusFiles.map((name) => name.replace(/\.txt$/, "")).sort(),
    );
    for (const [id, entry] of Object.entries(catalog)) expect(entry.source).toBe(`${id}.txt`);
  });

  describe.each(Object.entries(catalog))("%s", (_id, entry) => {
    const text = readFileSync(`${CORPUS_DIR}${entry.source}`, "utf8");

    it("quotes evidence snippets that occur verbatim in the file", () => {
      for (const [field, snippets] of Object.entries(entry.evidence)) {
        for (const snippet of [snippets].flat()) {
          expect(text.includes(snippet), `${field}: ${JSON.stringify(snippet)}`).toBe(true);
        }
      }
    });

    it("gives evidence for every filled field and only for filled fields", () => {
      const filled = Object.entries(entry)
        .filter(([field, value]) => !UNEVIDENCED.has(field) && isFilled(value))
        .map(([field]) => field);
      expect(Object.keys(entry.evidence).sort()).toEqual(filled.sort());
    });

    it("gives each chapter an opening found once in the file, and evidence for its filled fields only", () => {
      for (const chapter of entry.chapters) {
        expect(text.split(chapter.opening).length - 1, chapter.opening).toBe(1);
        for (const snippets of Object.values(chapter.evidence))
          for (const snippet of [snippets].flat())
            expect(text.includes(snippet), JSON.stringify(snippet)).toBe(true);
        const filled = Object.entries(chapter)
          .filter(([field, value]) => !CHAPTER_UNEVIDENCED.has(field) && isFilled(value))
          .map(([field]) => field);
        expect(Object.keys(chapter.evidence).sort()).toEqual(filled.sort());
      }
    });

    it("stores page ranges with an en dash", () => {
      if (entry.pages) expect(entry.pages).not.toMatch(/-/);
    });
  });

  it("leaves unstated facts null rather than taking them from file names", () => {
    expect(catalog["zhou-2010-decentering-spatial-fix"]?.year).toBeNull();
    expect(catalog["zhou-2010-decentering-spatial-fix"]?.containerTitle).toBeNull();
    expect(catalog["zhongguancun-1997-innovation-milieu"]?.year).toBeNull();
    expect(catalog["bohai-rim-science-parks-report"]?.authors).toEqual([]);
  });
});

describe("parseCatalog", () => {
  it("fills defaults for omitted fields", () => {
    const parsed = parseCatalog({ x: { source: "x.txt", title: "X" } });
    expect(parsed.x).toMatchObject({
      type: "document",
      authors: [],
      year: null,
      doi: null,
      language: [],
      evidence: {},
    });
  });

  it("rejects an invalid catalog with a corpus_unreadable AppError", () => {
    const attempt = () =>
      parseCatalog({ x: { source: "x.txt", authors: [{ given: "No family" }] } });
    expect(attempt).toThrow(AppError);
    expect(attempt).toThrow(/catalog\.json is invalid/);
    try {
      attempt();
    } catch (error) {
      expect((error as AppError).code).toBe("corpus_unreadable");
    }
  });
});

describe("entryForUnknownFile", () => {
  it("takes the title from the file name and leaves everything else unknown", () => {
    const entry = entryForUnknownFile("corpus/new-paper_draft.txt");
    expect(entry).toMatchObject({
      source: "corpus/new-paper_draft.txt",
      type: "document",
      title: "New paper draft",
      authors: [],
      year: null,
      containerTitle: null,
      doi: null,
    });
  });

  it("is what entryForSource returns for a file without an entry", () => {
    expect(entryForSource(catalog, "dropped-in.txt").title).toBe("Dropped in");
    expect(entryForSource(catalog, "chen-2014-varieties-of-global-capital.txt").year).toBe(2014);
  });
});
