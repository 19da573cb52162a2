import { mkdtemp, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { verifyQuote } from "../../src/answer/verify.js";
import { loadDocumentText } from "../../src/cli/raw-text.js";
import { createApp } from "../../src/http/app.js";
import { loadDocument } from "../../src/ingest/load.js";
import { joinPages, PAGE_SEPARATOR, pageAt, pageStartsOf } from "../../src/ingest/pages.js";
import { indexCorpus, makePdf, PDF_PAGES, type IndexedCorpus } from "../fixtures/pdf.js";

const SOURCE = "east-asia-parks.pdf";

describe("page helpers", () => {
  it("join pages with a separator whose form feed marks each page start, and find the page of an offset", () => {
    const { text, pageStarts } = joinPages(["One.\fstill one.", "Two.", "Three."]);
    expect(text).toBe(`One.\nstill one.${PAGE_SEPARATOR}Two.${PAGE_SEPARATOR}Three.`);
    expect(pageStartsOf(text)).toEqual(pageStarts);
    expect(pageStarts.map((start) => text.slice(start, start + 3))).toEqual(["One", "Two", "Thr"]);
    expect(
      [0, pageStarts[1]! - 1, pageStarts[1]!, text.length - 1].map((at) => pageAt(pageStarts, at)),
    ).toEqual([1, 1, 2, 3]);
    expect(pageAt([], 5)).toBeNull();
  });
});

describe("loading a PDF", () => {
  it("keeps each page's text on its page, and the blocks know their pages", async () => {
    const dir = await mkdtemp(join(tmpdir(), "qa-pdf-"));
    await writeFile(join(dir, SOURCE), await makePdf(PDF_PAGES));
    const doc = await loadDocument(dir, SOURCE);
    expect(doc.pageStarts).toHaveLength(3);
    PDF_PAGES.forEach((lines, i) => {
      const first = lines[0]!;
      const at = doc.raw.indexOf(first);
      expect(at, first).toBeGreaterThanOrEqual(0);
      expect(pageAt(doc.pageStarts, at)).toBe(i + 1);
    });
    expect(new Set(doc.blocks.map((b) => b.page))).toEqual(new Set([1, 2, 3]));
    expect(doc.blocks[0]).toMatchObject({ kind: "heading", page: 1, section: { number: "1" } });
    expect(await loadDocumentText(dir, SOURCE)).toBe(doc.raw);
  });
});

describe("a PDF dropped into the corpus, end to end", () => {
  let corpus: IndexedCorpus;
  let app: ReturnType<typeof createApp>;
  beforeAll(async () => {
    corpus = await indexCorpus({
      [SOURCE]: await makePdf(PDF_PAGES),
      "notes.txt":
        "# Notes\n\nShenzhen grew from a fishing town into a city of electronics makers within two decades.\n",
    });
    app = createApp({ state: () => corpus.state, status: () => "ready" });
  }, 60_000);

  const ask = async (question: string) =>
    (
      await app.request("/api/ask", {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify({ question }),
      })
    ).json();

  it("is indexed, listed and has passages that know their page", async () => {
    const docs = await (await app.request("/api/documents")).json();
    expect(docs.documents.map((d: { source: string }) => d.source)).toContain(SOURCE);
    const chunks = corpus.state.qa
      .passageIdsOf("east-asia-parks")
      .map((id) => corpus.state.qa.passage(id)!.chunk);
    expect(chunks.length).toBeGreaterThan(0);
    expect(chunks.every((c) => c.page !== null)).toBe(true);
  });

  it.each([
    ["When did Hsinchu Science Park open?", 1, "December 1980"],
    ["How many research firms did Daedeok Innopolis host in 2015?", 2, "1,240 research firms"],
    [
      "How many licensed banks did Tianjin Binhai New Area count at the close of 2012?",
      3,
      "312 licensed banks",
    ],
  ])(
    "cites the answer to %j as page %i, with a quote that verifies against the PDF's extracted text",
    async (question, page, fact) => {
      const body = await ask(question);
      expect(body.abstained).toBe(false);
      const c = body.citations[0];
      expect(c.source).toBe(SOURCE);
      expect(c.quote).toContain(fact);
      expect(c.locator).toMatch(new RegExp(`(^|, )p\\. ${page}$`, "u"));
      expect(c.locatorDetail).toMatchObject({
        section: "1",
        sectionTitle: "Science parks in East Asia",
        page,
        paragraph: null,
      });
      expect(c.inText).toMatch(new RegExp(`, p\\. ${page}\\)$`, "u"));
      const text = await loadDocumentText(corpus.corpusDir, SOURCE);
      expect(verifyQuote(text, c.start, c.end, c.quote)).toBe(true);
      expect(pageAt(pageStartsOf(text), c.start)).toBe(page);
    },
  );

  it("gives the page through /api/cite and shows page breaks on the passage page", async () => {
    const c = (await ask("How many research firms did Daedeok Innopolis host in 2015?"))
      .citations[0];
    const cite = await (
      await app.request(`/api/cite?passage=${c.passageId}&start=${c.start}&end=${c.end}&style=mla`)
    ).json();
    expect(cite).toMatchObject({
      quote: c.quote,
      start: c.start,
      end: c.end,
      inText: "(East Asia Parks, sec. 1, 2)",
    });
    const html = await (await app.request(c.view)).text();
    expect(html).toContain("of the text extracted from the PDF");
    expect(html).toContain('<span class="page">page 2</span><mark>Daedeok Innopolis hosted 1,240');
  });
});
