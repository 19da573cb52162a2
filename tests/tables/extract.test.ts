import { describe, expect, it } from "vitest";
import { DOCS, tablesOf } from "./corpus.js";

/** Hand-counted from the corpus files: [label, rows, value columns] or [label, "unparsed", reason fragment]. */
type Expected =
  | [label: string, rows: number, columns: number]
  | [label: string, status: "unparsed", reason: RegExp];

const INVENTORY: Record<string, Expected[]> = {
  [DOCS.zhou]: [
    ["Table 1", 6, 6],
    ["Table 2", 9, 7],
    ["Table 3", 6, 9],
    ["Table 4", 6, 6],
    ["Table 5", 6, 8],
    ["Table 6", 6, 9],
  ],
  [DOCS.chen]: [
    ["Table 1", 2, 6],
    ["Table 2", 4, 5],
    ["Table 3", 6, 1],
  ],
  [DOCS.bohai]: [
    ["表1", 5, 9],
    ["表2", 9, 5],
    ["表3", "unparsed", /group cells do not repeat evenly/u],
    ["表4", 7, 6],
    ["表5", "unparsed", /rows of equal length/u],
    ["表6", "unparsed", /rows of equal length/u],
    ["Table 1", 22, 7],
    ["Table 2", 1, 6],
    ["Table 3", "unparsed", /rows of equal length/u],
    ["Table 1", 10, 3],
    ["Table 2", "unparsed", /rows of equal length/u],
    ["Table 1", 10, 3],
    ["Table 2", "unparsed", /header cells/u],
    ["表一", "unparsed", /no total, row sum, share or figure quoted/u],
    ["表二", "unparsed", /rows of equal length/u],
    ["表三", "unparsed", /rows of equal length/u],
  ],
  [DOCS.zgc]: [
    ["Table 1", "unparsed", /percentage but holds 104, 184, 182/u],
    ["Table 2", "unparsed", /single spaces/u],
    ["Table 3", 6, 1],
  ],
  [DOCS.liefner]: [
    ["Table 1", "unparsed", /single spaces/u],
    ["Table 2", "unparsed", /rows of equal length/u],
  ],
};

describe("extractTables on the corpus", () => {
  for (const [docId, expected] of Object.entries(INVENTORY)) {
    it(`finds every table of ${docId}, parsed with the hand-counted shape or unparsed with a reason`, () => {
      const tables = tablesOf(docId);
      expect(tables.map((t) => t.label)).toEqual(expected.map((e) => e[0]));
      tables.forEach((table, i) => {
        const [, rows, third] = expected[i]!;
        if (rows === "unparsed") {
          expect(table.status, table.caption).toBe("unparsed");
          expect(table.reason).toMatch(third as RegExp);
          expect(table.rows).toEqual([]);
        } else {
          expect(table.status, `${table.caption}: ${table.reason}`).toBe("parsed");
          expect(table.rows.length, table.caption).toBe(rows);
          expect(table.columns.length, table.caption).toBe(third);
        }
      });
    });
  }

  it("gives every table a stable, unique id built from the document id", () => {
    const ids = Object.values(DOCS).flatMap((d) => tablesOf(d).map((t) => t.id));
    expect(new Set(ids).size).toBe(ids.length);
    expect(tablesOf(DOCS.zhou)[2]?.id).toBe(`${DOCS.zhou}:t3`);
  });

  it("keeps captions and titles without markup", () => {
    const t2 = tablesOf(DOCS.zhou)[1]!;
    expect(t2.caption).toBe("Table 2. Sample representative test for ownership");
    expect(t2.title).toBe("Sample representative test for ownership");
    expect(tablesOf(DOCS.bohai)[1]?.title).toBe("天津引進國內資金表（2005-2009年）");
  });

  it("reads units from unit lines and from headers", () => {
    const [t1, t2] = tablesOf(DOCS.bohai);
    expect(t1?.unit).toBe("億元人民幣");
    expect(t2?.unit).toBe("億元人民幣");
    expect(tablesOf(DOCS.bohai)[14]?.unit).toBe("億韓元");
    const chen1 = tablesOf(DOCS.chen)[0]!;
    expect(chen1.columns.map((c) => c.unit)).toEqual([
      "billion yuan",
      "billion yuan",
      "thousand",
      "billion yuan",
      "billion yuan",
      "thousand",
    ]);
    expect(tablesOf(DOCS.zhou)[1]?.columns[1]?.unit).toBe("%");
  });

  it("collects notes and source lines after a table", () => {
    const [, t2, t3, t4, , t6] = tablesOf(DOCS.zhou);
    expect(t2?.notes).toEqual([
      "Foreign-affiliated firms include wholly foreign-owned firms, joint-ventures and subsidiaries.",
    ]);
    expect(t3?.notes).toEqual([
      "a The average is limited to firms reporting that they have export business.",
    ]);
    expect(t4?.notes).toEqual(["Source: Firm sample survey."]);
    expect(t6?.notes).toHaveLength(2);
    expect(tablesOf(DOCS.bohai)[0]?.notes[0]).toMatch(/^資料來源：周立群與張博.*頁 71。$/u);
    expect(tablesOf(DOCS.zgc)[2]?.notes).toEqual([
      "Sources: Information Statistics Center of BEZ. 1996. Research Report of BEZ, 1996, p. 10.",
    ]);
  });

  it("says what confirmed each rebuilt one-cell-per-line table", () => {
    const [t1, t2, , t4] = tablesOf(DOCS.bohai);
    expect(t1?.checks.join(" ")).toMatch(
      /"1952: 工業總產值" is the sum of the 2 columns after it/u,
    );
    expect(t2?.checks).toContain(
      'row "廣義環渤海" is the sum of the 6 rows before it in 5 columns',
    );
    expect(t4?.checks).toContain('"63.97" (2007, 河北省) is quoted in the text');
    expect(tablesOf(DOCS.bohai)[7]?.checks).toContain(
      '"898" (Venture business, 2007) is quoted in the text',
    );
  });
});
