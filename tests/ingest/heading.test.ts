import { describe, expect, it } from "vitest";
import { firstHeading } from "../../src/ingest/heading.js";

describe("firstHeading", () => {
  it.each([
    ["# Tainan Science Park\n\nText", "Tainan Science Park"],
    ["Draft, do not cite\n\n#  Closing hashes are dropped  ##\nText", "Closing hashes are dropped"],
    ["## A subsection first\n\n# The title\n", "The title"],
    ["   # Indented up to three spaces", "Indented up to three spaces"],
    ["# 新竹科學園區\n", "新竹科學園區"],
  ])("finds the first top-level heading in %j", (raw, heading) => {
    expect(firstHeading(raw)).toBe(heading);
  });

  it.each([
    ["No heading at all.\n"],
    ["#hashtag is not a heading\n"],
    ["    # four spaces is code\n"],
    ["#\n"],
  ])("is null for %j", (raw) => {
    expect(firstHeading(raw)).toBeNull();
  });
});
