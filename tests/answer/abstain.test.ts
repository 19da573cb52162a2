import { describe, expect, it } from "vitest";
import { ANSWERABLE_FEATURES, answerabilityFeatures } from "../../src/answer/abstain.js";
import type { AnswerabilityContext } from "../../src/answer/abstain.js";

const context = (over: Partial<AnswerabilityContext>): AnswerabilityContext => ({
  unknownWords: 0,
  unknownEntities: 0,
  numeric: false,
  parts: 1,
  hasEntities: false,
  hasFocus: false,
  hasYears: false,
  support: 0.5,
  years: [],
  passage: () => ({ entities: 1, years: [], yearMissing: false, focus: 1, bound: true }),
  ...over,
});
const feature = (x: number[], name: (typeof ANSWERABLE_FEATURES)[number]) =>
  x[ANSWERABLE_FEATURES.indexOf(name)];

describe("answerabilityFeatures", () => {
  it("marks two unmet requests at once, not one", () => {
    // Nothing chosen: the asked names and years are not spoken of.
    const none = answerabilityFeatures([], [], -1, context({}));
    expect(feature(none, "unmet_two")).toBe(0);
    const nameOnly = answerabilityFeatures([], [], -1, context({ hasEntities: true }));
    expect(feature(nameOnly, "best_entity_passage")).toBe(0);
    expect(feature(nameOnly, "unmet_two")).toBe(0);
    const nameAndYear = answerabilityFeatures(
      [],
      [],
      -1,
      context({ hasEntities: true, hasYears: true, years: ["1999"] }),
    );
    expect(feature(nameAndYear, "best_year_passage_missing")).toBe(1);
    expect(feature(nameAndYear, "unmet_two")).toBe(1);
  });
  it("gives one value per named feature", () => {
    expect(answerabilityFeatures([], [], -1, context({}))).toHaveLength(ANSWERABLE_FEATURES.length);
  });
});
