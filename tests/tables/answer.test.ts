import { describe, expect, it } from "vitest";
import { analyseQuestion } from "../../src/question/analyse.js";
import { answerFromTables } from "../../src/tables/answer.js";
import { CORPUS_TABLES } from "../fixtures/knowledge.js";
import { allTables } from "./corpus.js";

const tables = allTables();

/** Asks the table engine as the answerer does: with what question analysis read from the question. */
function ask(text: string, context?: string) {
  const a = analyseQuestion(text, context ? [{ role: "user", content: context }] : [], {
    translator: null,
  });
  return answerFromTables(
    tables,
    {
      text: a.text,
      context: a.followUp === "continues" ? a.context : "",
      numeric: a.asks === "quantity" || a.asks === "share" || a.compare !== null,
      compare: a.compare,
    },
    CORPUS_TABLES,
  );
}

describe("answerFromTables: questions one cell answers", () => {
  it.each([
    [
      "Shenzhen exporters with foreign affiliation: on average, how big a share of their revenue was earned abroad?",
      "Table 3",
      "Shenzhen",
      "70.2",
    ],
    [
      "Dongguan hardware makers with foreign affiliation earned which percentage of revenue from new products?",
      "Table 6",
      "Dongguan",
      "52.08",
    ],
    ["东莞外资硬件厂商的营收里，新产品占的比例为多少？", "Table 6", "Dongguan", "52.08"],
    [
      "What was Suzhou's electronics employment in 2008, in thousands?",
      "Table 1",
      "Suzhou",
      "1,132",
    ],
    ["2007 年北京流入天津的國內資金為多少億元？", "表2", "北京市", "208.99"],
    ["In 2008, how much domestic capital came into Tianjin from Hebei?", "表2", "河北省", "83.4"],
    [
      "What was the number of venture businesses in DST in 2005?",
      "Table 2",
      "Venture business",
      "687",
    ],
    [
      "Per the national database, Dongguan's hardware firms were foreign-affiliated in which percentage?",
      "Table 2",
      "Dongguan",
      "78.37",
    ],
    [
      "Integrated circuits made up which percentage of HSIP sales in 1995?",
      "Table 1",
      "1995",
      "49.4",
    ],
    ["天津 1970 年重工業產值為多少？", "表1", "天津", "47.94"],
  ])("%s", (question, label, row, value) => {
    const a = ask(question);
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
    expect(ask("2007 年北京流入天津的國內資金為多少億元？")?.answer).toBe("208.99 億元人民幣");
    expect(ask("What was Suzhou's electronics employment in 2008, in thousands?")?.answer).toBe(
      "1,132 thousand",
    );
  });

  it("uses the earlier turn of a conversation for what a follow-up leaves out", () => {
    const earlier = "In 2007, integrated circuits made up what share of HSIP sales?";
    expect(ask(earlier)?.cell.text).toBe("71.6");
    expect(ask("And computers and peripherals, that year?", earlier)).toMatchObject({
      row: { label: "2007" },
      column: { label: "Computers & Peripherals" },
      cell: { text: "8.3" },
    });
  });

  it("answers a row header given on the right of a side-by-side table", () => {
    expect(
      ask("What was Shenzhen's ratio of R&D expense to industrial output?")?.cell,
    ).toMatchObject({
      text: "2.035",
      rowLabel: "R&D expense/ industrial output (%)",
    });
  });

  it("answers nothing unless analysis found a numeric question", () => {
    expect(
      answerFromTables(
        tables,
        {
          text: "Integrated circuits made up which percentage of HSIP sales in 1995?",
          numeric: false,
          compare: null,
        },
        CORPUS_TABLES,
      ),
    ).toBeNull();
  });
});

describe("answerFromTables: comparisons", () => {
  it("returns the row with the highest value of the named column", () => {
    expect(
      ask("Which region's hardware makers had the top mean R&D outlay relative to revenue (%)?"),
    ).toMatchObject({
      kind: "compare",
      direction: "max",
      row: { label: "Beijing" },
      cell: { text: "32.05" },
    });
  });

  it("compares within the group the question names", () => {
    expect(
      ask(
        "In the national database, which city had the lowest share of foreign-affiliated software firms?",
      ),
    ).toMatchObject({
      kind: "compare",
      direction: "min",
      row: { label: "Beijing", group: "Region (software)" },
      cell: { text: "19.04" },
    });
  });

  it("compares across the place columns of a named row", () => {
    expect(ask("2009 年哪个省份从北京得到的技术成交额最多？")).toMatchObject({
      kind: "compare",
      row: { label: "2009" },
      column: { label: "天津市" },
      answer: "天津市 (72.41 億元人民幣)",
    });
  });

  it("compares across the year columns of a named row", () => {
    expect(ask("In which year did DST have the most venture businesses?")).toMatchObject({
      kind: "compare",
      column: { label: "2007" },
      answer: "2007 (898)",
    });
  });

  it("compares the year rows of a named column", () => {
    expect(ask("哪一年河北自北京買入的技術成交總額最高？")).toMatchObject({
      kind: "compare",
      column: { label: "河北省" },
      row: { label: "2007" },
      cell: { text: "63.97" },
    });
  });
});

describe("answerFromTables: falling back to prose", () => {
  it.each([
    "What is meant by the production method that Shenzhen's coordination committee promoted?",
    "Which foreign bank was the only one incorporated in Tianjin?",
    "Shenzhen's count of electronics enterprises at the close of 1996?",
    "In Pudong's software park, foreign owners held what share of companies in 2011?",
    "Lenovo's foreign patent registrations in 2009 totalled how many?",
  ])("returns null for: %s", (question) => {
    expect(ask(question)).toBeNull();
  });

  it("does not answer from a column whose header could not be recovered", () => {
    expect(ask("In which year was opto-electronics the largest share of HSIP sales?")).toBeNull();
  });

  it("does not answer from unparsed tables", () => {
    expect(ask("天津 2009 年引進的外資金額是多少？")).toBeNull();
  });
});
