import { describe, expect, it } from "vitest";
import { placeNames } from "../../src/question/entities.js";
import { contentWordsWithAlts, trimFunctionWords } from "../../src/question/words.js";
import { parseCedict } from "../../src/lexicon/cedict.js";
import { createLexicon } from "../../src/lexicon/translate.js";
import { makeTranslator } from "../../src/serve/language.js";

describe("trimFunctionWords", () => {
  it("removes function words, pronouns and demonstratives glued to a word's edges", () => {
    expect(trimFunctionWords("它的")).toBe("");
    expect(trimFunctionWords("那一")).toBe("");
    expect(trimFunctionWords("大约有")).toBe("");
    expect(trimFunctionWords("的港口")).toBe("港口");
    expect(trimFunctionWords("吞吐量了")).toBe("吞吐量");
  });
  it("leaves a word without them as it is", () => {
    expect(trimFunctionWords("港口")).toBe("港口");
    expect(trimFunctionWords("吞吐量")).toBe("吞吐量");
  });
});

describe("placeNames", () => {
  it("reads the place an adjective of nationality comes from, by its regular suffixes", () => {
    expect(placeNames("peruvian")).toContain("peruvia");
    expect(placeNames("kenyan")).toContain("kenya");
    expect(placeNames("european")).toContain("europe");
    expect(placeNames("vietnamese")).toContain("vietnam");
    expect(placeNames("chinese")).toContain("china");
  });
  it("gives nothing for other words", () => {
    expect(placeNames("harbour")).toEqual([]);
    expect(placeNames("an")).toEqual([]);
    expect(placeNames("Kenyan")).toEqual([]);
  });
});

describe("contentWordsWithAlts", () => {
  const translator = makeTranslator(
    createLexicon(
      parseCedict(
        [
          "港口 港口 [gang3 kou3] /port/harbor/",
          "貨物 货物 [huo4 wu4] /goods/cargo/",
          "吞吐量 吞吐量 [tun1 tu3 liang4] /throughput/",
          "港口貨物吞吐量 港口货物吞吐量 [gang3 kou3 huo4 wu4 tun1 tu3 liang4] /port cargo tonnage/PCT/",
        ].join("\n"),
      ),
      { gazetteer: [] },
    ),
  );
  const alts = (text: string) =>
    new Map(contentWordsWithAlts(text, translator).map((w) => [w.term, w.alts]));
  it("gives the parts of a dictionary compound the senses only the whole has", () => {
    const words = alts("港口貨物吞吐量是多少？");
    for (const part of ["港口", "货物", "吞吐量"]) expect(words.get(part)).toContain("pct");
    expect(words.get("港口")).toContain("port");
  });
  it("adds nothing to words that only stand side by side", () => {
    expect(alts("港口的貨物").get("港口")).not.toContain("pct");
  });
});
