import { describe, expect, it } from "vitest";
import { followUpContext, isFollowUp } from "../../src/retrieve/followup.js";

describe("follow-up questions", () => {
  it("recognises elliptical questions in English and Chinese", () => {
    expect(isFollowUp("And in Dongguan?")).toBe(true);
    expect(isFollowUp("What about firms in Guangdong?")).toBe(true);
    expect(isFollowUp("同一年北京呢？")).toBe(true);
    expect(isFollowUp("And how far is it from the capital?")).toBe(true);
    expect(isFollowUp("What share of Beijing's hardware firms are domestic according to the survey?")).toBe(false);
  });
  it("takes the context from the last complete user question", () => {
    const history = [
      { role: "user" as const, content: "What share of Beijing's hardware firms are domestic?" },
      { role: "assistant" as const, content: "About 60% [1]." },
      { role: "user" as const, content: "And in Shenzhen?" },
      { role: "assistant" as const, content: "…" },
    ];
    expect(followUpContext("And in Dongguan?", history)).toBe("What share of Beijing's hardware firms are domestic? And in Shenzhen?");
    expect(followUpContext("Who founded Legend Group in Zhongguancun in 1984?", history)).toBe("");
  });
  it("uses no context without history", () => {
    expect(followUpContext("And in Dongguan?", [])).toBe("");
  });
});
