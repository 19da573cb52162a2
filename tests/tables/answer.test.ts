import { describe, expect, it } from "vitest";
import { answerFromTables } from "../../src/tables/answer.js";
import { questionIntent } from "../../src/tables/question.js";
import { allTables } from "./corpus.js";

const tables = allTables();

describe("questionIntent", () => {
  it("recognises numeric questions in English and Chinese", () => {
    expect(questionIntent("How many venture businesses were there in 2005?").numeric).toBe(true);
    expect(questionIntent("What was Suzhou's GDP in 2008?").numeric).toBe(true);
    expect(questionIntent("東莞外資企業的比例是多少？").numeric).toBe(true);
    expect(questionIntent("What does 'ji mao jie he' mean?").numeric).toBe(false);
  });

  it("recognises comparisons and their direction", () => {
    expect(questionIntent("Which region had the lowest share?").compare).toBe("min");
    expect(questionIntent("哪一年的成交額最高？").compare).toBe("max");
    expect(questionIntent("Which firms invest at least 5 percent?").compare).toBeNull();
  });
});

describe("answerFromTables: questions one cell answers", () => {
  it.each([
    [
      "For Shenzhen's foreign-affiliated exporting firms, what was the average share of revenue derived from exports?",
      "Table 3",
      "Shenzhen",
      "70.2",
    ],
    [
      "For foreign-affiliated hardware firms in Dongguan, what percentage of revenue came from new products?",
      "Table 6",
      "Dongguan",
      "52.08",
    ],
    ["东莞外资硬件企业的新产品收入占比是多少？", "Table 6", "Dongguan", "52.08"],
    [
      "How many people (in thousands) worked in Suzhou's electronics industry in 2008?",
      "Table 1",
      "Suzhou",
      "1,132",
    ],
    ["2007 年天津從北京引進的國內資金有多少億元？", "表2", "北京市", "208.99"],
    ["2007 年天津从北京引进了多少国内资金？", "表2", "北京市", "208.99"],
    ["How much domestic capital did Tianjin attract from Hebei in 2008?", "表2", "河北省", "83.4"],
    [
      "How many venture businesses were there in Daedeok Science Town in 2005?",
      "Table 2",
      "Venture business",
      "687",
    ],
    [
      "What percentage of Dongguan's hardware firms were foreign-affiliated in the national database?",
      "Table 2",
      "Dongguan",
      "78.37",
    ],
    ["What was the share of integrated circuits in HSIP sales in 1995?", "Table 1", "1995", "49.4"],
    ["1970年天津的重工業產值是多少？", "表1", "天津", "47.94"],
  ])("%s", (question, label, row, value) => {
    const a = answerFromTables(tables, question);
    expect(a, question).not.toBeNull();
    expect(a).toMatchObject({
      kind: "cell",
      table: { label },
      row: { label: row },
      cell: { text: value },
    });
    expect(a!.confidence).toBeGreaterThanOrEqual(0.35);
  });

  it("states the unit with the value", () => {
    expect(answerFromTables(tables, "2007 年天津從北京引進的國內資金有多少億元？")?.answer).toBe(
      "208.99 億元人民幣",
    );
    expect(
      answerFromTables(
        tables,
        "How many people (in thousands) worked in Suzhou's electronics industry in 2008?",
      )?.answer,
    ).toBe("1,132 thousand");
    expect(
      answerFromTables(
        tables,
        "What percentage of Dongguan's hardware firms were foreign-affiliated in the national database?",
      )?.answer,
    ).toBe("78.37%");
  });

  it("uses the earlier turns of a conversation for what a follow-up leaves out", () => {
    const context =
      "What share of Hsinchu Science Industrial Park's sales came from integrated circuits in 2007?";
    expect(answerFromTables(tables, context)?.cell.text).toBe("71.6");
    const a = answerFromTables(tables, "And from computers and peripherals in the same year?", {
      context,
    });
    expect(a).toMatchObject({
      row: { label: "2007" },
      column: { label: "Computers & Peripherals" },
      cell: { text: "8.3" },
    });
  });

  it("answers a row header given on the right of a side-by-side table", () => {
    const a = answerFromTables(
      tables,
      "What was Shenzhen's R&D expense relative to industrial output?",
    );
    expect(a?.cell).toMatchObject({
      text: "2.035",
      rowLabel: "R&D expense/ industrial output (%)",
    });
  });
});

describe("answerFromTables: comparisons", () => {
  it("returns the row with the highest value of the named column", () => {
    const a = answerFromTables(
      tables,
      "Which region had the highest mean % R&D expenditure in revenue among hardware firms?",
    );
    expect(a).toMatchObject({
      kind: "compare",
      direction: "max",
      row: { label: "Beijing" },
      cell: { text: "32.05" },
    });
  });

  it("compares within the group the question names", () => {
    const a = answerFromTables(
      tables,
      "Which city had the lowest share of foreign-affiliated firms among software companies in the national database?",
    );
    expect(a).toMatchObject({
      kind: "compare",
      direction: "min",
      row: { label: "Beijing", group: "Region (software)" },
      cell: { text: "19.04" },
    });
  });

  it("compares across the place columns of a named row", () => {
    const a = answerFromTables(tables, "哪个省从北京获得的技术成交额在2009年最多？");
    expect(a).toMatchObject({
      kind: "compare",
      row: { label: "2009" },
      column: { label: "天津市" },
      answer: "天津市 (72.41 億元人民幣)",
    });
  });

  it("compares across the year columns of a named row", () => {
    const a = answerFromTables(tables, "Which year saw the most venture businesses in DST?");
    expect(a).toMatchObject({ kind: "compare", column: { label: "2007" }, answer: "2007 (898)" });
  });

  it("compares the year rows of a named column", () => {
    const a = answerFromTables(tables, "哪一年北京向河北輸出的技術成交額最高？");
    expect(a).toMatchObject({
      kind: "compare",
      column: { label: "河北省" },
      row: { label: "2007" },
      cell: { text: "63.97" },
    });
  });
});

describe("answerFromTables: falling back to prose", () => {
  it.each([
    "What does 'ji mao jie he', a production method promoted by Shenzhen's electronics coordination committee, mean?",
    "According to a July 2008 CNNIC survey, what share of China's internet domain names were hosted in Beijing?",
    "Across all surveyed hardware firms, what was the average annual growth rate in 2006–2007?",
    "By 1990, how many electronics firms had accumulated at the bottom of Shenzhen's value chain?",
    "截至2005年底，北京一共有多少家外资银行分行？",
    "到1996年底，深圳估计有多少家电子企业？",
    "What share of firms in Shanghai's Zhangjiang Hi-Tech Park were foreign-owned in 2008?",
    "How many patent applications did Huawei file in 2010?",
    "Which multinational appears both in the 1990s Zhong'guancun paper and in the 2010 ICT-hubs paper's list of giants whose largest Chinese R&D operations are in Beijing?",
  ])("returns null for: %s", (question) => {
    expect(answerFromTables(tables, question)).toBeNull();
  });

  it("does not answer from a column whose header could not be recovered", () => {
    expect(
      answerFromTables(
        tables,
        "Which year had the highest share of opto-electronics in HSIP sales?",
      ),
    ).toBeNull();
  });

  it("does not answer from unparsed tables", () => {
    expect(answerFromTables(tables, "2009年天津的外商直接投資是多少？")).toBeNull();
  });
});
