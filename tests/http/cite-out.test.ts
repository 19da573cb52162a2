import { readFileSync } from "node:fs";
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import type { Citation } from "../../src/answer/types.js";
import { verifyQuote } from "../../src/answer/verify.js";
import type { Chunk } from "../../src/chunks/types.js";
import { formatLocator } from "../../src/cite/index.js";
import { citationsOut, headingTitle, locatorOf, paragraphAt } from "../../src/http/cite-out.js";
import type { ReadyState } from "../../src/http/state.js";
import type { Table } from "../../src/tables/types.js";
import { CORPUS_DIR, readyApp } from "../fixtures/service.js";

let state: ReadyState;
let app: Awaited<ReturnType<typeof readyApp>>["app"];
beforeAll(async () => {
  ({ state, app } = await readyApp());
}, 120_000);

const chunksOf = (docId: string): Chunk[] =>
  state.qa.passageIdsOf(docId).map((id) => state.qa.passage(id)!.chunk);
const at = (chunk: Chunk, start = chunk.start) =>
  locatorOf(state, { passageId: chunk.id, source: chunk.source, start, section: chunk.section });
const rawOf = (source: string) => readFileSync(join(CORPUS_DIR, source), "utf8");

async function ask(question: string, style?: string) {
  const res = await app.request("/api/ask", {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ question, style }),
  });
  return res.json();
}

describe("headingTitle", () => {
  it.each([
    ["12.1. Labor productivity", "12.1", "Labor productivity"],
    ["3.1 The Beijing Case: ZGC", "3.1", "The Beijing Case: ZGC"],
    ["(二)改革開放戰略促進北京全球城市崛起", "（二）", "改革開放戰略促進北京全球城市崛起"],
    ["一、產業發展", "一", "產業發展"],
    ["第一章 緒論", "第一章", "緒論"],
    ["Notes", null, "Notes"],
    ["12.1.", "12.1", null],
    ["Appendix A", "7", "Appendix A"],
  ])("%s (number %s) → %s", (heading, number, title) => {
    expect(headingTitle(heading, number)).toBe(title);
  });
});

describe("locatorOf", () => {
  it("gives a passage under a numbered heading its section number and title, and the paragraph in that section", () => {
    const chunk = chunksOf("zhou-2010-decentering-spatial-fix").find(
      (c) => c.section === "12.1. Labor productivity",
    )!;
    expect(at(chunk)).toEqual({
      section: "12.1",
      sectionTitle: "Labor productivity",
      page: null,
      pageEnd: null,
      table: null,
      paragraph: chunk.paragraph,
      lang: "en",
    });
    expect(formatLocator(at(chunk), { withTitle: true })).toBe(
      `§12.1 “Labor productivity”, ¶ ${chunk.paragraph}`,
    );
  });

  it("locates Chinese text in Chinese: the section path in the document's numbering, then the paragraph", () => {
    const chunk = chunksOf("bohai-rim-science-parks-report").find(
      (c) => c.sectionNumber === "（二）" && c.section?.includes("改革開放戰略"),
    )!;
    // "（二）" under "三、" of chapter 1; the chapter is the cited work, so it is not named again.
    expect(at(chunk)).toMatchObject({
      section: "第三節（二）",
      sectionTitle: "改革開放戰略促進北京全球城市崛起",
      lang: "zh",
    });
    expect(formatLocator(at(chunk), { withTitle: true })).toMatch(
      /^第三節（二）「改革開放戰略促進北京全球城市崛起」, 第\d+段$/u,
    );
  });

  it("uses the heading as the title of an unnumbered section", () => {
    const chunk = chunksOf("zhongguancun-1997-innovation-milieu").find(
      (c) => c.section === "LOCAL INNOVATION MILIEU: AN ANALYTICAL FRAMEWORK",
    )!;
    expect(at(chunk)).toMatchObject({
      section: null,
      sectionTitle: "LOCAL INNOVATION MILIEU: AN ANALYTICAL FRAMEWORK",
      paragraph: expect.any(Number),
    });
  });

  it("numbers the paragraph of the cited sentence, not of the passage's first block", () => {
    const chunk = chunksOf("zhou-2010-decentering-spatial-fix").find(
      (c) => c.kind === "paragraph" && c.text.includes("\n\n"),
    )!;
    const second = chunk.sentences.find((s) => s.start > chunk.text.indexOf("\n\n"))!;
    expect(paragraphAt(chunk, chunk.start)).toBe(chunk.paragraph);
    expect(at(chunk, second.rawStart).paragraph).toBe(chunk.paragraph + 1);
  });

  it("labels text of a table passage with its table, as the document writes it (Table 3, 表2), and no paragraph", () => {
    const labels = new Set<string>();
    for (const t of state.tables as Table[]) {
      const chunk = chunksOf(t.docId).find(
        (c) => c.kind === "table" && c.start <= t.start && t.start < c.end,
      );
      if (!chunk) continue;
      expect(at(chunk, t.start)).toMatchObject({ table: t.label, paragraph: null });
      labels.add(t.label);
    }
    expect([...labels]).toEqual(expect.arrayContaining(["Table 3", "表2"]));
  });

  it("does not label prose with a table whose extracted span happens to overlap it", () => {
    for (const chunk of chunksOf("zhongguancun-1997-innovation-milieu").filter(
      (c) => c.kind === "paragraph",
    ))
      expect(at(chunk).table).toBeNull();
  });

  it("gives a table-cell answer's citations the table label", async () => {
    const body = await ask(
      "How much of Suzhou's 2008 electronics output came from FIEs, in billion yuan?",
    );
    expect(body.citations.length).toBeGreaterThan(0);
    for (const c of body.citations)
      expect(c).toMatchObject({
        locator: "Table 1",
        locatorDetail: { table: "Table 1", paragraph: null },
        inText: "(Chen, 2014, Table 1)",
      });
  });
});

describe("citationsOut", () => {
  it("drops a citation whose span was tampered with and keeps the verified ones", async () => {
    const body = await ask("What was Suzhou's total industrial output in 1991?");
    const good: Citation = {
      n: body.citations[0].n,
      docId: body.citations[0].docId,
      source: body.citations[0].source,
      title: body.citations[0].title,
      quote: body.citations[0].quote,
      start: body.citations[0].start,
      end: body.citations[0].end,
      section: body.citations[0].section,
      passageId: body.citations[0].passageId,
    };
    const tampered: Citation[] = [
      { ...good, n: 2, start: good.start + 40 },
      { ...good, n: 3, end: good.end - 1 },
      { ...good, n: 4, quote: good.quote.replace("58.4", "58.5") },
      { ...good, n: 5, quote: good.quote.replace("output", "Output").replace(/\.$/u, "…") },
      { ...good, n: 6, source: "zhou-2010-decentering-spatial-fix.txt" },
      { ...good, n: 7, source: "missing.txt" },
    ];
    const out = citationsOut(state, [good, ...tampered]);
    expect(out.map((c) => c.n)).toEqual([1]);
    expect(out[0]).toMatchObject({
      quote: good.quote,
      locator: expect.any(String),
      reference: expect.stringContaining("Chen, L. (2014)"),
      inText: expect.stringMatching(/^\(Chen, 2014, “[^”]+” section, para\. \d+\)$/u),
    });
  });
});

/** Questions whose answers quote English prose, Chinese prose and table rows. */
const QUESTIONS = [
  "How many financial organizations were there in BEZ by 1995?",
  "What did Skyworth make when it started out in 1990?",
  "What is local state corporatism in Zhongguancun?",
  "What share of Shenzhen's exports came from foreign firms?",
  "天津的金融业发展如何？",
  "滨海新区是哪一年成立的？",
];

describe("citations of /api/ask", () => {
  it.each(QUESTIONS)(
    "every citation of %j carries a verified quote, a locator, a reference, an in-text citation and a view link",
    async (question) => {
      const body = await ask(question);
      expect(body.citations.length).toBeGreaterThan(0);
      for (const c of body.citations) {
        expect(verifyQuote(rawOf(c.source), c.start, c.end, c.quote)).toBe(true);
        expect(c.locator).not.toBe("");
        expect(c.reference).not.toBe("");
        expect(c.inText).toMatch(/^\(.+\)$/u);
        expect(c.view).toMatch(new RegExp(`^/p/${c.passageId}(\\?start=\\d+&end=\\d+)?$`, "u"));
      }
    },
  );

  it.each(QUESTIONS)(
    "quotes for %j start and end at sentence (or table row) boundaries, with no ellipsis the source lacks",
    async (question) => {
      const body = await ask(question);
      for (const c of body.citations) {
        const raw = rawOf(c.source);
        const chunk = state.qa.passage(c.passageId)!.chunk;
        if (chunk.kind !== "table") {
          const first = chunk.sentences.find((s) => s.rawEnd > c.start)!;
          const last = [...chunk.sentences].reverse().find((s) => s.rawStart < c.end)!;
          // Only whitespace and markup may separate the quote from the sentence edges.
          expect(raw.slice(first.rawStart, c.start)).toMatch(/^[\s*_#]*$/u);
          expect(raw.slice(c.end, last.rawEnd)).toMatch(/^[\s*_]*$/u);
        }
        const ellipses = (s: string) => s.match(/…|\.\.\./gu)?.length ?? 0;
        expect(ellipses(c.quote)).toBe(ellipses(raw.slice(c.start, c.end)));
      }
    },
  );

  it("keeps a Traditional Chinese source in its own script when the question is in Simplified Chinese", async () => {
    const body = await ask("天津的金融业发展如何？");
    const zh = body.citations.filter(
      (c: { source: string }) => c.source === "bohai-rim-science-parks-report.txt",
    );
    expect(zh.length).toBeGreaterThan(0);
    for (const c of zh) {
      const span = rawOf(c.source).slice(c.start, c.end);
      // The source's own punctuation, not its NFKC fold: "，" stays "，".
      expect(c.quote.split("，").length).toBe(span.split("，").length);
      expect(c.quote).not.toMatch(/\p{Script=Han},|,\p{Script=Han}/u);
      // Traditional forms stay: 經 (not 经), 發 (not 发), 融 is shared by both scripts.
      expect(c.quote).toMatch(/[經發與區會對開關這國]/u);
      expect(c.quote).not.toMatch(/[经发与区会对开关这国]/u);
    }
  });
});
