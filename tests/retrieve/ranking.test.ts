import { describe, expect, it } from "vitest";
import { bm25, DEFAULT_BM25 } from "../../src/retrieve/bm25.js";
import { interleave } from "../../src/retrieve/retriever.js";
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

describe("interleave", () => {
  const hit = (index: number) => ({ index, chunk: {} as never, score: 0 });
  it("takes the best unseen passage of each ranking in turn", () => {
    const merged = interleave([[hit(1), hit(2), hit(3)], [hit(2), hit(4)], [hit(5)]], 5);
    expect(merged.map((h) => h.index)).toEqual([1, 2, 5, 3, 4]);
    // A ranking whose best passage another ranking already showed offers its next one.
    const shared = interleave(
      [
        [hit(1), hit(2)],
        [hit(1), hit(6)],
        [hit(1), hit(7)],
      ],
      3,
    );
    expect(shared.map((h) => h.index)).toEqual([1, 6, 7]);
  });
  it("stops at k", () => {
    expect(interleave([[hit(1), hit(2)], [hit(3)]], 2).map((h) => h.index)).toEqual([1, 3]);
  });
});
