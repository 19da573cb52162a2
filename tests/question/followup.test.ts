import { describe, expect, it } from "vitest";
import { followUpContext, isFollowUp, substituteNames } from "../../src/question/followup.js";

describe("follow-up questions", () => {
  it("recognises elliptical questions in English and Chinese", () => {
    expect(isFollowUp("And in Dongguan?")).toBe(true);
    expect(isFollowUp("What about firms in Guangdong?")).toBe(true);
    expect(isFollowUp("同一年北京呢？")).toBe(true);
    expect(isFollowUp("And how far is it from the capital?")).toBe(true);
    expect(
      isFollowUp("What share of Beijing's hardware firms are domestic according to the survey?"),
    ).toBe(false);
  });
  it("takes the context from the last complete user question", () => {
    const history = [
      { role: "user" as const, content: "What share of Beijing's hardware firms are domestic?" },
      { role: "assistant" as const, content: "About 60% [1]." },
      { role: "user" as const, content: "And in Shenzhen?" },
      { role: "assistant" as const, content: "…" },
    ];
    expect(followUpContext("And in Dongguan?", history)).toBe(
      "What share of Beijing's hardware firms are domestic? And in Shenzhen?",
    );
    expect(followUpContext("Who founded Legend Group in Zhongguancun in 1984?", history)).toBe("");
  });
  it("uses no context without history", () => {
    expect(followUpContext("And in Dongguan?", [])).toBe("");
  });
});

describe("substituteNames", () => {
  const gazetteer = [
    { name: "Jiangsu", variants: ["Jiangsu", "江蘇", "江苏"] },
    { name: "Guangdong", variants: ["Guangdong", "廣東", "广东"] },
    { name: "Beijing", variants: ["Beijing", "北京"] },
  ];
  const names = (text: string) =>
    gazetteer.filter((n) => n.variants.some((v) => text.toLowerCase().includes(v.toLowerCase())));

  it("asks the earlier question about the newly named place", () => {
    expect(
      substituteNames(
        "What about firms in Guangdong?",
        "What share of Jiangsu firms saw upgrading as attractive?",
        names,
      ),
    ).toBe("What share of Guangdong firms saw upgrading as attractive?");
    expect(substituteNames("廣東呢？", "江蘇的企業有多少？", names)).toBe("廣東的企業有多少？");
  });
  it("returns null when nothing is swapped", () => {
    expect(
      substituteNames("And in the same year?", "What share of Jiangsu firms upgraded?", names),
    ).toBeNull();
    expect(substituteNames("What about Guangdong?", "How many firms upgraded?", names)).toBeNull();
  });
});
