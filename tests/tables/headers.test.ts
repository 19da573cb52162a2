import { describe, expect, it } from "vitest";
import { assembleHeader, type HeaderToken } from "../../src/tables/headers.js";
import { partition } from "../../src/tables/partition.js";

let at = 0;
const tok = (text: string): HeaderToken => {
  const t = { text, start: at, end: at + text.length };
  at += text.length + 2;
  return t;
};
const never = () => false;
const labels = (r: ReturnType<typeof assembleHeader>) =>
  r.ok ? r.columns.map((c) => c.label) : r.reason;

describe("assembleHeader", () => {
  it("takes one cell per column, with a stub cell when there is one more", () => {
    const r = assembleHeader(["年份", "天津市", "河北省"].map(tok), 2, {
      rowKeysAreYears: true,
      phraseSupported: never,
    });
    expect(r.ok && r.stub?.text).toBe("年份");
    expect(labels(r)).toEqual(["天津市", "河北省"]);
  });

  it("spreads year groups over identical runs of leaf cells", () => {
    const cells = ["年份", "1952", "甲", "乙", "1970", "甲", "乙"].map(tok);
    expect(
      labels(assembleHeader(cells, 4, { rowKeysAreYears: false, phraseSupported: never })),
    ).toEqual(["1952: 甲", "1952: 乙", "1970: 甲", "1970: 乙"]);
  });

  it("refuses groups whose leaf runs differ", () => {
    const cells = [
      "年份",
      "A（億美金）",
      "天津市",
      "濱海新區",
      "B（億人民幣）",
      "天津市",
      "%",
      "濱海新區",
      "%",
    ].map(tok);
    expect(
      labels(assembleHeader(cells, 6, { rowKeysAreYears: true, phraseSupported: never })),
    ).toMatch(/do not repeat evenly/u);
  });

  it("joins two-line headers by their open ends and continuations", () => {
    const cells = ["Year", "Total", "Computers &", "Tele-Communi", "Peripherals", "-cations"].map(
      tok,
    );
    expect(
      labels(assembleHeader(cells, 3, { rowKeysAreYears: true, phraseSupported: never })),
    ).toEqual(["Total", "Computers & Peripherals", "Tele-Communications"]);
  });

  it("leaves a column unnamed when its header cells can be joined more than one way", () => {
    const r = assembleHeader(["Year", "Alpha", "Beta", "Gamma"].map(tok), 2, {
      rowKeysAreYears: true,
      phraseSupported: never,
    });
    expect(r.ok && r.columns.map((c) => c.certain)).toEqual([false, false]);
  });

  it("reports too few header cells", () => {
    expect(
      labels(assembleHeader(["A"].map(tok), 3, { rowKeysAreYears: false, phraseSupported: never })),
    ).toMatch(/1 header cells for 3/u);
  });
});

describe("partition", () => {
  it("splits rows with the label first, last, or keyed by year", () => {
    expect(
      partition(["2005", "2006", "北京", "1", "2", "河北", "3", "4"].map(tok), 2),
    ).toMatchObject({ mode: "label-first", keys: "labels", n: 2 });
    expect(partition(["1", "2", "新創", "3", "4", "專利"].map(tok), 0)).toMatchObject({
      mode: "label-last",
      n: 2,
    });
    expect(
      partition(["1988", "Haidian Park", "Haidian", "1991", "Fengtai Park", "Fengtai"].map(tok), 0),
    ).toMatchObject({ keys: "years", n: 2 });
  });

  it("rejects rows of unequal length", () => {
    expect(partition(["國內", "1", "2", "3", "國際", "4"].map(tok), 0)).toBeNull();
  });
});
