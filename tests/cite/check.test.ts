import { describe, expect, it } from "vitest";
import { makeQuote } from "../../src/answer/quote.js";
import { checkCitation, scopeOf, type CheckedCitation } from "../../src/cite/check.js";
import { catalog } from "./fixtures.js";

const raw = [
  "## 1. Growth",
  "",
  "Exports rose quickly in 2010.¹ Shenzhen firms were *small* and many.",
  "",
  "不過，和台灣新竹科學園區比較，南韓大德卻無法吸",
  "引廠商進駐。北京聚集了外資銀行2，而天津較少。",
  "",
  "## 2. Tables",
  "",
  "Table 1. Firms by region",
  "Region\tFirms",
  "Beijing\t1,200",
  "",
  "3 Most new firms follow the four principles of self-reliance.",
].join("\n");

/** A citation of the sentence holding `text`, quoted as the service quotes. */
function cite(text: string, locatorDetail: CheckedCitation["locatorDetail"]): CheckedCitation {
  const at = raw.indexOf(text);
  const q = makeQuote(raw, at, at + text.length)!;
  return { quote: q.quote, start: q.start, end: q.end, locatorDetail };
}
const problems = (c: CheckedCitation) => checkCitation(raw, c).problems;

describe("checkCitation", () => {
  const zh = cite("南韓大德卻無法吸\n引廠商進駐。北京聚集了外資銀行", {
    section: "1",
    sectionTitle: "Growth",
    paragraph: 2,
    lang: "en",
  });
  const en = cite("Shenzhen firms", { section: "1", sectionTitle: "Growth", paragraph: 1 });

  it("passes quotes made from their spans with locators that lead to them", () => {
    expect(problems(zh)).toEqual([]);
    expect(problems(en)).toEqual([]);
    const row = raw.indexOf("Beijing\t");
    expect(
      problems({
        quote: "Beijing\t1,200",
        start: row,
        end: row + "Beijing\t1,200".length,
        locatorDetail: { table: "Table 1" },
      }),
    ).toEqual([]);
  });

  it("follows a note locator to the footnote that holds the quote", () => {
    const note = cite("Most new firms", { note: "3" });
    expect(problems(note)).toEqual([]);
    expect(problems({ ...note, locatorDetail: { note: "4" } })).toEqual([
      "no note 4 in the cited work",
    ]);
  });

  it("fails a Chinese quote whose full-width commas became ASCII", () => {
    const folded = { ...zh, quote: zh.quote.replace(/，/gu, ",") };
    expect(problems(folded)).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/not the display text/u),
        expect.stringMatching(/the source has 3 "，" but the quote 0/u),
      ]),
    );
  });

  it("fails a quote that keeps a footnote number glued to a word", () => {
    expect(zh.quote).toContain("外資銀行²，");
    const glued = { ...zh, quote: zh.quote.replace("²", "2") };
    expect(problems(glued)).toContain("footnote 2 is glued to a word as digits");
  });

  it("fails a quote carrying Markdown emphasis or tags", () => {
    expect(problems({ ...en, quote: "Shenzhen firms were *small* and many." })).toContain(
      "the quote holds Markdown emphasis or HTML tags",
    );
    expect(problems({ ...en, quote: "Shenzhen firms were <b>small</b> and many." })).toContain(
      "the quote holds Markdown emphasis or HTML tags",
    );
  });

  it("fails a locator that leads elsewhere: another paragraph, another section, a missing table", () => {
    expect(problems({ ...en, locatorDetail: { ...en.locatorDetail, paragraph: 2 } })).toEqual([
      expect.stringMatching(/does not hold/u),
    ]);
    expect(
      problems({ ...en, locatorDetail: { section: "2", sectionTitle: "Tables", paragraph: 1 } }),
    ).toEqual([expect.stringMatching(/no paragraph 1/u)]);
    expect(problems({ ...en, locatorDetail: { table: "Table 3" } })).toEqual([
      "no caption in the cited work starts with Table 3",
    ]);
  });

  it("fails an in-text citation that shows a bare Chinese numeral for a section", () => {
    expect(problems({ ...zh, inText: "([Report], n.d., 一, para. 2)" })).toEqual([
      "the in-text citation shows a bare section numeral: ([Report], n.d., 一, para. 2)",
    ]);
  });
});

describe("scopeOf", () => {
  it("limits the search for a locator to the chapter holding the citation", () => {
    const report = catalog["bohai-rim-science-parks-report"]!;
    const text = `前言\n\n${report.chapters.map((c) => `${c.opening}\n\n正文。`).join("\n\n")}`;
    const second = text.indexOf(report.chapters[1]!.opening);
    expect(scopeOf(report, text, 0)).toEqual({
      start: 0,
      end: text.indexOf(report.chapters[0]!.opening),
      chapter: false,
    });
    expect(scopeOf(report, text, second + 3)).toEqual({
      start: second,
      end: text.indexOf(report.chapters[2]!.opening),
      chapter: true,
    });
  });
});
