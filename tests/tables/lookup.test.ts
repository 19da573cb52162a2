import { describe, expect, it } from "vitest";
import { findCells } from "../../src/tables/lookup.js";
import { matchForm } from "../../src/text/fold.js";
import { CORPUS_TABLES } from "../fixtures/knowledge.js";
import { allTables, DOCS } from "./corpus.js";

const { findPlaces } = CORPUS_TABLES;

const tables = allTables();

describe("fold and place names", () => {
  it("folds compatibility ideographs, scripts, case and digit groups", () => {
    expect(matchForm("\uF9EA北京 1,132 Foreign–Affiliated")).toBe(
      matchForm("离北京 1132 foreign-affiliated"),
    );
    expect(matchForm("東莞")).toBe(matchForm("东莞"));
  });

  it("finds place names in either language, longest first", () => {
    expect(findPlaces(matchForm("东莞 and Beijing")).map((p) => p.id)).toEqual([
      "dongguan",
      "beijing",
    ]);
    expect(findPlaces(matchForm("濱海新區")).map((p) => p.id)).toEqual(["binhai"]);
    expect(findPlaces(matchForm("Daedeok Science Town")).map((p) => p.id)).toEqual(["daedeok"]);
    expect(findPlaces(matchForm("Beijingers"))).toEqual([]);
  });
});

describe("findCells", () => {
  it("matches a row named in Simplified Chinese against English row headers", () => {
    const [best] = findCells(
      tables,
      {
        row: "东莞",
        column: "foreign-affiliated percentage of revenue from new products",
      },
      CORPUS_TABLES,
    );
    expect(best?.cell.text).toBe("52.08");
    expect(best?.table.label).toBe("Table 6");
  });

  it("matches an English row name against a Traditional Chinese row header", () => {
    const [best] = findCells(
      tables,
      { row: "Beijing", column: "2007", table: "表2" },
      CORPUS_TABLES,
    );
    expect(best?.row.label).toBe("北京市");
    expect(best?.cell.value).toBe(208.99);
  });

  it("prefers the row under the group the query names", () => {
    const [best] = findCells(
      tables,
      { row: "Beijing software", column: "Z-score", doc: "zhou" },
      CORPUS_TABLES,
    );
    expect(best?.row.group).toBe("Region (software)");
    expect(best?.cell.value).toBe(2.252);
    const [hardware] = findCells(
      tables,
      {
        row: "Beijing hardware",
        column: "z score",
        doc: "zhou",
      },
      CORPUS_TABLES,
    );
    expect(hardware?.cell.value).toBe(0.75);
  });

  it("tolerates header wording: case, punctuation, plurals", () => {
    const [best] = findCells(
      tables,
      {
        row: "SHENZHEN",
        column: "no. of exporting firm",
        table: "Table 3",
      },
      CORPUS_TABLES,
    );
    expect(best?.column.label).toMatch(/No\. of exporting firms$/u);
  });

  it("filters by table label or caption words, and by document", () => {
    const byCaption = findCells(tables, { table: "venture firms in DST" }, CORPUS_TABLES);
    expect(new Set(byCaption.map((m) => m.table.label))).toEqual(new Set(["Table 2"]));
    expect(
      findCells(tables, { doc: DOCS.chen, row: "Suzhou" }, CORPUS_TABLES).every(
        (m) => m.table.docId === DOCS.chen,
      ),
    ).toBe(true);
  });

  it("carries offsets and a score with every match", () => {
    const [best] = findCells(
      tables,
      {
        row: "蘇州",
        column: "Employment in the electronics industry",
      },
      CORPUS_TABLES,
    );
    expect(best).toMatchObject({ cell: { text: "1,132" } });
    expect(best!.score).toBeGreaterThan(0.5);
    expect(best!.cell.end).toBeGreaterThan(best!.cell.start);
  });

  it("returns nothing for a row no table has", () => {
    expect(findCells(tables, { row: "Chongqing" }, CORPUS_TABLES)).toEqual([]);
  });
});
