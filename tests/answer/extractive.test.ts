import { describe, expect, it } from "vitest";
import type { SentenceCandidate } from "../../src/answer/features.js";
import { abstention, chooseSentences, citeSentences } from "../../src/answer/extractive.js";
import type { Chunk } from "../../src/chunks/types.js";
import type { LinearModel } from "../../src/learn/linear.js";
import { viewOf } from "../../src/retrieve/views.js";

const raw = "Amoy grew fast. Its port had eleven berths by 1990. Fuzhou lagged behind.";
const chunk = {
  id: "p1",
  docId: "d",
  source: "d.txt",
  kind: "paragraph",
  section: "Ports",
} as Chunk;
const candidate = (text: string, score: number): SentenceCandidate => {
  const rawStart = raw.indexOf(text);
  return {
    hit: { index: 0, chunk, score: 1 },
    rank: 0,
    sentence: {
      ...viewOf(text),
      text,
      rawStart,
      rawEnd: rawStart + text.length,
      figures: [],
      years: [],
    },
    x: [score],
  };
};
/** A model that scores a candidate by its one feature. */
const model: LinearModel = { features: ["score"], mean: [0], scale: [1], weights: [1], bias: 0 };

describe("chooseSentences", () => {
  const a = candidate("Amoy grew fast.", 1);
  const b = candidate("Its port had eleven berths by 1990.", 3);
  const c = candidate("Fuzhou lagged behind.", 0.5);

  it("takes the best sentence, and the runner-up only when it is nearly as likely", () => {
    expect(chooseSentences(model, [[a, b, c]]).chosen).toEqual([b]);
    // exp(1 - 3) ≈ 0.14: quoted when the ratio allows 0.1, not when it demands 0.25.
    expect(chooseSentences(model, [[a, b, c]], 0.1).chosen).toEqual([b, a]);
    expect(chooseSentences(model, [[a, b, c]], 0.25).chosen).toEqual([b]);
  });
  it("answers each part with its own sentence, the most confident part first", () => {
    // The second part is surer (3 against 1) and takes b first; the first part then keeps a.
    const choice = chooseSentences(model, [
      [a, c],
      [b, a],
    ]);
    expect(choice.chosen).toEqual([a, b]);
    expect(choice.parts.map((p) => p.best)).toEqual([0, 0]);
  });
  it("chooses nothing when a part has no candidate", () => {
    expect(chooseSentences(model, [[a], []]).chosen).toEqual([]);
  });
});

describe("citeSentences", () => {
  const ctx = { raw: () => raw, title: () => "Ports of Fujian" };
  it("quotes each chosen sentence verbatim with its raw span and numbers the citations", () => {
    const answer = citeSentences([candidate("Its port had eleven berths by 1990.", 1)], ctx, "en");
    expect(answer.abstained).toBe(false);
    expect(answer.citations).toMatchObject([
      { n: 1, quote: "Its port had eleven berths by 1990.", start: 16, end: 51 },
    ]);
    expect(answer.answer).toBe("Its port had eleven berths by 1990. [1]");
  });
  it("abstains when no quote can be made", () => {
    expect(
      citeSentences([candidate("x", 1)], { ...ctx, raw: () => undefined }, "en").abstained,
    ).toBe(true);
  });
});

describe("abstention", () => {
  it("speaks the question's language and script", () => {
    expect(abstention("en").answer).toMatch(/does not contain/u);
    expect(abstention("zh").answer).toMatch(/語料/u);
    expect(abstention("zh", "hans").answer).toMatch(/语料/u);
  });
});
