import { readFileSync } from "node:fs";
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { verifyQuote } from "../../src/answer/verify.js";
import { createApp } from "../../src/http/app.js";
import type { ReadyState } from "../../src/http/state.js";
import { CORPUS_DIR, readyState } from "../fixtures/service.js";

let state: ReadyState;
let app: ReturnType<typeof createApp>;
beforeAll(async () => {
  state = await readyState();
  app = createApp({ state: () => state, status: () => "ready", maxBodyBytes: 4096 });
}, 120_000);

const ask = (
  body: unknown,
  headers: Record<string, string> = { "content-type": "application/json" },
) =>
  app.request("/api/ask", {
    method: "POST",
    headers,
    body: typeof body === "string" ? body : JSON.stringify(body),
  });

describe("POST /api/ask", () => {
  it("answers with citations whose quotes are the text at their spans", async () => {
    const res = await ask({
      question: "How many financial organizations were there in BEZ by 1995?",
    });
    expect(res.status).toBe(200);
    const body = await res.json();
    expect(body.abstained).toBe(false);
    expect(body.answer).toMatch(/\[1\]/u);
    expect(body.passages.length).toBeGreaterThanOrEqual(5);
    expect(body.citations.length).toBeGreaterThan(0);
    for (const c of body.citations) {
      const raw = readFileSync(join(CORPUS_DIR, c.source), "utf8");
      expect(verifyQuote(raw, c.start, c.end, c.quote)).toBe(true);
      expect(c).toMatchObject({
        n: expect.any(Number),
        docId: expect.any(String),
        title: expect.any(String),
      });
    }
    for (const p of body.passages)
      expect(p).toMatchObject({
        id: expect.any(String),
        source: expect.any(String),
        start: expect.any(Number),
        end: expect.any(Number),
      });
  });

  it("answers a question a table cell answers with the value, its row and column, and a verified row quote", async () => {
    const body = await (
      await ask({
        question: "How much of Suzhou's 2008 electronics output came from FIEs, in billion yuan?",
      })
    ).json();
    expect(body.table).toMatchObject({
      id: expect.any(String),
      label: expect.any(String),
      row: expect.stringMatching(/Suzhou/u),
    });
    expect(body.answer).toContain("628");
    for (const c of body.citations) {
      const raw = readFileSync(join(CORPUS_DIR, c.source), "utf8");
      expect(verifyQuote(raw, c.start, c.end, c.quote)).toBe(true);
    }
  });

  it("gives every citation a locator and a reference in the requested style", async () => {
    const body = await (
      await ask({
        question: "How many notebook computers did Suzhou and Shenzhen make between them in 2010?",
        style: "mla",
      })
    ).json();
    expect(body.citations.length).toBeGreaterThan(0);
    for (const c of body.citations) {
      expect(c.reference).toMatch(/Chen|Zhou|Liefner|\w/u);
      expect(typeof c.locator).toBe("string");
    }
    expect(body.citations[0].reference).toContain("Politics & Society");
  });

  it("abstains when the corpus never mentions what is asked", async () => {
    const body = await (
      await ask({ question: "What was the population of Chengdu's Tianfu Software Park in 2019?" })
    ).json();
    expect(body.abstained).toBe(true);
    expect(body.citations).toEqual([]);
  });

  it("accepts history for follow-up questions", async () => {
    const res = await ask({
      question: "And in Shenzhen?",
      history: [
        { role: "user", content: "What was Suzhou's total industrial output in 1991?" },
        { role: "assistant", content: "58.4 billion yuan [1]" },
      ],
    });
    expect(res.status).toBe(200);
  });

  it.each([
    ["invalid JSON", "{nope", 400],
    ["an empty question", { question: "" }, 400],
    ["a missing question", { history: [] }, 400],
    ["a too long question", { question: "x".repeat(2001) }, 400],
    [
      "too much history",
      {
        question: "q",
        history: Array.from({ length: 21 }, () => ({ role: "user", content: "a" })),
      },
      400,
    ],
    ["a bad role", { question: "q", history: [{ role: "system", content: "a" }] }, 400],
    ["k out of range", { question: "q", k: 0 }, 400],
    ["a non-object body", "[1,2]", 400],
    ["an unknown field", { question: "q", questions: "q" }, 400],
  ])("rejects %s with problem+json", async (_name, body, status) => {
    const res = await ask(body);
    expect(res.status).toBe(status);
    expect(res.headers.get("content-type")).toMatch(/application\/problem\+json/u);
    expect((await res.json()).detail).toEqual(expect.any(String));
  });

  it("rejects a wrong content type with 415 and an oversized body with 413", async () => {
    expect((await ask({ question: "q" }, { "content-type": "text/plain" })).status).toBe(415);
    const big = await ask({
      question: "q",
      history: [{ role: "user", content: "x".repeat(5000) }],
    });
    expect(big.status).toBe(413);
    expect(big.headers.get("content-type")).toMatch(/problem\+json/u);
  });

  it("returns 503 while the index is not loaded", async () => {
    const loading = createApp({ state: () => null, status: () => "building index" });
    const res = await loading.request("/api/ask", {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: '{"question":"q"}',
    });
    expect(res.status).toBe(503);
    expect((await loading.request("/readyz")).status).toBe(503);
    expect((await loading.request("/healthz")).status).toBe(200);
  });
});

describe("other endpoints", () => {
  it("searches, lists documents and shows passages; unknown ids are 404", async () => {
    const search = await (await app.request("/api/search?q=Tianjin%20finance&k=3")).json();
    expect(search.passages).toHaveLength(3);
    expect((await app.request("/api/search?q=")).status).toBe(400);
    const docs = await (await app.request("/api/documents")).json();
    expect(docs.documents).toHaveLength(5);
    const one = await app.request(`/api/documents/${docs.documents[0].id}`);
    expect(one.status).toBe(200);
    expect((await app.request("/api/documents/nope")).status).toBe(404);
    const passage = await (await app.request(`/api/passages/${search.passages[0].id}`)).json();
    expect(passage.text).toBe(search.passages[0].text);
    expect((await app.request("/api/passages/nope")).status).toBe(404);
    const ready = await (await app.request("/readyz")).json();
    expect(ready).toMatchObject({ ready: true, counts: { documents: 5 } });
  });
});

describe("table endpoints", () => {
  it("lists tables, serves one as JSON and CSV, and looks up cells with a citation", async () => {
    const list = await (await app.request("/api/tables?doc=chen")).json();
    expect(list.tables.length).toBeGreaterThan(0);
    const parsed = list.tables.find((t: { status: string }) => t.status === "parsed");
    expect((await app.request(`/api/tables/${parsed.id}`)).status).toBe(200);
    const csv = await app.request(`/api/tables/${parsed.id}?format=csv`);
    expect(csv.headers.get("content-type")).toMatch(/text\/csv/u);
    expect((await csv.text()).split("\r\n").length).toBeGreaterThan(2);
    expect((await app.request("/api/tables/nope")).status).toBe(404);
    const data = await (await app.request("/api/data?row=Suzhou&doc=chen")).json();
    expect(data.matches.length).toBeGreaterThan(0);
    const m = data.matches[0];
    const raw = readFileSync(join(CORPUS_DIR, m.citation.source), "utf8");
    expect(raw.slice(m.citation.start, m.citation.end)).toBe(m.citation.quote);
    expect((await app.request("/api/data")).status).toBe(400);
  });
});
