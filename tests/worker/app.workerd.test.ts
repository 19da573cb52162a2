import { env, exports } from "cloudflare:workers";
import { beforeAll, describe, expect, it } from "vitest";
import { verifyQuote } from "../../src/answer/verify.js";
import { WorkerDataSchema, type WorkerData } from "../../src/store/worker-data.js";

const ORIGIN = "https://qa.workerd.example";
const SITE = { key: "workerd-course", origin: "https://lms.workerd.example" };

const request = (path: string, init?: RequestInit) =>
  exports.default.fetch(new Request(`${ORIGIN}${path}`, init));

const ask = (body: unknown, headers: Record<string, string> = {}) =>
  request("/api/ask", {
    method: "POST",
    headers: { "content-type": "application/json", ...headers },
    body: JSON.stringify(body),
  });

interface Citation {
  n: number;
  source: string;
  start: number;
  end: number;
  quote: string;
  passageId: string;
  view: string;
}
interface Answer {
  answer: string;
  abstained: boolean;
  answerer: string;
  citations: Citation[];
  passages: Array<{ id: string; source: string }>;
}

/** The corpus texts, read through the Worker's own assets binding (as the Worker reads them). */
const texts = new Map<string, string>();
beforeAll(async () => {
  const about: WorkerData = WorkerDataSchema.parse(
    await (await env.ASSETS.fetch("https://assets.invalid/worker.json")).json(),
  );
  for (const t of about.texts)
    texts.set(t.source, await (await env.ASSETS.fetch(`https://assets.invalid/${t.path}`)).text());
});

/** Every citation quotes the display text of its raw span, in a corpus file, and is numbered in the answer. */
function expectVerified(body: Answer): void {
  expect(body.abstained).toBe(false);
  expect(body.citations.length).toBeGreaterThan(0);
  for (const c of body.citations) {
    const raw = texts.get(c.source);
    expect(raw, c.source).toBeDefined();
    expect(verifyQuote(raw!, c.start, c.end, c.quote), c.quote).toBe(true);
    expect(body.answer).toContain(`[${c.n}]`);
    expect(c.view).toBe(`/p/${c.passageId}?start=${c.start}&end=${c.end}`);
  }
}

// Questions of this suite's own wording.
describe("answering in workerd from the built data", () => {
  it("answers an English question from an English paper, with verified citations", async () => {
    const res = await ask({
      question: "What did Suzhou officials offer large multinational firms?",
    });
    expect(res.status).toBe(200);
    const body = (await res.json()) as Answer;
    expectVerified(body);
    expect(body.answerer).toBe("extractive");
    expect(body.citations.some((c) => c.source.startsWith("chen-2014"))).toBe(true);
    expect(body.answer).toMatch(/multinational/iu);
  });

  it("answers with the year the zone was renamed", async () => {
    const body = (await (
      await ask({
        question:
          "In which year did the state let the city rename its high-tech experimental zone after Zhongguancun?",
      })
    ).json()) as Answer;
    expectVerified(body);
    expect(body.answer).toContain("1999");
  });

  it.each([
    ["Traditional", "首爾地區和大德地區的制度厚度有什麼差別？", "制度厚度"],
    ["Simplified", "新竹科学园区和中关村分别走了什么样的发展路径？", "科學園區"],
    ["Traditional", "北京的國家級研發單位和生產之間有什麼問題？", "生產"],
  ])("answers a question in %s Chinese from the Chinese report: %s", async (_, question, words) => {
    const body = (await (await ask({ question })).json()) as Answer;
    expectVerified(body);
    const chinese = body.citations.filter((c) => /\p{Script=Han}/u.test(c.quote));
    expect(chinese.length).toBeGreaterThan(0);
    expect(chinese.some((c) => c.quote.includes(words))).toBe(true);
  });

  it("streams the same answer as server-sent events", async () => {
    const question = "What did Suzhou officials offer large multinational firms?";
    const res = await request("/api/ask/stream", {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ question }),
    });
    expect(res.headers.get("content-type")).toMatch(/^text\/event-stream/u);
    const events = await res.text();
    const done = /event: done\ndata: (.*)\n/u.exec(events);
    expect(done).not.toBeNull();
    const streamed = JSON.parse(done![1]!) as Answer;
    const asked = (await (await ask({ question })).json()) as Answer;
    expect(streamed.answer).toBe(asked.answer);
    expectVerified(streamed);
  });

  it("serves search, documents, passages, citations, tables and passage pages", async () => {
    const search = (await (await request("/api/search?q=Hsinchu%20science%20park&k=3")).json()) as {
      passages: Array<{ id: string }>;
    };
    expect(search.passages).toHaveLength(3);
    const id = search.passages[0]!.id;
    expect((await request(`/api/passages/${id}`)).status).toBe(200);
    expect((await request(`/api/cite?passage=${id}&style=mla`)).status).toBe(200);
    expect((await request("/api/documents")).status).toBe(200);
    const tables = (await (await request("/api/tables")).json()) as { tables: unknown[] };
    expect(tables.tables.length).toBeGreaterThan(0);
    const page = await request(`/p/${id}`);
    expect(page.status).toBe(200);
    expect(page.headers.get("content-type")).toMatch(/^text\/html/u);
  });

  it("says it is ready, with the index's build, embedder and counts", async () => {
    const ready = (await (await request("/readyz")).json()) as {
      ready: boolean;
      buildId: string;
      embedder: { id: string };
      counts: { chunks: number };
    };
    const about = (await (await env.ASSETS.fetch("https://assets.invalid/worker.json")).json()) as {
      buildId: string;
    };
    expect(ready).toMatchObject({ ready: true, buildId: about.buildId });
    expect(ready.counts.chunks).toBeGreaterThan(100);
    expect(await (await request("/healthz")).json()).toMatchObject({
      status: "ok",
      state: "ready",
    });
  });

  it("answers the chat page's own requests, which carry the Worker's origin", async () => {
    const res = await ask(
      { question: "What did Suzhou officials offer large multinational firms?" },
      { origin: ORIGIN },
    );
    expect(res.status).toBe(200);
    const foreign = await ask({ question: "Who?" }, { origin: "https://elsewhere.example" });
    expect(foreign.status).toBe(403);
  });
});

describe("the chat page and its files", () => {
  it("serves the page, the docs and the browser files with ETags", async () => {
    expect((await request("/")).headers.get("content-type")).toMatch(/^text\/html/u);
    expect((await request("/docs")).status).toBe(200);
    expect((await request("/openapi.json")).status).toBe(200);
    const js = await request("/assets/chat.js");
    expect(js.status).toBe(200);
    const etag = js.headers.get("etag")!;
    expect((await request("/assets/chat.js", { headers: { "if-none-match": etag } })).status).toBe(
      304,
    );
    expect(await (await request("/embed.js")).text()).toContain("data-site");
  });
});

describe("the data stays private", () => {
  it.each([
    "/worker.json",
    "/manifest.json",
    "/chunks.json",
    "/lexical.json",
    "/vectors.f32",
    "/cedict.u8",
    "/catalog.json",
    "/texts/0.txt",
    "/knowledge/gazetteer.json",
    "/widget/chat.js",
  ])("answers %s with a 404 problem, never the file", async (path) => {
    const res = await request(path);
    expect(res.status).toBe(404);
    expect(res.headers.get("content-type")).toMatch(/^application\/problem\+json/u);
  });
});

describe("bad requests", () => {
  it("answers invalid JSON, a wrong content type and a missing question with 4xx problems", async () => {
    const bad = await request("/api/ask", {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: "{not json",
    });
    expect(bad.status).toBe(400);
    expect(bad.headers.get("content-type")).toMatch(/^application\/problem\+json/u);
    const text = await request("/api/ask", {
      method: "POST",
      headers: { "content-type": "text/plain" },
      body: "hello",
    });
    expect(text.status).toBe(415);
    expect((await ask({ k: 3 })).status).toBe(400);
    const big = await ask({ question: "x".repeat(70 * 1024) });
    expect(big.status).toBe(413);
  });
});

describe("who may ask, and how often", () => {
  it("counts requests per client address with the rate limiting binding (5 a minute here)", async () => {
    const from = { "cf-connecting-ip": "198.51.100.7" };
    const statuses: number[] = [];
    for (let i = 0; i < 6; i++)
      statuses.push((await request("/api/documents", { headers: from })).status);
    expect(statuses).toEqual([200, 200, 200, 200, 200, 429]);
    const refused = await request("/api/documents", { headers: from });
    expect(refused.headers.get("retry-after")).toBe("60");
    expect(((await refused.json()) as { detail: string }).detail).toMatch(/your address/u);
    // Another address is counted apart.
    expect(
      (await request("/api/documents", { headers: { "cf-connecting-ip": "198.51.100.8" } })).status,
    ).toBe(200);
  });

  it("counts a site's visitors together (8 a minute here) and refuses origins the site does not list", async () => {
    const site = { "x-site-key": SITE.key, origin: SITE.origin };
    const statuses: number[] = [];
    for (let i = 0; i < 9; i++)
      statuses.push(
        (
          await request("/api/documents", {
            headers: { ...site, "cf-connecting-ip": `203.0.113.${i + 1}` },
          })
        ).status,
      );
    expect(statuses.slice(0, 8).every((s) => s === 200)).toBe(true);
    expect(statuses[8]).toBe(429);
    const cors = await request("/api/documents", {
      headers: { origin: SITE.origin, "cf-connecting-ip": "203.0.113.99" },
    });
    expect(cors.headers.get("access-control-allow-origin")).toBe(SITE.origin);
    const foreign = await request("/api/documents", {
      headers: { origin: "https://elsewhere.example", "cf-connecting-ip": "203.0.113.100" },
    });
    expect(foreign.status).toBe(403);
    expect((await request(`/widget?site=${SITE.key}`)).status).toBe(200);
    expect((await request("/widget?site=no-such-site")).status).toBe(403);
  });
});
