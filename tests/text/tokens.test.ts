import { describe, expect, it } from "vitest";
import { tokenize } from "../../src/text/tokens.js";
import { matchForm } from "../../src/text/fold.js";

describe("matching key", () => {
  it("folds compatibility ideographs, full-width forms and case", () => {
    expect(matchForm("\uF9EA ＡＢＣ Tianjin")).toBe("离 abc tianjin");
  });
  it("folds Traditional to Simplified for matching only", () => {
    expect(tokenize("濱海新區")).toEqual(tokenize("滨海新区"));
    expect(tokenize("中關村")).toContain("中关");
  });
  it("merges digit groups so 1,116 matches 1116", () => {
    expect(tokenize("1,116 firms")).toEqual(tokenize("1116 firms"));
    expect(tokenize("14.4%")).toContain("14.4");
  });
  it("stems English and drops stop words", () => {
    expect(tokenize("The firms were operating")).toEqual(["firm", "oper"]);
  });
  it("segments Chinese into words plus character bigrams", () => {
    const t = tokenize("天津引進資金");
    expect(t).toContain("天津");
    expect(t).toContain("资金");
    expect(t).toContain("津引");
  });
  it("normalises apostrophes in romanised names", () => {
    expect(tokenize("Zhong'guancun")).toEqual(tokenize("Zhongguancun"));
    expect(tokenize("Zhong’guancun")).toEqual(tokenize("Zhongguancun"));
  });
});

describe("words glued to numbers", () => {
  it("splits a word from a number it is glued to", () => {
    expect(tokenize("GDP13.4%")).toEqual(["gdp", "13.4"]);
    expect(tokenize("3G")).toEqual(["3", "g"]);
  });
});

describe("British and American spelling", () => {
  it("matches centre/center, labour/labor and organisation/organization", () => {
    expect(tokenize("incubation centre")).toEqual(tokenize("incubation center"));
    expect(tokenize("labour costs")).toEqual(tokenize("labor costs"));
    expect(tokenize("organisations")).toEqual(tokenize("organizations"));
    expect(tokenize("hour four")).toEqual(["hour", "four"]);
  });
});
