import { describe, expect, it } from "vitest";
import { segmentChinese } from "../../src/lexicon/segment.js";

const words = new Set(["分行", "科学园区", "科学", "园区", "外资", "银行", "外资银行"]);
const has = (word: string): boolean => words.has(word);

describe("segmentChinese", () => {
  it("joins segments that form a longer dictionary word", () => {
    expect(segmentChinese("科学园区", has, 8).map((t) => t.text)).toEqual(["科学园区"]);
  });

  it("keeps Latin words and numbers whole", () => {
    const tokens = segmentChinese("外资银行 25 家 Motorola", has, 8).filter(
      (t) => t.kind !== "other",
    );
    expect(tokens.map((t) => [t.text, t.kind])).toEqual([
      ["外资银行", "word"],
      ["25", "latin"],
      ["家", "unknown"],
      ["Motorola", "latin"],
    ]);
  });
});
