import { describe, expect, it } from "vitest";
import { compileGazetteer, matchesPinyin, pinyinOf } from "../../src/lexicon/names.js";
import { CORPUS_NAMES } from "../fixtures/knowledge.js";

const nameVariants = (term: string) => CORPUS_NAMES.variants(term);
const findNames = (text: string) => CORPUS_NAMES.find(text);
const englishName = (simplified: string) => CORPUS_NAMES.englishName(simplified);

describe("the corpus gazetteer: variants", () => {
  it("finds every form from an English spelling, whatever its apostrophe or case", () => {
    for (const spelling of [
      "Zhongguancun",
      "Zhong'guancun",
      "Zhong’guancun",
      "zgc",
      "ZHONGGUANCUN",
    ]) {
      const variants = nameVariants(spelling);
      expect(variants).toContain("中關村");
      expect(variants).toContain("中关村");
      expect(variants).toContain("ZGC");
    }
  });

  it("finds every form from Traditional or Simplified Chinese", () => {
    expect(nameVariants("東莞")).toEqual(expect.arrayContaining(["Dongguan", "东莞"]));
    expect(nameVariants("东莞")).toEqual(expect.arrayContaining(["Dongguan", "東莞"]));
    expect(nameVariants("首尔")).toEqual(expect.arrayContaining(["Seoul", "首爾", "漢城"]));
  });

  it("knows romanisation variants and the report's own spellings", () => {
    expect(nameVariants("Taejon")).toEqual(expect.arrayContaining(["Daejeon", "大田"]));
    expect(nameVariants("Taedok")).toEqual(expect.arrayContaining(["Daedeok", "大德"]));
    expect(nameVariants("揚埔")).toEqual(expect.arrayContaining(["Yangpu", "楊浦"]));
    expect(nameVariants("海澱")).toContain("Haidian");
    expect(nameVariants("Peking")).toContain("北京");
  });

  it("returns nothing for names it does not know", () => {
    expect(nameVariants("Atlantis")).toEqual([]);
  });
});

describe("the corpus gazetteer: names in a text", () => {
  it("finds English names, longest first, and respects case for common words", () => {
    const names = findNames("Founder and Stone grew near Peking University in Zhong’guancun").map(
      (n) => n.name,
    );
    expect(names).toEqual(["Founder", "Stone", "Peking University", "Zhongguancun"]);
    expect(findNames("a stone's throw from the founder's house")).toEqual([]);
  });

  it("keeps all-caps abbreviations case-sensitive", () => {
    expect(findNames("firms in SIP").map((n) => n.name)).toEqual(["Suzhou Industrial Park"]);
    expect(findNames("take a sip")).toEqual([]);
  });

  it("finds Chinese names in either script", () => {
    expect(findNames("南韓大德區與首爾的差距").map((n) => n.name)).toEqual([
      "Korea",
      "Daedeok",
      "Seoul",
    ]);
    expect(findNames("东莞与深圳的电子业").map((n) => n.name)).toEqual(["Dongguan", "Shenzhen"]);
  });

  it("finds demonyms as their country", () => {
    expect(findNames("the Korean government").map((n) => n.name)).toEqual(["Korea"]);
    expect(nameVariants("Korean")).toEqual(
      expect.arrayContaining(["Korea", "South Korean", "韓國", "韩国"]),
    );
  });
});

describe("the corpus gazetteer: English names", () => {
  it("gives the canonical English form of a Simplified name", () => {
    expect(englishName("大田")).toBe("Daejeon");
    expect(englishName("竹科")).toBe("Hsinchu Science Park");
    expect(englishName("公司")).toBeUndefined();
  });
});

describe("a gazetteer of another corpus", () => {
  const names = compileGazetteer([
    { en: ["Tainan", "Tainan City"], zh: ["臺南", "台南"] },
    { en: ["Chimei", "Chi Mei"], zh: ["奇美"], caseSensitive: true },
  ]);

  it("finds its own names and none of the project corpus's", () => {
    expect(names.find("Chi Mei moved to Tainan; 奇美在台南").map((n) => n.name)).toEqual([
      "Chimei",
      "Tainan",
    ]);
    expect(names.variants("台南")).toEqual(["Tainan", "Tainan City", "臺南", "台南"]);
    expect(names.find("the chi mei of it")).toEqual([]);
    expect(names.find("Beijing and 北京")).toEqual([]);
    expect(CORPUS_NAMES.find("Tainan")).toEqual([]);
  });

  it("reads Chinese names left to right, longest first: a form starting inside one found is not there", () => {
    const overlapping = compileGazetteer([
      { en: ["Tainan"], zh: ["台南"] },
      { en: ["Nankai University"], zh: ["南開", "南开"] },
    ]);
    // 台南|開始 ("Tainan … starts"): 南開 straddles the two words.
    expect(overlapping.find("台南開始").map((n) => n.name)).toEqual(["Tainan"]);
    expect(overlapping.find("南開在台南").map((n) => n.name)).toEqual([
      "Nankai University",
      "Tainan",
    ]);
  });

  it("is empty without entries, and finds nothing", () => {
    const none = compileGazetteer([]);
    expect(none.find("Beijing, 北京, anything")).toEqual([]);
    expect(none.variants("Beijing")).toEqual([]);
    expect(none.forms()).toEqual([]);
  });
});

describe("pinyin matching", () => {
  it("spells Chinese in toneless pinyin, Traditional or Simplified", () => {
    expect(pinyinOf("天津")).toBe("tianjin");
    expect(pinyinOf("東莞")).toBe("dongguan");
    expect(pinyinOf("蘇州")).toBe("suzhou");
  });

  it("matches a romanised name to its Chinese form", () => {
    expect(matchesPinyin("Qian'an", "遷安")).toBe(true);
    expect(matchesPinyin("Kunshan", "昆山")).toBe(true);
    expect(matchesPinyin("Kunshan", "天津")).toBe(false);
  });
});
