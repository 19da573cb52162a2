import { readFileSync } from "node:fs";
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { verifyQuote } from "../../src/answer/verify.js";
import { formatReference } from "../../src/cite/index.js";
import { createApp } from "../../src/http/app.js";
import type { ReadyState } from "../../src/http/state.js";
import { CORPUS_DIR, readyState } from "../fixtures/service.js";

let state: ReadyState;
let app: ReturnType<typeof createApp>;
/** A citation of `/api/ask` on an English prose passage, to cite again through `/api/cite`. */
let cited: {
  passageId: string;
  docId: string;
  source: string;
  start: number;
  end: number;
  quote: string;
};

beforeAll(async () => {
  state = await readyState();
  app = createApp({ state: () => state, status: () => "ready" });
  const res = await app.request("/api/ask", {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ question: "What did Skyworth make when it started out in 1990?" }),
  });
  cited = (await res.json()).citations[0];
}, 120_000);

const cite = (query: string) => app.request(`/api/cite?${query}`);
const rawOf = (source: string) => readFileSync(join(CORPUS_DIR, source), "utf8");

describe("GET /api/cite", () => {
  it.each(["apa", "chicago", "mla", "bibtex"] as const)(
    "formats the passage's reference and in-text citation in %s",
    async (style) => {
      const res = await cite(`passage=${cited.passageId}&style=${style}`);
      expect(res.status).toBe(200);
      const body = await res.json();
      const entry = state.entryFor(cited.docId);
      expect(body).toMatchObject({
        passage: cited.passageId,
        docId: cited.docId,
        style,
        reference: formatReference(entry, style),
      });
      expect(body.referenceHtml).toEqual(expect.any(String));
      expect(body.inText).toEqual(expect.any(String));
      expect(body.locator).toEqual(expect.any(String));
      expect(body.view).toBe(`/p/${cited.passageId}`);
      expect(body).not.toHaveProperty("quote");
    },
  );

  it("defaults to APA, marks italics in referenceHtml and has no in-text form for RIS", async () => {
    const apa = await (await cite(`passage=${cited.passageId}`)).json();
    expect(apa.style).toBe("apa");
    expect(apa.referenceHtml).toContain("<i>Politics &amp; Society</i>");
    const ris = await (await cite(`passage=${cited.passageId}&style=ris`)).json();
    expect(ris.reference).toMatch(/^TY {2}- JOUR\n/u);
    expect(ris.inText).toBeNull();
  });

  it("returns the verified quote of a range inside the passage, with the locator of the quote", async () => {
    const body = await (
      await cite(`passage=${cited.passageId}&start=${cited.start}&end=${cited.end}&style=chicago`)
    ).json();
    expect(body).toMatchObject({ quote: cited.quote, start: cited.start, end: cited.end });
    expect(verifyQuote(rawOf(cited.source), body.start, body.end, body.quote)).toBe(true);
    expect(body.inText).toMatch(/^\(Chen 2014, “[^”]+” section, par\. \d+\)$/u);
    expect(body.view).toBe(`/p/${cited.passageId}?start=${cited.start}&end=${cited.end}`);
  });

  it("widens a range that cuts into sentences to the whole sentences, so quotes start and end at sentence boundaries", async () => {
    const body = await (
      await cite(`passage=${cited.passageId}&start=${cited.start + 7}&end=${cited.end - 9}`)
    ).json();
    expect(body).toMatchObject({ quote: cited.quote, start: cited.start, end: cited.end });
  });

  it("rejects a range outside the passage, an empty range and half a range with 400", async () => {
    const chunk = state.qa.passage(cited.passageId)!.chunk;
    for (const range of [
      `start=${chunk.start - 10}&end=${chunk.start + 20}`,
      `start=${chunk.end - 5}&end=${chunk.end + 5}`,
      `start=${chunk.start + 9}&end=${chunk.start + 9}`,
      `start=${chunk.start}`,
      "start=x&end=4",
    ]) {
      const res = await cite(`passage=${cited.passageId}&${range}`);
      expect(res.status, range).toBe(400);
      expect(res.headers.get("content-type")).toMatch(/application\/problem\+json/u);
    }
  });

  it("answers an unknown passage with 404 and a bad style, format or missing passage with 400, as problem+json", async () => {
    const cases: [string, number][] = [
      ["passage=p000000000000", 404],
      [`passage=${cited.passageId}&style=harvard`, 400],
      [`passage=${cited.passageId}&format=xml`, 400],
      ["style=apa", 400],
      ["passage=", 400],
    ];
    for (const [query, status] of cases) {
      const res = await cite(query);
      expect(res.status, query).toBe(status);
      expect(res.headers.get("content-type")).toMatch(/application\/problem\+json/u);
      expect((await res.json()).detail).toEqual(expect.any(String));
    }
    expect((await (await cite(`passage=${cited.passageId}&style=harvard`)).json()).detail).toMatch(
      /apa, chicago, mla, bibtex, ris/u,
    );
  });

  it("serves BibTeX and RIS as downloads and prose styles as plain text with format=text", async () => {
    const bib = await cite(`passage=${cited.passageId}&style=bibtex&format=text`);
    expect(bib.headers.get("content-type")).toMatch(/^application\/x-bibtex; charset=utf-8/u);
    expect(bib.headers.get("content-disposition")).toBe(
      'attachment; filename="chen2014varieties.bib"',
    );
    expect(await bib.text()).toMatch(/^@article\{chen2014varieties,\n[\s\S]*\}\n$/u);
    const ris = await cite(`passage=${cited.passageId}&style=ris&format=text`);
    expect(ris.headers.get("content-type")).toMatch(/^application\/x-research-info-systems/u);
    expect(ris.headers.get("content-disposition")).toMatch(/filename="chen2014varieties\.ris"/u);
    expect(await ris.text()).toMatch(/^TY {2}- JOUR\n[\s\S]*ER {2}- \n$/u);
    const apa = await cite(`passage=${cited.passageId}&style=apa&format=text`);
    expect(apa.headers.get("content-type")).toMatch(/^text\/plain/u);
    expect(apa.headers.get("content-disposition")).toBeNull();
    expect(await apa.text()).toBe(`${formatReference(state.entryFor(cited.docId), "apa")}\n`);
  });

  it("returns 503 while the index is loading", async () => {
    const loading = createApp({ state: () => null, status: () => "building index" });
    expect((await loading.request(`/api/cite?passage=${cited.passageId}`)).status).toBe(503);
  });
});
