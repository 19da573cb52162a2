import { describe, expect, it } from "vitest";
import { extractTables } from "../../src/tables/extract.js";
import { createTableVocabulary } from "../../src/tables/vocabulary.js";

/** Made-up documents come without corpus knowledge: no places or concepts. */
const NONE = createTableVocabulary({ gazetteer: [], tablePlaces: [], concepts: [] });

describe("extractTables on small made-up documents", () => {
  it("reads a tab-separated table with markup, a group row, signs and footnotes", () => {
    const raw = [
      "Some prose.",
      "",
      "**Table 9.** Change by region (%)",
      "",
      "Region\tGrowth <sup>a</sup>\tBalance",
      "<b>Coast</b>\t\t",
      "Alpha\t−2.5\t(1,200)",
      "Beta\t3.0%\t—",
      "",
      "<sup>a</sup>Annual average.",
      "",
      "More prose follows here and it is long enough to be a paragraph of its own.",
    ].join("\n");
    const [t] = extractTables("doc", "doc.txt", raw, NONE);
    expect(t).toMatchObject({
      id: "doc:t1",
      label: "Table 9",
      unit: "%",
      status: "parsed",
      layout: "tabs",
      notes: ["a Annual average."],
    });
    expect(t!.columns.map((c) => c.label)).toEqual(["Growth", "Balance"]);
    const [alpha, beta] = t!.rows;
    expect(alpha).toMatchObject({ label: "Alpha", group: "Coast" });
    expect(alpha!.cells.map((c) => c.value)).toEqual([-2.5, -1200]);
    expect(beta!.cells.map((c) => [c.text, c.value])).toEqual([
      ["3.0%", 3],
      ["—", null],
    ]);
    for (const c of [...alpha!.cells, ...beta!.cells])
      expect(raw.slice(c.start, c.end)).toBe(c.text);
  });

  it("rebuilds a one-cell-per-line table whose total row confirms it", () => {
    const raw = [
      "表9：各地數量",
      "單位：家",
      "",
      "2001",
      "",
      "2002",
      "",
      "甲地",
      "",
      "1",
      "",
      "2",
      "",
      "乙地",
      "",
      "3",
      "",
      "4",
      "",
      "合計",
      "",
      "4",
      "",
      "6",
      "",
      "資料來源：某年鑑。",
    ].join("\n");
    const [t] = extractTables("d", "d.txt", raw, NONE);
    expect(t).toMatchObject({
      label: "表9",
      unit: "家",
      status: "parsed",
      layout: "cell-lines",
      notes: ["資料來源：某年鑑。"],
    });
    expect(t!.rows.map((r) => [r.label, r.total, r.cells.map((c) => c.value)])).toEqual([
      ["甲地", false, [1, 2]],
      ["乙地", false, [3, 4]],
      ["合計", true, [4, 6]],
    ]);
  });

  it("keeps a one-cell-per-line table unparsed when nothing confirms the cell order", () => {
    const raw = [
      "Table 4: Counts",
      "",
      "Year",
      "",
      "2001",
      "",
      "2002",
      "",
      "Firms",
      "",
      "11",
      "",
      "17",
      "",
      "Source: survey",
    ].join("\n");
    const [t] = extractTables("d", "d.txt", raw, NONE);
    expect(t).toMatchObject({ status: "unparsed", rows: [], columns: [] });
    expect(t!.reason).toMatch(/confirms/u);
    expect(t!.text.startsWith("Table 4: Counts")).toBe(true);
  });

  it("does not take prose mentions of tables for captions", () => {
    expect(
      extractTables("d", "d.txt", "Table 3 summarizes the results.\n\nTable 2 is here\n", NONE),
    ).toEqual([]);
    expect(extractTables("d", "d.txt", "", NONE)).toEqual([]);
  });
});
