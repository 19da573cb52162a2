import { describe, expect, it } from "vitest";
import { eventYears, properWords, splitSourceClause } from "../../src/retrieve/clauses.js";
import { prepareQuery, wordsWithAlts } from "../../src/retrieve/query.js";
import type { Translator } from "../../src/lexicon/types.js";

/** A tiny translator with a two-word dictionary and one gazetteer name, enough to test query preparation. */
const translator: Translator = {
  toChinese: (en) => (/foreign/iu.test(en) ? ["外资"] : []),
  toEnglish: (zh) => (zh.includes("外资") || zh.includes("外資") ? ["foreign", "capital"] : []),
  gloss: (zh) => zh,
  romanised: (w) => (w === "shougang" ? ["首钢"] : []),
  names: (text) =>
    /tianjin|天津/iu.test(text) ? [{ name: "Tianjin", variants: ["Tianjin", "天津"] }] : [],
};

describe("eventYears", () => {
  it("keeps years of events and drops decades and dates of sources", () => {
    expect(eventYears("In the 1990s paper, what happened in 1984?")).toEqual(["1984"]);
    expect(
      eventYears("According to the 2010 ICT-hubs paper, how many firms were there in 2006?"),
    ).toEqual(["2006"]);
    expect(eventYears("2007 年天津引進多少資金？")).toEqual(["2007"]);
  });
});

describe("properWords", () => {
  it("finds capitalised names inside a question, not its first word, demonyms or parenthetical glosses", () => {
    expect(properWords("Where did Shougang (Capital Steel) relocate?")).toEqual(["Shougang"]);
    expect(properWords("Which European region is like Zhejiang?")).toEqual(["Zhejiang"]);
  });
});

describe("prepareQuery", () => {
  it("adds name variants in both scripts and anchors on them", () => {
    const q = prepareQuery("How much foreign capital did Tianjin attract?", translator);
    expect(q.terms.map((t) => t.term)).toEqual(expect.arrayContaining(["tianjin", "天津", "外资"]));
    expect(q.anchors).toContainEqual(["tianjin", "天津"]);
  });
  it("weights a follow-up's context at half and takes required years only from the question itself", () => {
    const q = prepareQuery("And in Tianjin?", translator, {
      context: "What was the growth in 2007?",
    });
    const weight = (t: string) => q.terms.find((x) => x.term === t)?.weight;
    expect(weight("tianjin")).toBe(1);
    expect(weight("growth")).toBe(0.5);
    expect(q.years).toEqual([]);
    expect(q.numbers).toContain("2007");
  });
  it("does not anchor on the authors a question cites, and prefers their document", () => {
    const q = prepareQuery(
      "According to Liefner and Kroll, which Zhejiang towns grew?",
      translator,
      { sourceNames: ["Liefner", "Kroll"], preferDocs: ["liefner"] },
    );
    expect(q.anchors.flat()).not.toContain("liefner");
    expect(q.anchors.flat()).toContain("zhejiang");
    expect(q.preferDocs).toEqual(["liefner"]);
  });
  it("gives English words their Chinese translations and unknown romanised names their pinyin matches", () => {
    const words = wordsWithAlts("Did Shougang get foreign money?", translator);
    expect(words.find((w) => w.term === "foreign")?.alts).toContain("外资");
    expect(words.find((w) => w.term === "shougang")?.alts).toContain("首钢");
  });
  it("gives Chinese words their English glosses", () => {
    const words = wordsWithAlts("外資有多少", translator);
    expect(words.find((w) => w.term === "外资")?.alts).toEqual(
      expect.arrayContaining(["foreign", "capit"]),
    );
  });
});

describe("eventYears with ranges", () => {
  it("treats a year range before a source noun as the source's date", () => {
    expect(eventYears("In the 2006–2007 firm survey, how many employees did firms have?")).toEqual(
      [],
    );
    expect(eventYears("What grew between 2006 and 2007?")).toEqual(["2006", "2007"]);
  });
});

describe("splitSourceClause", () => {
  it("separates a clause that says where to look", () => {
    expect(
      splitSourceClause(
        "How many IC firms does Taiwan have, according to the chapter comparing Hsinchu, Zhongguancun and Daedeok?",
      ),
    ).toEqual({
      main: "How many IC firms does Taiwan have?",
      source: "according to the chapter comparing Hsinchu, Zhongguancun and Daedeok",
    });
    expect(
      splitSourceClause("In the 2011 firm survey, what share of Jiangsu firms upgraded?").source,
    ).toBe("In the 2011 firm survey");
  });
  it("leaves other questions alone", () => {
    expect(splitSourceClause("In Zhejiang, what was compared to Northern Italy?").source).toBe("");
    expect(splitSourceClause("What did the paper find?").source).toBe("");
  });
  it("keeps the names of the source clause out of the anchors", () => {
    const q = prepareQuery(
      "How many IC firms does Taiwan have, according to the chapter on Tianjin?",
      translator,
    );
    expect(q.anchors.flat()).not.toContain("tianjin");
  });
});
