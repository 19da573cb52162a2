import { describe, expect, it } from "vitest";
import { formatInText } from "../../src/cite/format.js";
import { chineseSection, formatLocator, headingTitle } from "../../src/cite/locator.js";
import { catalog } from "./fixtures.js";

describe("formatLocator", () => {
  it.each([
    [{ section: "12.2" }, "§12.2"],
    [{ page: 12 }, "p. 12"],
    [{ table: "2" }, "Table 2"],
    [{ table: "Tab. 1" }, "Table 1"],
    [{ table: "表2" }, "表2"],
    [{ paragraph: 3 }, "¶ 3"],
    [{ sectionTitle: "R&D input" }, "“R&D input” section"],
    [{ section: "第一章" }, "第一章"],
    [{ section: "12.2", sectionTitle: "R&D input", page: 12 }, "§12.2, p. 12"],
    [{ section: null, page: null, table: "  " }, ""],
    [{}, ""],
  ])("%j → %s", (locator, expected) => {
    expect(formatLocator(locator)).toBe(expected);
  });
});

describe("formatLocator for Chinese text and page ranges", () => {
  it.each([
    [
      {
        section: "第三節（一）",
        sectionTitle: "計畫經濟空間戰略",
        paragraph: 1,
        lang: "zh" as const,
      },
      "第三節（一）「計畫經濟空間戰略」, 第1段",
    ],
    [{ sectionTitle: "摘要", paragraph: 2, lang: "zh" as const }, "「摘要」, 第2段"],
    [{ table: "表 4", lang: "zh" as const }, "表 4"],
    [{ page: 4, pageEnd: 5 }, "pp. 4–5"],
    [{ note: "3" }, "n. 3"],
    [{ note: "16", lang: "zh" as const }, "註16"],
    [{ page: 4, pageEnd: 4 }, "p. 4"],
    [
      { sectionTitle: "Conclusion: Playing the upgrading game", paragraph: 3 },
      "“Conclusion” section, ¶ 3",
    ],
    [
      { sectionTitle: "Allying with “Guerilla Investors”", paragraph: 1 },
      "“Allying with ‘Guerilla Investors’” section, ¶ 1",
    ],
  ])("%j → %s", (locator, expected) => {
    expect(formatLocator(locator, { withTitle: true })).toBe(expected);
  });

  it("gives a page range in each style's own form", () => {
    const chen = catalog["chen-2014-varieties-of-global-capital"]!;
    expect(formatInText(chen, "apa", { page: 4, pageEnd: 5 })).toBe("(Chen, 2014, pp. 4–5)");
    expect(formatInText(chen, "chicago", { page: 4, pageEnd: 5 })).toBe("(Chen 2014, 4–5)");
    expect(formatInText(chen, "mla", { page: 4, pageEnd: 5 })).toBe("(Chen 4–5)");
  });
});

describe("chineseSection", () => {
  it.each([
    [["第一章", "三", "（一）"], true, "第三節（一）"],
    [["第一章", "三", "（一）"], false, "第一章第三節（一）"],
    [["第五章", "二", "（二）", "1"], true, "第二節（二）1."],
    [["第一章", null], true, null],
    [[], false, null],
  ])("%j (chapter cited: %s) → %s", (numbers, withoutChapter, expected) => {
    expect(chineseSection(numbers, { withoutChapter })).toBe(expected);
  });
});

describe("headingTitle", () => {
  it.each([
    ["（一）資本運動建構的經濟空間結構：", "（一）", "資本運動建構的經濟空間結構："],
    ["(一) 去領域化與再領域化", "（一）", "去領域化與再領域化"],
    ["2, From catching up to innovation cluster", "2", "From catching up to innovation cluster"],
    ["第一章：", "第一章", null],
  ])("%s (number %s) → %s", (heading, number, title) => {
    expect(headingTitle(heading, number)).toBe(title);
  });
});
