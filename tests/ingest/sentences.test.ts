import { describe, expect, it } from "vitest";
import { splitSentences } from "../../src/ingest/sentences.js";

const split = (t: string) => splitSentences(t, 0, t.length).map((s) => t.slice(s.start, s.end));

describe("splitSentences", () => {
  it("does not break after abbreviations or initials", () => {
    expect(split("Zhou et al. (2010) found this. Fig. 2 shows it. Y. H. Wei agreed.")).toEqual([
      "Zhou et al. (2010) found this.",
      "Fig. 2 shows it.",
      "Y. H. Wei agreed.",
    ]);
  });
  it("breaks Chinese text after 。！？；", () => {
    expect(split("北京很大。天津呢？濱海新區；完")).toEqual([
      "北京很大。",
      "天津呢？",
      "濱海新區；",
      "完",
    ]);
  });
  it("treats each table row as a sentence", () => {
    expect(split("A | B\nC | D")).toEqual(["A | B", "C | D"]);
  });
});
