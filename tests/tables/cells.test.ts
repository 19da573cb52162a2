import { describe, expect, it } from "vitest";
import type { Table } from "../../src/tables/types.js";
import { DOCS, tableAt } from "./corpus.js";

/** The cell at a row (by label, optionally group) and a column (by label). */
function cell(table: Table, rowLabel: string, columnLabel: string, group?: string) {
  const row = table.rows.find(
    (r) => r.label === rowLabel && (group === undefined || r.group === group),
  );
  const column = table.columns.find((c) => c.label === columnLabel);
  return row?.cells.find((c) => c.column === column?.key);
}

describe("tab-separated tables", () => {
  it("builds column paths from two header rows", () => {
    const t1 = tableAt(DOCS.zhou, 1);
    expect(t1.stub).toBe("Region");
    expect(t1.columns[3]).toMatchObject({
      key: "c4",
      label: "Hardware sector: Semi-conductor",
      path: ["Hardware sector", "Semi-conductor"],
    });
    expect(cell(t1, "Shenzhen", "Hardware sector: Electronic parts")).toMatchObject({
      text: "96",
      value: 96,
    });
  });

  it("gives body rows their group row and reads negatives", () => {
    const t2 = tableAt(DOCS.zhou, 2);
    expect(t2.rows.map((r) => r.group)).toEqual([
      ...Array(5).fill("Region (hardware)"),
      ...Array(4).fill("Region (software)"),
    ]);
    expect(cell(t2, "Shanghai", "Z-score (domestic)", "Region (hardware)")).toMatchObject({
      value: -1.55,
    });
    expect(cell(t2, "Beijing", "Z-score (domestic)", "Region (software)")).toMatchObject({
      value: 2.252,
    });
    expect(cell(t2, "Dongguan", "National database: Foreign-affiliated firms (%)")).toMatchObject({
      value: 78.37,
      unit: "%",
    });
  });

  it("strips header markup and footnote markers", () => {
    expect(tableAt(DOCS.zhou, 4).columns[2]?.label).toBe("Hardware: N");
    expect(tableAt(DOCS.zhou, 6).columns[1]?.label).toBe(
      "Total firms: Percentage of firms with new products",
    );
  });

  it("leaves empty cells out and marks the total row", () => {
    const dongguan = tableAt(DOCS.zhou, 4).rows.find((r) => r.label === "Dongguan");
    expect(dongguan?.cells.map((c) => c.column)).toEqual(["c1", "c2", "c3"]);
    expect(
      tableAt(DOCS.zhou, 1)
        .rows.filter((r) => r.total)
        .map((r) => r.label),
    ).toEqual(["Total"]);
  });

  it("parses thousands separators and keeps the printed text", () => {
    const t1 = tableAt(DOCS.chen, 1);
    expect(cell(t1, "Suzhou", "Employment in the electronics industry (thousand)")).toMatchObject({
      text: "1,132",
      value: 1132,
      unit: "thousand",
    });
    expect(cell(t1, "Shenzhen", "Population (thousand)")).toMatchObject({ value: 8768 });
  });

  it("reads two tables set side by side, giving the right-hand cells their own row header", () => {
    const t2 = tableAt(DOCS.chen, 2);
    expect(t2.columns[2]).toMatchObject({
      label: "Upgrading indicators divided by firm scale",
      role: "stub",
    });
    const c = cell(t2, "R&D expense (thousand yuan)", "Shenzhen per domestic firm in proportion");
    expect(c).toMatchObject({
      text: "2.035",
      value: 2.035,
      rowLabel: "R&D expense/ industrial output (%)",
      unit: "%",
    });
    expect(cell(t2, "R&D expense (thousand yuan)", "Shenzhen per domestic firm")).toMatchObject({
      value: 13356,
      unit: "thousand yuan",
    });
  });

  it("keeps word cells as text with no value", () => {
    const c = cell(tableAt(DOCS.chen, 3), "1996", "Government Measures");
    expect(c).toMatchObject({ text: "Creation of High Tech Development Zone", value: null });
  });
});

describe("one-cell-per-line tables (Chinese chapters)", () => {
  it("rebuilds 表2 with year columns, a subtotal and a share row", () => {
    const t = tableAt(DOCS.bohai, 2);
    expect(t.columns.map((c) => c.label)).toEqual(["2005", "2006", "2007", "2008", "2009"]);
    expect(t.rows.map((r) => r.label)).toEqual([
      "北京市",
      "河北省",
      "山西省",
      "內蒙古自治區",
      "遼寧省",
      "山東省",
      "廣義環渤海",
      "全國總計",
      "佔總內資",
    ]);
    expect(cell(t, "北京市", "2007")).toMatchObject({
      text: "208.99",
      value: 208.99,
      unit: "億元人民幣",
    });
    expect(cell(t, "佔總內資", "2005")).toMatchObject({ text: "55.97%", value: 55.97, unit: "%" });
    expect(t.rows.filter((r) => r.total).map((r) => r.label)).toEqual(["廣義環渤海", "全國總計"]);
  });

  it("rebuilds 表1 with year groups over repeated headers, splitting a line that joins two headers", () => {
    const t = tableAt(DOCS.bohai, 1);
    expect(t.columns.slice(6).map((c) => c.path)).toEqual([
      ["1979", "工業總產值"],
      ["1979", "輕工業"],
      ["1979", "重工業"],
    ]);
    expect(cell(t, "天津", "1970: 重工業")).toMatchObject({ value: 47.94 });
    expect(cell(t, "山東", "1979: 工業總產值")).toMatchObject({ value: 314.34 });
  });

  it("rebuilds 表4 with year rows and province columns", () => {
    const t = tableAt(DOCS.bohai, 4);
    expect(t.stub).toBe("年份");
    expect(cell(t, "2009", "天津市")).toMatchObject({ value: 72.41 });
  });
});

describe("one-cell-per-line tables (English chapters)", () => {
  it("joins two-line headers of the HSIP table and leaves the ambiguous ones unnamed", () => {
    const t = tableAt(DOCS.bohai, 7);
    expect(t.caption).toBe("Table 1. Sales ratio of HSIP by industry, 2007");
    expect(t.columns.map((c) => c.label)).toEqual([
      "Total",
      "Integrated Circuits",
      "Computers & Peripherals",
      "Tele-Communications",
      "",
      "",
      "",
    ]);
    expect(t.columns.slice(4).every((c) => !c.certain)).toBe(true);
    expect(t.warnings[0]).toMatch(/ambiguous/u);
    expect(cell(t, "2007", "Computers & Peripherals")).toMatchObject({ value: 8.3 });
    expect(cell(t, "1988", "Computers & Peripherals")).toMatchObject({ value: 72.1 });
    expect(cell(t, "2007", "Integrated Circuits")).toMatchObject({ value: 71.6 });
  });

  it("rebuilds the one-row venture table, confirmed by the figures the text quotes", () => {
    const t = tableAt(DOCS.bohai, 8);
    expect(t.columns.map((c) => c.label)).toEqual([
      "Up to 1998",
      "2001",
      "2002",
      "2005",
      "2006",
      "2007",
    ]);
    expect(cell(t, "Venture business", "2005")).toMatchObject({ value: 687 });
  });

  it("rebuilds a table of words keyed by year", () => {
    const t = tableAt(DOCS.bohai, 12);
    expect(t.columns.map((c) => c.label)).toEqual(["Zone", "District", "Specialization"]);
    expect(t.rows[9]?.cells.map((c) => c.text)).toEqual([
      "Shijingshan Zone",
      "Shijingshan",
      "Media and cultural creativity industry",
    ]);
  });
});

describe("space-separated OCR tables", () => {
  it("rebuilds a label-and-figure table whose shares add up to 100", () => {
    const t = tableAt(DOCS.zgc, 3);
    expect(t.stub).toBe("Financing choice");
    expect(t.columns[0]?.label).toBe("Per cent of firms’ total number");
    expect(t.rows.map((r) => [r.label, r.cells[0]?.value])).toContainEqual([
      "Venture capital",
      5.6,
    ]);
  });
});
