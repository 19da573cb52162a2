import { rm } from "node:fs/promises";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { ReadyState } from "../../src/http/state.js";
import { shippedWeights } from "../../src/learn/shipped.js";
import { indexedCorpus } from "../fixtures/service.js";

// Invented documents: the scheme's name is in the first, its launch date only in the second, and
// the second never mentions what the question says of the scheme.
const CORPUS = {
  "canal-towns.md": `# Canal towns of the delta

The Lantern Plan of 1979 trained technicians for the river workshops. The Heron Scheme succeeded it and started a boom of small boat-building workshops along the canal.

Most workshops employed fewer than ten people and sold their boats to fishing families.
`,
  "county-programmes.md": `# A review of county programmes

The Heron Scheme began in March 1983 under the county planning office. Its grants went mainly to firms with fewer than twenty employees.

The review also covers road building and the new market halls of the county seat.
`,
  "harbour-report.md": `# Harbour report

The harbour authority started a dredging programme in 1990, after the floods of the previous spring. The programme deepened the channel for larger boats.
`,
};

const QUESTION =
  "The canal towns history says a scheme that succeeded the Lantern Plan started a boom of small boat-building workshops. What was the scheme called, and in which year did it begin by the review of county programmes?";

let root = "";
let state: ReadyState;

beforeAll(async () => {
  ({ root, state } = await indexedCorpus(CORPUS));
}, 60_000);

afterAll(async () => {
  if (root) await rm(root, { recursive: true, force: true });
});

describe("bridging the parts of a compound question", () => {
  it("asks each part again with the names another part's answer introduces", async () => {
    const { inspect } = state.qa;
    const weights = shippedWeights();
    const staged = await inspect.prepare(QUESTION, []);
    expect(staged.parts.length).toBe(2);
    expect(staged.bridges).toEqual([]);
    const bridged = await inspect.bridge(staged, weights, false);
    const asked = bridged.bridges.map((b) => b.analysis.question);
    // The part about the start date is asked without its set-up, with the scheme's name added.
    const launch = asked.find((q) => /which year did it begin/u.test(q));
    expect(launch).toContain("Heron Scheme");
    expect(launch).not.toContain("Lantern Plan");
    // A name the question already holds is not added.
    expect(asked.every((q) => !/Lantern Plan.*Lantern Plan/u.test(q))).toBe(true);
    // Asked with the name, the part finds the review first.
    const stage = bridged.bridges.find((b) => b.analysis.question === launch)!;
    const ranked = inspect.rank({ ...bridged, whole: stage, parts: [], bridges: [] }, weights);
    expect(ranked.whole[0]?.chunk.source).toBe("county-programmes.md");
  });

  it("shows the passage that only the introduced name leads to", async () => {
    const hits = await state.qa.search(QUESTION, 5);
    expect(hits.map((h) => h.chunk.source)).toContain("county-programmes.md");
  });

  it("leaves a simple question without bridges", async () => {
    const staged = await state.qa.inspect.prepare("When did the Heron Scheme begin?", []);
    const bridged = await state.qa.inspect.bridge(staged, shippedWeights(), false);
    expect(bridged.bridges).toEqual([]);
  });
});
