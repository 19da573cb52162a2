import { describe, expect, it } from "vitest";
import { answerKind, comparison, quantityFocus } from "../../src/question/kind.js";

describe("answerKind", () => {
  it.each([
    ["What fraction of the surveyed start-ups were spun off from universities?", "share"],
    ["佔全市工業產值的比重有多大？", "share"],
    ["Since when has the provincial port been open?", "date"],
    ["這座科學城是何時開始興建的？", "date"],
    // 幾乎 / 几乎 is "almost", not "how many".
    ["漁港幾乎不見外地船隻停靠，這座港口叫什麼名字？", "name"],
    ["渔港几乎不见外地船只停靠，这座港口叫什么名字？", "name"],
    ["Why were most wafer fabs built outside the capital?", "reason"],
    ["为什么外资银行更愿意落户上海？", "reason"],
    ["How many incubators operated in the district by 2005?", "quantity"],
    ["这些企业一共雇用了几名工程师？", "quantity"],
    ["What was downtown office rent per square metre?", "quantity"],
    // A measured noun phrase right after "what", before its verb, asks an amount; other nouns do not.
    ["What yearly rent was the fishing co-operative paying in 1950?", "quantity"],
    ["What daily output did the new kiln reach?", "quantity"],
    ["What role did the harbour board's investment play?", "name"],
    ["What sales strategy did the mill adopt?", "name"],
    ["Who led the municipal planning bureau at the time?", "person"],
    ["Where did the chip makers open their first assembly plants?", "place"],
    ["How did the district attract returnee entrepreneurs?", "manner"],
    ["Which consultancy drew up the master plan?", "name"],
    ["Did the park charge rent to university spin-offs?", "yesno"],
    ["Tell me about the science park.", "other"],
  ])("%s → %s", (q, kind) => {
    expect(answerKind(q)).toBe(kind);
  });
});

describe("comparison", () => {
  it("reads the direction of a superlative after an interrogative", () => {
    expect(comparison("Which province recorded the fewest patents?")).toBe("min");
    expect(comparison("Which district had the largest output in 2001?")).toBe("max");
    expect(comparison("哪一個城市的研發投入最高？")).toBe("max");
  });
  it("ignores 'at least' and 'at most' and plain questions", () => {
    expect(comparison("Which firms spent at least a tenth of sales on research?")).toBeNull();
    expect(comparison("How many firms exported?")).toBeNull();
  });
});

describe("quantityFocus", () => {
  it("is the phrase a quantity question counts or measures", () => {
    expect(quantityFocus("How many software engineers did the branch employ?")).toBe(
      "software engineers",
    );
    expect(quantityFocus("What share of farmland was rezoned?")).toBe("farmland");
    expect(quantityFocus("碼頭上有多少名工人？")).toBe("工人");
    expect(quantityFocus("碼頭幾乎停工，當時有幾艘貨輪？")).toBe("貨輪");
    expect(quantityFocus("When did the park open?")).toBe("");
  });
  it("is the measured noun phrase of a 'what was the …' question, without its owner", () => {
    expect(quantityFocus("What were the harbour's annual fees in 1931?")).toBe("annual fees");
    expect(quantityFocus("What yearly rent did the mill pay?")).toBe("yearly rent");
    expect(quantityFocus("The fish market: what was its average weekly turnover?")).toBe(
      "weekly turnover",
    );
    // No measure named: a name question has no focus.
    expect(quantityFocus("What was the ferry called?")).toBe("");
  });
  it("leaves out names, ratios and shares that do not say what is counted", () => {
    expect(quantityFocus("How many Xiamen trawlers were in the fleet?")).toBe("trawlers");
    expect(quantityFocus("How many times bigger was the catch after 1990?")).toBe("");
    expect(quantityFocus("Their part dropped from 31% to what share in 1968?")).toBe("");
    expect(quantityFocus("漁港裡多少比重的漁船是外地的？")).toBe("");
    expect(quantityFocus("碼頭的吞吐量比前一年少了多少？")).toBe("");
  });
  it("is what stands before 多少 when a unit or nothing follows it", () => {
    expect(quantityFocus("漁港 1931 年的漁獲總量是多少？")).toBe("漁獲總量");
    expect(quantityFocus("碼頭的年租金（租約）約為多少萬元？")).toBe("年租金");
  });
});
