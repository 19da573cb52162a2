import { describe, expect, it } from "vitest";
import {
  followUpContext,
  isFollowUp,
  lastAnswer,
  substitutionReadings,
} from "../../src/question/followup.js";

/** Three provinces in both scripts, found in a text as the gazetteer finds names. */
const gazetteer = [
  { name: "Fujian", variants: ["Fujian", "福建"] },
  { name: "Zhejiang", variants: ["Zhejiang", "浙江"] },
  { name: "Hunan", variants: ["Hunan", "湖南"] },
];
const names = (text: string) =>
  gazetteer.filter((n) => n.variants.some((v) => text.toLowerCase().includes(v.toLowerCase())));

describe("follow-up questions", () => {
  it("recognises elliptical questions in English and Chinese", () => {
    expect(isFollowUp("And in Wuxi?")).toBe(true);
    expect(isFollowUp("What about the firms in Fujian?")).toBe(true);
    expect(isFollowUp("那一年上海呢？")).toBe(true);
    expect(isFollowUp("And how large was it?")).toBe(true);
    expect(
      isFollowUp("Of the surveyed Wuxi software makers, what fraction was privately owned?"),
    ).toBe(false);
    const long = "Why were those workshops still losing money a decade after they had been set up?";
    expect(isFollowUp(long)).toBe(false);
    expect(isFollowUp(long, false)).toBe(true);
  });
  it("takes the context from the last complete user question", () => {
    const history = [
      { role: "user" as const, content: "Wuxi's patent filings in 2003 numbered how many?" },
      { role: "assistant" as const, content: "About 300 [1]." },
      { role: "user" as const, content: "And in Changzhou?" },
      { role: "assistant" as const, content: "…" },
    ];
    expect(followUpContext("And in Nantong?", history)).toBe(
      "Wuxi's patent filings in 2003 numbered how many? And in Changzhou?",
    );
    expect(followUpContext("Which university founded the first incubator in Wuxi?", history)).toBe(
      "",
    );
    expect(lastAnswer(history)).toBe("…");
  });
  it("uses no context without history", () => {
    expect(followUpContext("And in Nantong?", [])).toBe("");
  });
});

describe("substitutionReadings: the likeliest reading", () => {
  // The likeliest reading, as the analysis takes it.
  const substituteNames = (question: string, context: string, find: typeof names) =>
    substitutionReadings(question, context, find)[0] ?? null;

  it("asks the earlier question about the newly named place", () => {
    expect(
      substituteNames(
        "What about the firms in Zhejiang?",
        "How many Fujian firms exported in 2003?",
        names,
      ),
    ).toBe("How many Zhejiang firms exported in 2003?");
    expect(substituteNames("浙江呢？", "福建的工廠有多少？", names)).toBe("浙江的工廠有多少？");
  });
  it("returns null when nothing is swapped", () => {
    expect(
      substituteNames("And the year after?", "How many Fujian firms exported?", names),
    ).toBeNull();
    expect(substituteNames("What about Hunan?", "How many firms exported?", names)).toBeNull();
  });
});

describe("substitutionReadings: every reading", () => {
  it("reads one new name in place of each earlier name, the first-named first", () => {
    expect(
      substitutionReadings("And Hunan?", "How much tea did Fujian ship to Zhejiang?", names),
    ).toEqual([
      "How much tea did Hunan ship to Zhejiang?",
      "How much tea did Fujian ship to Hunan?",
    ]);
    expect(substitutionReadings("湖南呢？", "福建運到浙江的茶葉有多少？", names)).toEqual([
      "湖南運到浙江的茶葉有多少？",
      "福建運到湖南的茶葉有多少？",
    ]);
  });
  it("gives one reading when there is one earlier name, or several new ones", () => {
    expect(substitutionReadings("And Hunan?", "How much tea did Fujian ship?", names)).toEqual([
      "How much tea did Hunan ship?",
    ]);
    expect(
      substitutionReadings("And Hunan and Zhejiang?", "How much tea did Fujian ship?", names),
    ).toHaveLength(1);
    expect(
      substitutionReadings("And the year after?", "How much tea did Fujian ship?", names),
    ).toEqual([]);
  });
});
