import { describe, expect, it } from "vitest";
import { bm25, DEFAULT_BM25 } from "../../src/retrieve/bm25.js";
import { fuseRankings } from "../../src/retrieve/fuse.js";
import { buildLexicalIndex, searchLexical } from "../../src/retrieve/lexical-index.js";

describe("bm25", () => {
  it("rewards term frequency with saturation and penalises long documents", () => {
    const one = bm25(1, 5, 100, 100, 100, DEFAULT_BM25);
    const two = bm25(2, 5, 100, 100, 100, DEFAULT_BM25);
    expect(two).toBeGreaterThan(one);
    expect(two).toBeLessThan(2 * one);
    expect(bm25(1, 5, 100, 300, 100, DEFAULT_BM25)).toBeLessThan(one);
  });
});

describe("lexical index", () => {
  it("ranks documents by weighted term matches and tolerates prototype names", () => {
    const data = buildLexicalIndex([["beij", "firm"], ["tianjin", "firm"], ["constructor"]]);
    const hits = searchLexical(
      data,
      [
        { term: "tianjin", weight: 1 },
        { term: "firm", weight: 0.5 },
        { term: "toString", weight: 1 },
      ],
      10,
    );
    expect(hits[0]![0]).toBe(1);
    expect(searchLexical(data, [{ term: "constructor", weight: 1 }], 10)[0]![0]).toBe(2);
  });
});

describe("reciprocal rank fusion", () => {
  it("puts an item ranked well in both lists first", () => {
    const fused = fuseRankings([
      { ranking: [1, 2, 3], weight: 1 },
      { ranking: [2, 3, 1], weight: 1 },
    ]);
    expect(fused[0]![0]).toBe(2);
  });
  it("respects list weights", () => {
    const fused = fuseRankings([
      { ranking: [1], weight: 1 },
      { ranking: [2], weight: 0.3 },
    ]);
    expect(fused.map(([i]) => i)).toEqual([1, 2]);
  });
});
