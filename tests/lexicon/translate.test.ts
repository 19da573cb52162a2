import { readFileSync } from "node:fs";
import { beforeAll, describe, expect, it } from "vitest";
import { toSimplified } from "../../src/text/fold.js";
import { parseCedict } from "../../src/lexicon/cedict.js";
import { supplementLines } from "../../src/lexicon/supplement.js";
import { loadLexicon } from "../../src/lexicon/cedict-file.js";
import { createLexicon } from "../../src/lexicon/translate.js";
import type { Lexicon } from "../../src/lexicon/types.js";
import { CORPUS_KNOWLEDGE } from "../fixtures/knowledge.js";

let lexicon: Lexicon;

beforeAll(async () => {
  lexicon = await loadLexicon(CORPUS_KNOWLEDGE);
}, 30_000);

describe("a lexicon's corpus knowledge", () => {
  it("adds the corpus's dictionary supplement to CC-CEDICT", () => {
    // 学习型区域 is in the supplement only (corpus/knowledge/dictionary.json).
    expect(lexicon.toChinese("learning region").slice(0, 3)).toContain("学习型区域");
    expect(lexicon.toEnglish("學習型區域")).toEqual(expect.arrayContaining(["learning", "region"]));
  });

  it("finds the corpus's gazetteer names", () => {
    expect(lexicon.names("firms in Taedok and 竹科").map((n) => n.name)).toEqual([
      "Daedeok",
      "Hsinchu Science Park",
    ]);
  });

  it("takes both from the knowledge it is given, not from the project's corpus", () => {
    const own = createLexicon(
      parseCedict(supplementLines([{ zh: "稻米產量", en: ["rice yield"] }])),
      { gazetteer: [{ en: ["Chiayi"], zh: ["嘉義"] }] },
    );
    expect(own.toChinese("rice yield in Chiayi")).toEqual(["嘉义", "稻米产量"]);
    expect(own.gloss("嘉義稻米產量")).toBe("Chiayi rice yield");
    expect(own.names("Taedok")).toEqual([]);
  });
});

describe("toChinese", () => {
  it("translates multi-word phrases as a unit", () => {
    expect(lexicon.toChinese("private equity fund").slice(0, 5)).toEqual(
      expect.arrayContaining(["私募基金", "股权投资基金"]),
    );
    expect(lexicon.toChinese("foreign investment")[0]).toBe("外资");
    expect(lexicon.toChinese("market share").slice(0, 3)).toEqual(
      expect.arrayContaining(["市场占有率"]),
    );
  });

  it("translates hyphenated compounds and domain terms", () => {
    expect(lexicon.toChinese("high-tech").slice(0, 3)).toEqual(
      expect.arrayContaining(["高科技", "高新技术"]),
    );
    expect(lexicon.toChinese("science park").slice(0, 3)).toContain("科学园区");
  });

  it("prefers the literal gloss over words Porter stemming conflates", () => {
    expect(lexicon.toChinese("university")[0]).toBe("大学");
  });

  it("reads British spellings", () => {
    expect(lexicon.toChinese("research and development centre")[0]).toBe("研发中心");
  });

  it("puts gazetteer names first, in Simplified", () => {
    const terms = lexicon.toChinese("How many foreign banks were there in Tianjin and Dongguan?");
    expect(terms.slice(0, 2)).toEqual(["天津", "东莞"]);
    expect(terms).toContain("外资银行");
  });

  it("skips question and function words", () => {
    expect(lexicon.toChinese("What was it, and where were they?")).toEqual([]);
  });

  it("respects the caps per phrase and in total", () => {
    expect(lexicon.toChinese("university", { perTerm: 1 })).toEqual(["大学"]);
    const long =
      "industrial policy regional innovation foreign direct investment science park heavy industry pollution";
    expect(lexicon.toChinese(long, { limit: 6 })).toHaveLength(6);
  });
});

describe("toEnglish", () => {
  it("glosses Traditional and Simplified the same way", () => {
    for (const text of ["私募股權基金", "私募股权基金"]) {
      expect(lexicon.toEnglish(text)).toEqual(
        expect.arrayContaining(["private", "equity", "fund"]),
      );
    }
    for (const text of ["外資", "外资"]) {
      expect(lexicon.toEnglish(text)).toEqual(
        expect.arrayContaining(["foreign", "investment", "capital"]),
      );
    }
  });

  it("gives names in English and keeps Latin words and numbers", () => {
    const words = lexicon.toEnglish("1990年蘇州的外資電子企業（FIE）有多少家？");
    expect(words).toEqual(
      expect.arrayContaining(["suzhou", "1990", "fie", "foreign", "electronic", "enterprise"]),
    );
  });

  it("returns lowercase content words only, within the cap", () => {
    const words = lexicon.toEnglish("北京的外資銀行在哪一年成立的？", { limit: 5 });
    expect(words.length).toBeLessThanOrEqual(5);
    for (const word of words) expect(word).toBe(word.toLowerCase());
    expect(words).not.toContain("the");
    expect(words).not.toContain("of");
  });
});

describe("gloss", () => {
  it("renders a Chinese sentence in English words, keeping numbers", () => {
    const english = lexicon.gloss("2010 年北京所管理的基金規模 1.04 萬億元，外資銀行有 9 家");
    expect(english).toMatch(/Beijing/);
    expect(english).toMatch(/fund scale/);
    expect(english).toMatch(/foreign bank/);
    expect(english).toMatch(/\b2010 year\b/);
    expect(english).toMatch(/\b1\.04\b/);
    expect(english).not.toMatch(/\bhome\b/);
    expect(english).not.toMatch(/[\u4e00-\u9fff]/);
  });

  it("uses gazetteer names for places the dictionary reads as words", () => {
    expect(lexicon.gloss("南韓的大德")).toMatch(/Korea Daedeok/);
  });

  it("glosses the whole Chinese report in well under ten seconds", () => {
    const report = readFileSync(
      new URL("../../corpus/bohai-rim-science-parks-report.txt", import.meta.url),
      "utf8",
    );
    const started = performance.now();
    const english = lexicon.gloss(report);
    expect(performance.now() - started).toBeLessThan(10_000);
    expect(english.length).toBeGreaterThan(report.length / 2);
    expect(toSimplified(english)).not.toMatch(/[\u4e00-\u9fff]{3}/);
  });
});

describe("lexicon.properNouns", () => {
  const own = createLexicon(
    parseCedict(
      [
        "冰島 冰岛 [Bing1 dao3] /Iceland/",
        "地熱 地热 [di4 re4] /geothermal heat/",
        "嘉義 嘉义 [Jia1 yi4] /Chiayi/",
        "長城 长城 [Chang2 cheng2] /the Great Wall/",
        "長城 长城 [chang2 cheng2] /great wall/",
      ].join("\n"),
    ),
    { gazetteer: [{ en: ["Chiayi"], zh: ["嘉義"] }] },
  );

  it("reads words whose every sense is a proper noun, with their English", () => {
    expect(own.properNouns("冰島的地熱")).toEqual([{ word: "冰岛", english: ["Iceland"] }]);
  });

  it("leaves gazetteer names to names(), and words that also have a common sense", () => {
    expect(own.properNouns("嘉義的長城")).toEqual([]);
  });
});
