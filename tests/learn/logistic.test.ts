import { describe, expect, it } from "vitest";
import { groupFolds } from "../../src/learn/folds.js";
import { linearScore } from "../../src/learn/linear.js";
import { fitConditionalLogit, fitLogistic } from "../../src/learn/logistic.js";

/** A deterministic pseudo-random sequence, so the fitted data are the same on every run. */
const random = (seed: number) => () => ((seed = (seed * 16807) % 2147483647) - 1) / 2147483646;

describe("fitLogistic", () => {
  const next = random(7);
  // y depends on x0 (strongly) and x1 (weakly, the other way); x2 is noise.
  const rows = Array.from({ length: 400 }, () => [next() * 4 - 2, next() * 4 - 2, next()]);
  const labels = rows.map(([a, b]) => (2 * a! - 0.5 * b! + (next() - 0.5) > 0 ? 1 : 0));

  it("recovers the direction and relative size of each feature's effect", () => {
    const m = fitLogistic(["a", "b", "noise"], rows, labels);
    expect(m.weights[0]).toBeGreaterThan(0);
    expect(m.weights[1]).toBeLessThan(0);
    expect(Math.abs(m.weights[0]!)).toBeGreaterThan(3 * Math.abs(m.weights[1]!));
    expect(Math.abs(m.weights[2]!)).toBeLessThan(Math.abs(m.weights[1]!));
    const right = rows.filter((r, i) => (linearScore(m, r) > 0 ? 1 : 0) === labels[i]).length;
    expect(right / rows.length).toBeGreaterThan(0.9);
  });
  it("drops a feature whose weight would take the sign its meaning forbids", () => {
    const m = fitLogistic(["a", "b", "noise"], rows, labels, { signs: [1, 1, 0] });
    expect(m.weights[0]).toBeGreaterThan(0);
    expect(m.weights[1]).toBe(0);
  });
  it("shrinks weights as the penalty grows", () => {
    const loose = fitLogistic(["a", "b", "noise"], rows, labels, { l2: 0.01 });
    const tight = fitLogistic(["a", "b", "noise"], rows, labels, { l2: 100 });
    expect(Math.abs(tight.weights[0]!)).toBeLessThan(Math.abs(loose.weights[0]!));
  });
});

describe("fitConditionalLogit", () => {
  it("learns which candidate of each group is the right one", () => {
    const next = random(11);
    const groups = Array.from({ length: 60 }, () => {
      const rows = Array.from({ length: 8 }, () => [next(), next()]);
      // The right candidate has the largest first feature; the second feature is noise.
      const best = rows.reduce((b, r, i) => (r[0]! > rows[b]![0]! ? i : b), 0);
      return { rows, labels: rows.map((_, i) => (i === best ? 1 : 0)) };
    });
    const m = fitConditionalLogit(
      ["signal", "noise"],
      [
        ...groups,
        { rows: [[0.5, 0.5]], labels: [1] },
        {
          rows: [
            [0.1, 0.9],
            [0.9, 0.1],
          ],
          labels: [0, 0],
        },
      ],
    );
    expect(m.weights[0]).toBeGreaterThan(2 * Math.abs(m.weights[1]!));
    expect(m.bias).toBe(0);
  });
});

describe("groupFolds", () => {
  it("spreads every stratum over the folds and is the same for the same seed", () => {
    const groups = Array.from({ length: 20 }, (_, i) => ({
      id: `q${i}`,
      stratum: i < 10 ? "a" : "b",
    }));
    const folds = groupFolds(groups, 5, 3);
    expect(folds.size).toBe(20);
    for (const stratum of ["a", "b"]) {
      const counts = [0, 0, 0, 0, 0];
      for (const g of groups.filter((g) => g.stratum === stratum)) counts[folds.get(g.id)!]!++;
      expect(Math.max(...counts) - Math.min(...counts)).toBeLessThanOrEqual(1);
    }
    expect(groupFolds(groups, 5, 3)).toEqual(folds);
    expect(groupFolds(groups, 5, 4)).not.toEqual(folds);
  });
});
