import { describe, expect, it } from "vitest";
import { hasHan, toSimplified } from "../../src/text/fold.js";

describe("toSimplified", () => {
  it("folds compatibility ideographs, full-width forms and Traditional characters", () => {
    expect(toSimplified("\uF963京 ＡＢＣ 濱海新區")).toBe("北京 ABC 滨海新区");
  });

  it("maps characters, not Taiwan vocabulary, so the text keeps its words and length", () => {
    expect(toSimplified("資料來源：許多工廠")).toBe("资料来源:许多工厂");
    expect(toSimplified("軟體")).toBe("软体");
  });

  it("leaves case and other scripts to the caller", () => {
    expect(toSimplified("Zhongguancun 1,116")).toBe("Zhongguancun 1,116");
  });
});

describe("hasHan", () => {
  it("tells Chinese text from the rest", () => {
    expect(hasHan("Motorola 只有 7%")).toBe(true);
    expect(hasHan("Motorola")).toBe(false);
  });
});
