import { describe, expect, it } from "vitest";
import { placeNames } from "../../src/question/entities.js";
import { trimFunctionWords } from "../../src/question/words.js";

describe("trimFunctionWords", () => {
  it("removes function words, pronouns and demonstratives glued to a word's edges", () => {
    expect(trimFunctionWords("它的")).toBe("");
    expect(trimFunctionWords("那一")).toBe("");
    expect(trimFunctionWords("大约有")).toBe("");
    expect(trimFunctionWords("的港口")).toBe("港口");
    expect(trimFunctionWords("吞吐量了")).toBe("吞吐量");
  });
  it("leaves a word without them as it is", () => {
    expect(trimFunctionWords("港口")).toBe("港口");
    expect(trimFunctionWords("吞吐量")).toBe("吞吐量");
  });
});

describe("placeNames", () => {
  it("reads the place an adjective of nationality comes from, by its regular suffixes", () => {
    expect(placeNames("peruvian")).toContain("peruvia");
    expect(placeNames("kenyan")).toContain("kenya");
    expect(placeNames("european")).toContain("europe");
    expect(placeNames("vietnamese")).toContain("vietnam");
    expect(placeNames("chinese")).toContain("china");
  });
  it("gives nothing for other words", () => {
    expect(placeNames("harbour")).toEqual([]);
    expect(placeNames("an")).toEqual([]);
    expect(placeNames("Kenyan")).toEqual([]);
  });
});
