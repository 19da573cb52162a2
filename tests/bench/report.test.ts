import { describe, expect, it } from "vitest";
import { formatMetrics, percentile } from "../../src/bench/report.js";

describe("formatMetrics", () => {
  it("marks each target met or missed and counts the misses; figures without a target are information", () => {
    const { text, missed } = formatMetrics([
      { name: "ask p50 (ms)", value: 120, atMost: 150, note: "129 asks" },
      { name: "ask p95 (ms)", value: 620, atMost: 500 },
      { name: "index passages/s", value: 10.2 },
      { name: "req/s ÷ peer", value: 1.5, atLeast: 2 },
    ]);
    expect(missed).toBe(2);
    const lines = text.split("\n");
    expect(lines[1]).toMatch(/^ask p50 \(ms\)\s+120\s+≤150\s+yes\s+129 asks$/u);
    expect(lines[2]).toMatch(/^ask p95 \(ms\)\s+620\s+≤500\s+NO$/u);
    expect(lines[3]).toMatch(/^index passages\/s\s+10\.2$/u);
    expect(lines[4]).toMatch(/^req\/s ÷ peer\s+1\.5\s+≥2\s+NO$/u);
  });
});

describe("percentile", () => {
  it("takes the nearest rank", () => {
    expect(percentile([5, 1, 3, 2, 4], 0.5)).toBe(3);
    expect(percentile([5, 1, 3, 2, 4], 0.95)).toBe(5);
    expect(Number.isNaN(percentile([], 0.5))).toBe(true);
  });
});
