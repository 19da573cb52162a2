import { describe, expect, it } from "vitest";
import { asksTwoThings, splitTwoParts } from "../../src/retrieve/decompose.js";

describe("two-part questions", () => {
  it("splits at the conjunction that starts the second question", () => {
    expect(
      splitTwoParts("BEZ was the first of how many zones, and by what year did 52 zones exist?"),
    ).toEqual(["BEZ was the first of how many zones", "by what year did 52 zones exist?"]);
    expect(
      splitTwoParts(
        "Which firm appears both in the 1997 paper as an investor and in the 2010 paper's list of giants?",
      ),
    ).toEqual([
      "Which firm appears both in the 1997 paper as an investor",
      "in the 2010 paper's list of giants?",
    ]);
  });
  it("leaves single questions whole", () => {
    expect(asksTwoThings("How many firms and institutes were in Haidian?")).toBe(false);
    expect(splitTwoParts("How many firms and institutes were in Haidian?")).toBeNull();
  });
});
