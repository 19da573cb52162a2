import { describe, expect, it } from "vitest";
import { askingSentences, sentences, splitQuestion } from "../../src/question/parts.js";

describe("sentences", () => {
  it("does not end a sentence after an abbreviation or an initial", () => {
    expect(sentences("Smith et al. counted the firms. Which district led?")).toEqual([
      "Smith et al. counted the firms.",
      "Which district led?",
    ]);
    expect(sentences("J. R. Wong wrote it in 1999. Who edited it?")).toHaveLength(2);
  });
});

describe("askingSentences", () => {
  it("keeps the sentences that ask, without the set-up", () => {
    expect(askingSentences("A 2004 report lists three mills. Which one closed first?")).toBe(
      "Which one closed first?",
    );
    expect(askingSentences("Name the mill that closed first")).toBe(
      "Name the mill that closed first",
    );
  });
});

describe("splitQuestion", () => {
  it("splits two interrogative clauses joined by 'and'", () => {
    expect(splitQuestion("Which agency funded the incubator, and who finished it?")).toEqual([
      "Which agency funded the incubator?",
      "who finished it?",
    ]);
  });
  it("splits at a semicolon when both sides ask", () => {
    expect(
      splitQuestion("How many labs did the university run; and how many did the city fund?"),
    ).toHaveLength(2);
  });
  it("keeps introductory phrases, relative and temporal clauses with their question", () => {
    expect(splitQuestion("After 2003, how many factories relocated to the suburbs?")).toEqual([]);
    expect(
      splitQuestion("Which architect designed the tower, which is the tallest in the district?"),
    ).toEqual([]);
    expect(splitQuestion("How many firms and institutes were in the zone?")).toEqual([]);
  });
  it("reads 'both A and B' as one question per place to look", () => {
    expect(
      splitQuestion(
        "Which bank is listed both in the harbour survey of lenders and in the city yearbook?",
      ),
    ).toEqual([
      "Which bank is listed in the harbour survey of lenders?",
      "Which bank is listed in the city yearbook?",
    ]);
  });
  it("retrieves a setting statement in its own right", () => {
    const parts = splitQuestion(
      "A 2005 report describes a factory town built around one port city. How many workers lived there?",
    );
    expect(parts).toEqual([
      "A 2005 report describes a factory town built around one port city.",
      "A 2005 report describes a factory town built around one port city. How many workers lived there?",
    ]);
  });
  it("splits Chinese clauses only when each asks something", () => {
    expect(splitQuestion("這個園區成立於哪一年？以及當時有多少家企業？")).toHaveLength(2);
    expect(splitQuestion("港口擴建以後，另外設立了什麼機構？")).toEqual([]);
  });
});
