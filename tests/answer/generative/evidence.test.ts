import { beforeAll, describe, expect, it } from "vitest";
import { numberEvidence, renderEvidence } from "../../../src/answer/generative/evidence.js";
import { verifyQuote } from "../../../src/answer/verify.js";
import type { ReadyState } from "../../../src/http/state.js";
import { readyState } from "../../fixtures/service.js";

let state: ReadyState;
beforeAll(async () => {
  state = await readyState();
}, 120_000);

const ctx = () => ({
  raw: (s: string) => state.rawTexts.get(s),
  title: (d: string) => `Title of ${d}`,
});

describe("numberEvidence", () => {
  it("numbers the top passages' sentences as their verified quotes, each raw span once", async () => {
    const { hits } = await state.qa.ask({
      question: "Why did Zhong'guancun firms move production out of Beijing?",
    });
    const evidence = numberEvidence(hits, state.qa.inspect.views, ctx(), {
      passages: 5,
      maxChars: 50_000,
    });
    expect(evidence.passages.map((p) => p.n)).toEqual(
      [1, 2, 3, 4, 5].slice(0, evidence.passages.length),
    );
    expect(evidence.passages.length).toBeGreaterThanOrEqual(3);
    const spans = new Set<string>();
    for (const p of evidence.passages)
      p.sentences.forEach((s, i) => {
        expect(s.id).toBe(`${p.n}.${i + 1}`);
        expect(evidence.byId.get(s.id)).toBe(s);
        const raw = state.rawTexts.get(s.hit.chunk.source)!;
        expect(verifyQuote(raw, s.start, s.end, s.text)).toBe(true);
        // Within the passage it was numbered for.
        expect(s.start).toBeGreaterThanOrEqual(s.hit.chunk.start);
        expect(s.end).toBeLessThanOrEqual(s.hit.chunk.end + 200);
        const key = `${s.hit.chunk.source}:${s.start}`;
        expect(spans.has(key), key).toBe(false);
        spans.add(key);
      });
  });

  it("stops at the character budget and renders one id and sentence a line under each passage's heading", async () => {
    const { hits } = await state.qa.ask({
      question: "How large had the zone's count of new-tech firms grown by late 1994?",
    });
    const small = numberEvidence(hits, state.qa.inspect.views, ctx(), {
      passages: 5,
      maxChars: 600,
    });
    const total = [...small.byId.values()].reduce((n, s) => n + s.text.length, 0);
    expect(total).toBeLessThanOrEqual(600);
    expect(small.byId.size).toBeGreaterThan(0);
    const lines = renderEvidence(small).split("\n");
    expect(lines[0]).toMatch(/^\[1\] Title of [\w-]+( — .+)?$/u);
    expect(lines[1]).toMatch(/^\[1\.1\] \S/u);
    for (const line of lines) expect(line).toMatch(/^(\[\d+(\.\d+)?\] .+)?$/u);
  });
});
