import { describe, expect, it } from "vitest";
import { makeQuote, wholeSentences } from "../../src/answer/quote.js";
import { verifyQuote } from "../../src/answer/verify.js";

const raw =
  "Intro.\n**Table 2.** Sample test\n\nIn 1983, eleven workshops were renting rooms in Zhong’guan-\ncun. Next.";

describe("quote verification", () => {
  const start = raw.indexOf("In 1983");
  const end = raw.indexOf("Next.") - 1;

  it("accepts the display text of exactly the span", () => {
    expect(
      verifyQuote(
        raw,
        start,
        end,
        "In 1983, eleven workshops were renting rooms in Zhong’guancun.",
      ),
    ).toBe(true);
  });

  it("rejects a tampered span or quote", () => {
    const quote = "In 1983, eleven workshops were renting rooms in Zhong’guancun.";
    expect(verifyQuote(raw, start + 3, end, quote)).toBe(false);
    expect(verifyQuote(raw, start, end, quote.replace("eleven", "twelve"))).toBe(false);
    expect(verifyQuote(raw, -1, end, quote)).toBe(false);
    expect(verifyQuote(raw, start, raw.length + 5, quote)).toBe(false);
  });

  it("rejects a Chinese quote whose full-width punctuation was folded to ASCII", () => {
    const zh = "不過，和台灣新竹科學園區比較，南韓大德卻無法吸\n引廠商進駐。";
    expect(
      verifyQuote(zh, 0, zh.length, "不過，和台灣新竹科學園區比較，南韓大德卻無法吸引廠商進駐。"),
    ).toBe(true);
    expect(
      verifyQuote(zh, 0, zh.length, "不過,和台灣新竹科學園區比較,南韓大德卻無法吸引廠商進駐。"),
    ).toBe(false);
  });
});

describe("makeQuote", () => {
  it("quotes the display text, with markup at the edges left out of the span", () => {
    const s = raw.indexOf("**Table");
    const q = makeQuote(raw, s, raw.indexOf("\n\nIn"));
    expect(q).not.toBeNull();
    expect(q!.quote).toBe("Table 2. Sample test");
    expect(raw.slice(q!.start, q!.end)).toBe("Table 2.** Sample test");
    expect(verifyQuote(raw, q!.start, q!.end, q!.quote)).toBe(true);
  });

  it("widens a span to the whole sentences it touches", () => {
    const at = raw.indexOf("eleven workshops");
    const q = makeQuote(raw, at, at + "eleven workshops".length)!;
    expect(q.quote).toBe("In 1983, eleven workshops were renting rooms in Zhong’guancun.");
    expect(raw.slice(q.start, q.end)).toBe(
      "In 1983, eleven workshops were renting rooms in Zhong’guan-\ncun.",
    );
    expect(wholeSentences(raw, at, at + 5)).toEqual({ start: q.start, end: q.end });
  });

  it("runs a Chinese quote on to the full stop, past a clause's semicolon", () => {
    const zh = "北京共有外資銀行分行 25 家；外商保險公司 17 家。天津較少。";
    const q = makeQuote(zh, 0, zh.indexOf("；") + 1)!;
    expect(q.quote).toBe("北京共有外資銀行分行 25 家；外商保險公司 17 家。");
  });

  it("quotes a table row as it is, without widening it", () => {
    const table = "Table 1. Firms\nRegion\tFirms\nBeijing\t1,200\nShanghai\t900";
    const at = table.indexOf("Beijing");
    expect(makeQuote(table, at, at + "Beijing\t1,200".length)).toEqual({
      quote: "Beijing\t1,200",
      start: at,
      end: at + "Beijing\t1,200".length,
    });
  });

  it("returns null rather than a quote of nothing", () => {
    expect(makeQuote(raw, 0, 0)).toBeNull();
    expect(makeQuote(raw, raw.indexOf("\n\n"), raw.indexOf("\n\n") + 2)).toBeNull();
    expect(makeQuote(raw, -3, 4)).toBeNull();
  });
});
