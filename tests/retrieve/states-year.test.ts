import { describe, expect, it } from "vitest";
import { statesYear } from "../../src/retrieve/features.js";
import { viewOf } from "../../src/retrieve/views.js";

describe("statesYear", () => {
  it("reads a year stated in the text, not one dating a parenthetical source", () => {
    const text = viewOf("The quay doubled its tonnage in 1931 (Harbour Board, 1933).").folded;
    expect(statesYear(text, "1931")).toBe(true);
    expect(statesYear(text, "1933")).toBe(false);
    expect(statesYear(viewOf("漁獲量成長兩成（漁業署，2011）。").folded, "2011")).toBe(false);
    expect(statesYear(text, "1932")).toBe(false);
  });
});
