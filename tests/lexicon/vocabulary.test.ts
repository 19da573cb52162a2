import { beforeAll, describe, expect, it } from "vitest";
import { loadLexicon } from "../../src/lexicon/cedict-file.js";
import type { Lexicon } from "../../src/lexicon/types.js";
import { createVocabulary } from "../../src/lexicon/vocabulary.js";
import { CORPUS_KNOWLEDGE } from "../fixtures/knowledge.js";

const CORPUS = ["沈家灣工業區設立研發中心，並與復旦大學合作。", "科學園區的外資企業"];
let lexicon: Lexicon;

beforeAll(async () => {
  lexicon = await loadLexicon(CORPUS_KNOWLEDGE);
}, 30_000);

describe("createVocabulary", () => {
  const vocabulary = createVocabulary(CORPUS);

  it("knows the corpus words in Simplified", () => {
    expect(vocabulary.has("沈家湾")).toBe(true);
    expect(vocabulary.has("外资企业")).toBe(true);
    expect(vocabulary.has("私募")).toBe(false);
  });

  it("finds corpus words by the pinyin of a romanised name", () => {
    expect(vocabulary.byPinyin("Shenjiawan")).toEqual(["沈家湾"]);
    expect(vocabulary.byPinyin("Atlantis")).toEqual([]);
    expect(vocabulary.byPinyin("")).toEqual([]);
  });

  it("lists the words a name spells most frequent first, then in the corpus's order", () => {
    // 大德 twice, 达德 once, both "dade"; 沈家湾 and 沈家灣 fold to one word.
    const names = createVocabulary(["達德公司與大德園區", "大德的沈家灣", "沈家湾"]);
    expect(names.byPinyin("Dade")).toEqual(["大德", "达德"]);
    expect(names.byPinyin("Shen-jiawan")).toEqual(["沈家湾"]);
  });

  it("lets toChinese resolve names the dictionary lacks", () => {
    expect(lexicon.toChinese("Which university works with Shenjiawan?")).not.toContain("沈家湾");
    expect(lexicon.toChinese("Which university works with Shenjiawan?", { vocabulary })).toContain(
      "沈家湾",
    );
  });

  it("lets toChinese rank translations the corpus uses first", () => {
    const ranked = lexicon.toChinese("science park", { vocabulary });
    expect(ranked[0]).toBe("科学园区");
    expect(ranked.indexOf("科技园")).not.toBe(0);
  });
});
