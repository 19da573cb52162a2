import { describe, expect, it } from "vitest";
import { ATTRIBUTION, parseCedict } from "../../src/lexicon/cedict.js";
import { cleanGloss, properNames } from "../../src/lexicon/clean-gloss.js";

const SAMPLE = `# CC-CEDICT sample
外資 外资 [wai4 zi1] /foreign investment/
區 区 [Ou1] /surname Ou/
區 区 [qu1] /area/region/district/CL:個|个[ge4]/
東莞 东莞 [Dong1 guan3] /Dongguan prefecture-level city in Guangdong 廣東省|广东省[Guang3 dong1 sheng3]/
清華大學 清华大学 [Qing1 hua2 Da4 xue2] /Tsinghua University, Beijing/
清華 清华 [Qing1 hua2] /abbr. for 清華大學|清华大学[Qing1 hua2 Da4 xue2]/
方正 方正 [Fang1 zheng4] /Fangzheng county in Harbin/
方正 方正 [fang1 zheng4] /clear and square/neat/
園區 园区 [yuan2 qu1] /site developed for a group of related enterprises/(industrial or technology) park/
列兵 列兵 [lie4 bing1] /private (army rank)/
`;

describe("parseCedict", () => {
  const dict = parseCedict(SAMPLE);

  it("indexes entries by their simplified headword", () => {
    expect(dict.words.get("外资")?.glosses).toEqual(["foreign investment"]);
    expect(dict.words.has("外資")).toBe(false);
  });

  it("drops surnames and classifiers", () => {
    expect(dict.words.get("区")?.glosses).toEqual(["area", "region", "district"]);
  });

  it("reduces proper-noun glosses to the name", () => {
    expect(dict.words.get("东莞")?.glosses).toEqual(["Dongguan"]);
    expect(dict.words.get("东莞")?.properMask).toBe(1);
  });

  it("resolves abbreviations to the glosses of the full form", () => {
    expect(dict.words.get("清华")?.glosses).toEqual(["Tsinghua University"]);
  });

  it("puts common-word senses before proper-noun senses", () => {
    expect(dict.words.get("方正")?.glosses).toEqual(["clear and square", "neat", "Fangzheng"]);
  });

  it("strips parenthetical notes, marks the glosses they narrowed and drops explanations", () => {
    expect(dict.words.get("园区")?.glosses).toEqual(["park"]);
    expect(dict.words.get("园区")?.qualifiedMask).toBe(1);
    expect(dict.words.get("列兵")?.glosses).toEqual(["private"]);
    expect(dict.words.get("列兵")?.qualifiedMask).toBe(1);
  });

  it("indexes proper nouns by toneless pinyin", () => {
    expect(dict.properByPinyin.get("dongguan")).toEqual(["东莞"]);
  });
});

describe("cleanGloss", () => {
  it("drops variant and pronunciation notes, keeps plain glosses", () => {
    expect(cleanGloss("CL:個|个[ge4]")).toEqual({ kind: "drop" });
    expect(cleanGloss("old variant of 區|区[qu1]")).toEqual({ kind: "ref", word: "区" });
    expect(cleanGloss("to estimate")).toEqual({
      kind: "text",
      text: "to estimate",
      qualified: false,
    });
  });

  it("removes pinyin and characters left inside a gloss", () => {
    const cleaned = cleanGloss(
      "chemical industry, abbr. of 化學工業|化学工业[hua4 xue2 gong1 ye4]",
    );
    expect(cleaned).toEqual({ kind: "text", text: "chemical industry", qualified: false });
  });
});

describe("properNames", () => {
  it("keeps the leading capitalised run, alternatives and connectors", () => {
    expect(properNames("Xinzhu or Hsinchu city in northern Taiwan")).toEqual(["Xinzhu", "Hsinchu"]);
    expect(properNames("Bank of China")).toEqual(["Bank of China"]);
    expect(properNames("Pudong, subprovincial district of Shanghai")).toEqual(["Pudong"]);
  });
});

describe("ATTRIBUTION", () => {
  it("credits CC-CEDICT under CC BY-SA 4.0", () => {
    expect(ATTRIBUTION).toMatch(/CC-CEDICT/);
    expect(ATTRIBUTION).toMatch(/CC BY-SA 4\.0/);
  });
});
