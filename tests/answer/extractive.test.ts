import { describe, expect, it } from "vitest";
import { answerExtractive } from "../../src/answer/extractive.js";
import { verifyQuote } from "../../src/answer/verify.js";
import { chunkDocument } from "../../src/chunks/chunk.js";
import { segmentDocument } from "../../src/ingest/segment.js";
import type { CorpusDocument } from "../../src/ingest/types.js";
import { buildLexicalIndex } from "../../src/retrieve/lexical-index.js";
import { prepareQuery } from "../../src/retrieve/query.js";
import { tokenize } from "../../src/text/tokens.js";
import type { Hit } from "../../src/retrieve/types.js";

const raw = [
  "## 1. Firms",
  "",
  "Zhong’guancun grew quickly in the 1980s. By the end of 1983, eleven firms were operating in Zhong’guan-",
  "cun. Most firms follow the Four-self-principles. The Four-self-principles are: self-chosen partners,",
  "self-financing, self-operation and self-responsibility.",
  "",
  "## 2. Money",
  "",
  "Venture capital in Haidian remained scarce. Local banks lent to state firms first.",
].join("\n");

function setup() {
  const { normalized, display, blocks } = segmentDocument(raw);
  const doc: CorpusDocument = {
    id: "zgc",
    source: "zgc.txt",
    raw,
    sha256: "",
    normalized,
    display,
    blocks,
    pageStarts: [],
  };
  const chunks = chunkDocument(doc);
  const lexical = buildLexicalIndex(chunks.map((c) => tokenize(c.text)));
  const hits: Hit[] = chunks.map((chunk, index) => ({
    index,
    chunk,
    score: 1 / (index + 1),
    lexical: 1,
    dense: 0,
  }));
  const ctx = { raw: () => raw, title: () => "ZGC", lexical };
  return { hits, ctx };
}

describe("answerExtractive", () => {
  it("quotes the sentence stating the number a quantity question asks for, verified against its span", () => {
    const { hits, ctx } = setup();
    const a = answerExtractive(
      prepareQuery("How many firms were operating in Zhong'guancun by the end of 1983?", null),
      hits,
      ctx,
    );
    expect(a.abstained).toBe(false);
    expect(a.answer).toContain("eleven firms");
    expect(a.answer).toMatch(/\[1\]$/u);
    const c = a.citations[0]!;
    expect(verifyQuote(raw, c.start, c.end, c.quote)).toBe(true);
    expect(raw.slice(c.start, c.end)).toContain("Zhong’guan-\ncun.");
  });

  it("runs on into the next sentence when it carries the answer", () => {
    const { hits, ctx } = setup();
    const a = answerExtractive(
      prepareQuery("Which Four-self-principles do most firms follow?", null),
      hits,
      ctx,
    );
    expect(a.answer).toContain("self-chosen partners");
    expect(
      verifyQuote(raw, a.citations[0]!.start, a.citations[0]!.end, a.citations[0]!.quote),
    ).toBe(true);
  });

  it("abstains when the question's year is not near any candidate sentence", () => {
    const { hits, ctx } = setup();
    const a = answerExtractive(
      prepareQuery("How many firms were operating in Zhong'guancun by the end of 1995?", null),
      hits,
      ctx,
    );
    expect(a.abstained).toBe(true);
    expect(a.citations).toEqual([]);
  });

  it("abstains when a rare name in the question appears in no passage", () => {
    const { hits, ctx } = setup();
    const a = answerExtractive(
      prepareQuery("How much venture capital did Huawei raise in Haidian?", null),
      hits,
      ctx,
    );
    expect(a.abstained).toBe(true);
  });

  it("abstains when no sentence covers enough of the question", () => {
    const { hits, ctx } = setup();
    expect(
      answerExtractive(
        prepareQuery("What is the average rainfall of the region in summer?", null),
        hits,
        ctx,
      ).abstained,
    ).toBe(true);
  });
});
