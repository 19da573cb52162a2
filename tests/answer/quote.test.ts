import { describe, expect, it } from "vitest";
import { makeQuote } from "../../src/answer/quote.js";
import { verifyQuote } from "../../src/answer/verify.js";

const raw =
  "Intro.\n**Table 2.** Sample test\nBy the end of 1983, eleven firms were operating in Zhong’guan-\ncun. Next.";

describe("quote verification", () => {
  const start = raw.indexOf("By the end");
  const end = raw.indexOf("Next.") - 1;

  it("accepts the cleaned text of exactly the span", () => {
    expect(
      verifyQuote(
        raw,
        start,
        end,
        "By the end of 1983, eleven firms were operating in Zhong’guancun.",
      ),
    ).toBe(true);
  });
  it("rejects a tampered span or quote", () => {
    const quote = "By the end of 1983, eleven firms were operating in Zhong’guancun.";
    expect(verifyQuote(raw, start + 3, end, quote)).toBe(false);
    expect(verifyQuote(raw, start, end, quote.replace("eleven", "twelve"))).toBe(false);
    expect(verifyQuote(raw, -1, end, quote)).toBe(false);
    expect(verifyQuote(raw, start, raw.length + 5, quote)).toBe(false);
  });
  it("makes quotes that verify, trimming markup at the edges", () => {
    const s = raw.indexOf("**Table");
    const q = makeQuote(raw, s, raw.indexOf("\nBy"), "Table 2. Sample test");
    expect(q).not.toBeNull();
    expect(raw.slice(q!.start, q!.end)).toBe("Table 2.** Sample test");
    expect(verifyQuote(raw, q!.start, q!.end, q!.quote)).toBe(true);
  });
  it("returns null rather than an unverifiable quote", () => {
    expect(makeQuote(raw, 0, 0, "anything")).toBeNull();
  });
});
