import { describe, expect, it } from "vitest";
import type { EvalItem } from "../../src/eval/set.js";
import { nearMisses, type EvidenceText } from "../../src/learn/near-miss.js";

const gazetteer = [
  { en: ["Ningbo"], zh: ["寧波"] },
  { en: ["Wenzhou"], zh: ["溫州"] },
  { en: ["Harbin"], zh: ["哈爾濱"] },
  { en: ["Stone"], zh: ["四通"], caseSensitive: true },
];

const item = (id: string, question: string, type: EvalItem["type"] = "fact"): EvalItem => ({
  id,
  question,
  type,
  answer: "x",
  aliases: [],
  evidence: [{ doc: "a.txt", quote: "q" }],
  parts: null,
  turns: null,
  gold: [{ source: "a.txt", start: 0, end: 1 }],
  asked: [question],
});

// The evidence passage speaks of Ningbo in 1994; the same document also discusses Wenzhou and 1991.
const evidence = (): EvidenceText => ({
  near: "In 1994 the Ningbo harbour handled 12 million tonnes.",
  document:
    "Wenzhou traders arrived in 1991. In 1994 the Ningbo harbour handled 12 million tonnes. Harbin is far away in 2003.",
});

describe("nearMisses", () => {
  it("replaces a name the evidence uses by one the document uses elsewhere, and a year by the nearest other", () => {
    const made = nearMisses(
      [item("q1", "How many tonnes did the Ningbo harbour handle in 1994?")],
      gazetteer,
      evidence,
    );
    const byChange = Object.fromEntries(made.map((m) => [m.change, m.item.question]));
    expect(byChange.name).toMatch(
      /^How many tonnes did the (Wenzhou|Harbin) harbour handle in 1994\?$/u,
    );
    expect(byChange.year).toBe("How many tonnes did the Ningbo harbour handle in 1991?");
    for (const m of made) {
      expect(m.origin).toBe("q1");
      expect(m.item.type).toBe("unanswerable");
      expect(m.item.gold).toEqual([]);
      expect(m.item.id).not.toBe("q1");
    }
  });

  it("keeps the script of a Chinese question", () => {
    const made = nearMisses(
      [item("q2", "1994 年寧波港的吞吐量是多少？", "zh")],
      gazetteer,
      evidence,
    );
    const name = made.find((m) => m.change === "name")!.item.question;
    expect(name).toMatch(/^1994 年(溫州|哈爾濱)港的吞吐量是多少？$/u);
    const simplified = nearMisses(
      [item("q3", "1994 年宁波港的吞吐量是多少？", "zh-simplified")],
      gazetteer,
      evidence,
    );
    expect(simplified.find((m) => m.change === "name")!.item.question).toMatch(/温州|哈尔滨/u);
  });

  it("leaves alone follow-ups, multi-document and unanswerable questions, and names the evidence does not use", () => {
    const followUp = {
      ...item("f", "And in 1994?", "followup"),
      asked: ["Ningbo?", "And in 1994?"],
    };
    const made = nearMisses(
      [
        followUp,
        item("m", "How many tonnes did Ningbo handle in 1994?", "multi-doc"),
        item("u", "How many tonnes did Ningbo handle in 1994?", "unanswerable"),
        item("w", "Why did traders from Wenzhou settle there?"),
      ],
      gazetteer,
      evidence,
    );
    expect(made).toEqual([]);
  });

  it("matches a name that is also an ordinary word only when capitalised", () => {
    const made = nearMisses(
      [item("s", "Which stone was used for the Ningbo quay?")],
      gazetteer,
      () => ({
        near: "the Ningbo quay of granite stone",
        document: "stone and Wenzhou. the Ningbo quay of granite stone",
      }),
    );
    expect(made.map((m) => m.item.question)).toEqual([
      "Which stone was used for the Wenzhou quay?",
    ]);
  });
});
