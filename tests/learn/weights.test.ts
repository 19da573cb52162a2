import { describe, expect, it } from "vitest";
import { ANSWERABLE_FEATURES, ANSWERABLE_SIGNS } from "../../src/answer/abstain.js";
import { SENTENCE_FEATURES } from "../../src/answer/features.js";
import { shippedWeights } from "../../src/learn/shipped.js";
import { chooseThreshold } from "../../src/learn/train.js";
import { carriedOverWeights, neutralWeights, parseWeights } from "../../src/learn/weights.js";
import { PASSAGE_FEATURES } from "../../src/retrieve/features.js";

describe("fitted weights", () => {
  it("ship fitted on the features the code computes, with the answerability signs respected", () => {
    const w = shippedWeights();
    expect(w.passage.features).toEqual([...PASSAGE_FEATURES]);
    expect(w.sentence.features).toEqual([...SENTENCE_FEATURES]);
    expect(w.answerable.features).toEqual([...ANSWERABLE_FEATURES]);
    w.answerable.weights.forEach((x, i) =>
      expect(x * ANSWERABLE_SIGNS[ANSWERABLE_FEATURES[i]!]).toBeGreaterThanOrEqual(0),
    );
    expect(w.data.questions).toBeGreaterThanOrEqual(164);
    expect(w.abstain.threshold).toBeGreaterThan(0);
  });
  it("are refused, with the remedy, when fitted on other features", () => {
    const w = neutralWeights();
    const stale = {
      ...w,
      passage: { ...w.passage, features: ["bm25"], mean: [0], scale: [1], weights: [1] },
    };
    expect(() => parseWeights(stale)).toThrow(/npm run train/u);
    expect(() => parseWeights({ version: 2 })).toThrow(/invalid/u);
    expect(parseWeights(w)).toEqual(w);
  });
  it("carry over to the current features by name, a new feature at weight 0 and a gone one dropped", () => {
    const w = shippedWeights();
    const [first, second, ...rest] = w.answerable.features.map((f, i) => ({
      f,
      mean: w.answerable.mean[i]!,
      scale: w.answerable.scale[i]!,
      weight: w.answerable.weights[i]!,
    }));
    // Fitted before the second feature existed, with one the code no longer computes, in another order.
    const older = [...rest, { f: "retired", mean: 3, scale: 2, weight: 9 }, first!];
    const json = {
      ...w,
      answerable: {
        features: older.map((x) => x.f),
        mean: older.map((x) => x.mean),
        scale: older.map((x) => x.scale),
        weights: older.map((x) => x.weight),
        bias: w.answerable.bias,
      },
    };
    expect(() => parseWeights(json)).toThrow(/npm run train/u);
    const carried = carriedOverWeights(json);
    expect(carried.answerable.features).toEqual([...ANSWERABLE_FEATURES]);
    expect(carried.answerable.weights[0]).toBe(first!.weight);
    expect(carried.answerable.mean[0]).toBe(first!.mean);
    expect([carried.answerable.mean[1], carried.answerable.scale[1]]).toEqual([0, 1]);
    expect(carried.answerable.weights[1]).toBe(0);
    expect(carried.answerable.weights.slice(2)).toEqual(rest.map((x) => x.weight));
    expect(carried.passage).toEqual(w.passage);
    expect(parseWeights(carried)).toEqual(carried);
    expect(second!.f).toBe(ANSWERABLE_FEATURES[1]);
  });
});

describe("chooseThreshold", () => {
  const rows = [
    ...[0.9, 0.8, 0.7, 0.6, 0.5, 0.4, 0.35, 0.3, 0.2, 0.1].map((p) => ({ p, answerable: true })),
    ...[0.25, 0.15, 0.05].map((p) => ({ p, answerable: false })),
  ];
  it("withholds no more answerable questions than allowed, as many others as that permits", () => {
    // One answer (0.1) may be withheld: the boundary lies between the most probable question withheld
    // (the unanswerable 0.15) and the least probable answer kept (0.2).
    expect(chooseThreshold(rows, 0.1)).toBeCloseTo(0.175);
    // Two may be withheld (0.1, 0.2); the unanswerable 0.25, below the next answer (0.3), is caught too.
    const t = chooseThreshold(rows, 0.2);
    expect(t).toBeCloseTo(0.275);
    expect(rows.filter((r) => r.answerable && r.p < t)).toHaveLength(2);
    expect(rows.filter((r) => !r.answerable && r.p < t)).toHaveLength(3);
  });
  it("withholds nothing when nothing may be withheld", () => {
    expect(chooseThreshold(rows, 0)).toBeLessThanOrEqual(0.1);
  });
});
