import { beforeAll, describe, expect, it } from "vitest";
import { createApp } from "../../src/http/app.js";
import { answerPieces } from "../../src/http/routes/ask-stream.js";
import type { ReadyState } from "../../src/http/state.js";
import { readyApp } from "../fixtures/service.js";

let state: ReadyState;
let app: Awaited<ReturnType<typeof readyApp>>["app"];
beforeAll(async () => {
  ({ state, app } = await readyApp());
}, 120_000);

const post = (path: string, body: unknown) =>
  app.request(path, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify(body),
  });

/** Parses a server-sent event stream into `{event, data}` pairs. */
function parseEvents(text: string): { event: string; data: unknown }[] {
  return text
    .split("\n\n")
    .filter((b) => b.trim())
    .map((block) => {
      const lines = block.split("\n");
      const event = lines.find((l) => l.startsWith("event: "))?.slice(7) ?? "message";
      const data = lines
        .filter((l) => l.startsWith("data: "))
        .map((l) => l.slice(6))
        .join("\n");
      return { event, data: JSON.parse(data) };
    });
}

describe("POST /api/ask/stream", () => {
  it("sends status, then the answer in delta pieces, then done with exactly the /api/ask response", async () => {
    const body = {
      question: "What did Skyworth make when it started out in 1990?",
      style: "chicago",
    };
    const res = await post("/api/ask/stream", body);
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toMatch(/^text\/event-stream/u);
    const events = parseEvents(await res.text());
    expect(events[0]).toEqual({ event: "status", data: { stage: "searching" } });
    const deltas = events.filter((e) => e.event === "delta");
    expect(deltas.length).toBeGreaterThan(1);
    const done = events.at(-1)!;
    expect(done.event).toBe("done");
    const plain = await (await post("/api/ask", body)).json();
    expect(done.data).toEqual(plain);
    expect(deltas.map((d) => (d.data as { text: string }).text).join("")).toBe(plain.answer);
  });

  it("carries history for follow-ups and the table of a table answer", async () => {
    const res = await post("/api/ask/stream", {
      question:
        "Which region had the highest mean % R&D expenditure in revenue among hardware firms?",
      history: [{ role: "user", content: "R&D by region" }],
    });
    const done = parseEvents(await res.text()).at(-1)!;
    expect(done.data).toMatchObject({ table: { id: expect.any(String), row: "Beijing" } });
  });

  it("refuses invalid requests before the stream opens, as problem+json", async () => {
    const res = await post("/api/ask/stream", { question: "" });
    expect(res.status).toBe(400);
    expect(res.headers.get("content-type")).toMatch(/problem\+json/u);
    const loading = createApp({ state: () => null, status: () => "loading" });
    const r503 = await loading.request("/api/ask/stream", {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: '{"question":"q"}',
    });
    expect(r503.status).toBe(503);
  });

  it("sends an error event with a problem document when answering fails mid-stream", async () => {
    const broken = {
      ...state,
      qa: { ...state.qa, ask: async () => Promise.reject(new Error("boom")) },
    } as ReadyState;
    const failing = createApp({ state: () => broken, status: () => "ready" });
    const errors: unknown[] = [];
    const original = console.error;
    console.error = (...args: unknown[]) => errors.push(args);
    try {
      const res = await failing.request("/api/ask/stream", {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: '{"question":"q"}',
      });
      const events = parseEvents(await res.text());
      expect(events.at(-1)).toMatchObject({
        event: "error",
        data: { status: 500, detail: expect.not.stringContaining("boom") },
      });
    } finally {
      console.error = original;
    }
    expect(errors).toHaveLength(1);
  });
});

describe("answerPieces", () => {
  it("cuts text into pieces that join back to it, at word boundaries in English and anywhere in Chinese", () => {
    const en = "In 1993 the zone set a record of 200 new-tech firms registered in one month [1].";
    const pieces = answerPieces(en, 12);
    expect(pieces.join("")).toBe(en);
    expect(pieces.length).toBeGreaterThan(2);
    for (const p of pieces.slice(0, -1)) expect(p).toMatch(/\s$/u);
    const zh = "表1中，1970年遼寧省的重工業產值高於輕工業，約佔全省工業總產值的三分之二 [1]";
    expect(answerPieces(zh, 8).join("")).toBe(zh);
    expect(answerPieces(zh, 8).length).toBeGreaterThan(2);
    expect(answerPieces("")).toEqual([]);
  });
});
