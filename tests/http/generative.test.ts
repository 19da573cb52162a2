import { readFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createGenerativeAnswerer } from "../../src/answer/generative/answer.js";
import { createChatClient } from "../../src/answer/generative/client.js";
import { parsePrompts } from "../../src/answer/generative/prompts.js";
import { SENTINEL } from "../../src/answer/generative/verify.js";
import { verifyQuote } from "../../src/answer/verify.js";
import { createApp } from "../../src/http/app.js";
import { AskResponseSchema } from "../../src/http/openapi/responses.js";
import type { ReadyState } from "../../src/http/state.js";
import { startChatServer, idOf, type ChatRequest } from "../fixtures/chat-server.js";
import { CORPUS_DIR, readyState } from "../fixtures/service.js";

const QUESTION = "How large had the zone's count of new-tech firms grown by late 1994?";
const prompts = parsePrompts((f) => {
  try {
    return readFileSync(fileURLToPath(new URL(`../../prompts/${f}`, import.meta.url)), "utf8");
  } catch {
    return undefined;
  }
});

/** Grounded sentences, written from the evidence the request holds (as a model would read it). */
const total = (r: ChatRequest) =>
  `The total number of new-tech firms reached 4299 at the end of 1994 [${idOf(r, /reached 4299/u)}].`;
const record = (r: ChatRequest) =>
  `The record number registered within a month was 200, set in 1993 [${idOf(r, /within a month/u)}].`;

let state: ReadyState;
let server: Awaited<ReturnType<typeof startChatServer>>;
const logs: string[] = [];
beforeAll(async () => {
  state = await readyState();
  server = await startChatServer({
    grounded: (r) => ({ kind: "stream", pieces: split(`${total(r)} ${record(r)}`) }),
    "invented-number": (r) => ({
      kind: "stream",
      pieces: split(
        `The total number of new-tech firms reached 4300 at the end of 1994 [${idOf(r, /reached 4299/u)}]. ${record(r)}`,
      ),
    }),
    "unknown-id": () => ({
      kind: "stream",
      pieces: split("The total number of new-tech firms reached 4299 at the end of 1994 [99.1]."),
    }),
    sentinel: () => ({ kind: "stream", pieces: [SENTINEL] }),
    "malformed-json": () => ({
      kind: "raw-events",
      data: ['{"choices":[{"delta":{"content":"The total number of "}}]}', '{"choices":[{"delta":'],
    }),
    // The first sentence is complete (and verified) before the stream stalls past the timeout.
    slow: (r) => ({
      kind: "stream",
      pieces: [`${total(r)} The record number`, " registered"],
      pauseMs: 10_000,
    }),
    "server-error": () => ({ kind: "status", status: 500, body: '{"error":"boom"}' }),
    // A follow-up: the condensing request (one message) gets the standalone question back.
    condensing: (r) =>
      r.messages.length === 1
        ? {
            kind: "json",
            content: "What was the record number of new-tech firms registered within a month?",
          }
        : { kind: "stream", pieces: split(record(r)) },
    // A reasoning model whose deliberation comes inside the content.
    thinking: (r) => ({
      kind: "stream",
      pieces: split(
        `<think>The evidence says 12 firms in Shenzhen [1.1]. No: ${total(r)}</think>\n\n${total(r)}`,
      ),
    }),
    simplified: (r) => ({
      kind: "stream",
      pieces: split(`北京的技术服务机构在2005年底有153家 [${idOf(r, /153 家/u)}]。`),
    }),
  });
}, 120_000);
afterAll(() => server.close());

/** A reply cut into pieces of a few characters, as models stream. */
function split(text: string, size = 7): string[] {
  const pieces: string[] = [];
  for (let i = 0; i < text.length; i += size) pieces.push(text.slice(i, i + size));
  return pieces;
}

/** The app with a generative answerer whose model is the scripted server's `model`. */
function appWith(model: string, timeoutMs = 5_000) {
  const generative = createGenerativeAnswerer({
    model: createChatClient({ url: `${server.url}/v1`, model }),
    prompts,
    translator: null,
    cite: { raw: (s) => state.rawTexts.get(s), title: (d) => d },
    threshold: 0.5,
    timeoutMs,
    passages: 5,
    log: (m) => logs.push(m),
  });
  return createApp({ state: () => ({ ...state, generative }), status: () => "ready" });
}

const post = (app: ReturnType<typeof createApp>, path: string, body: unknown) =>
  app.request(path, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify(body),
  });
const ask = async (model: string, body: Record<string, unknown> = {}, timeoutMs?: number) => {
  const res = await post(appWith(model, timeoutMs), "/api/ask", { question: QUESTION, ...body });
  expect(res.status).toBe(200);
  const json = await res.json();
  expect(AskResponseSchema.safeParse(json).success).toBe(true);
  return json;
};
const extractive = () => ask("unused", { answerer: "extractive" });
const requestsTo = (model: string) => server.requests.filter((r) => r.model === model).length;

function expectVerified(
  citations: Array<{ source: string; start: number; end: number; quote: string }>,
) {
  for (const c of citations) {
    const raw = readFileSync(join(CORPUS_DIR, c.source), "utf8");
    expect(verifyQuote(raw, c.start, c.end, c.quote)).toBe(true);
  }
}

/** Server-sent events as `{event, data}`. */
function events(text: string): Array<{ event: string; data: Record<string, unknown> }> {
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

describe("POST /api/ask with a generative answerer", () => {
  it("grounded: answers in the model's words, citing the verified spans of the sentences it cited", async () => {
    const body = await ask("grounded");
    expect(body).toMatchObject({ answerer: "generative", abstained: false });
    expect(body.answer).toBe(
      "The total number of new-tech firms reached 4299 at the end of 1994. [1] The record number registered within a month was 200, set in 1993. [2]",
    );
    expect(body.citations.map((c: { quote: string }) => c.quote)).toEqual([
      expect.stringContaining("reached 4299"),
      expect.stringContaining("within a month"),
    ]);
    expectVerified(body.citations);
    // The passages are the extractive stage's: the evidence came from them.
    expect(body.passages).toEqual((await extractive()).passages);
    // What was sent: the system rules and numbered sentences of the top passages, never free text.
    const sent = server.requests.findLast((r) => r.model === "grounded")!;
    expect(sent.messages.map((m) => m.role)).toEqual(["system", "user"]);
    expect(sent.messages[0]!.content).toContain(SENTINEL);
    expect(sent.messages[1]!.content).toMatch(/^\[1\.1\] /mu);
    expect(sent.messages[1]!.content).toContain(`Question: ${QUESTION}`);
  });

  it("an invented number: the sentence stating it is dropped, the grounded one kept and logged", async () => {
    logs.length = 0;
    const body = await ask("invented-number");
    expect(body).toMatchObject({ answerer: "generative", abstained: false });
    expect(body.answer).toBe(
      "The record number registered within a month was 200, set in 1993. [1]",
    );
    expect(body.answer).not.toMatch(/4300/u);
    expect(body.citations).toHaveLength(1);
    expectVerified(body.citations);
    expect(logs.join("\n")).toMatch(/kept 1 of 2 sentence\(s\); dropped: number 4300 is not in/u);
  });

  it("an unknown id: the sentence citing it is dropped, and with nothing left the answer abstains", async () => {
    const body = await ask("unknown-id");
    expect(body).toMatchObject({
      answerer: "generative",
      abstained: true,
      citations: [],
      answer: "The corpus does not contain an answer to this question.",
    });
    expect(logs.join("\n")).toMatch(/unknown id \[99\.1\]/u);
  });

  it("the sentinel: abstains without a citation", async () => {
    const body = await ask("sentinel");
    expect(body).toMatchObject({ answerer: "generative", abstained: true, citations: [] });
    expect(body.passages.length).toBeGreaterThan(0);
  });

  it("malformed JSON, a slow stream or an HTTP 500: the extractive answer, with a log line, never an error", async () => {
    const plain = await extractive();
    expect(plain.answerer).toBe("extractive");
    for (const [model, why] of [
      ["malformed-json", /malformed JSON/u],
      ["slow", /timed out/u],
      ["server-error", /HTTP 500/u],
    ] as const) {
      logs.length = 0;
      const started = Date.now();
      const body = await ask(model, {}, 400);
      expect(Date.now() - started, model).toBeLessThan(5_000);
      expect(body, model).toEqual(plain);
      expect(logs.join("\n"), model).toMatch(why);
      expect(logs.join("\n"), model).toMatch(/answered extractively/u);
    }
  });

  it("asks the model nothing when the request wants the extractive answerer, a table cell answers, or the calibrated model abstains", async () => {
    const before = requestsTo("grounded");
    expect((await ask("grounded", { answerer: "extractive" })).answerer).toBe("extractive");
    const table = await ask("grounded", {
      question: "In 2008, what was electronics employment in Suzhou, in thousands?",
    });
    expect(table).toMatchObject({ answerer: "extractive", table: expect.any(Object) });
    const offTopic = await ask("grounded", { question: "What is the capital of France?" });
    expect(offTopic).toMatchObject({ answerer: "extractive", abstained: true });
    expect(requestsTo("grounded")).toBe(before);
  });

  it("condenses a follow-up with the model first, and answers the standalone question", async () => {
    const body = await ask("condensing", {
      question: "And the most registered in one month?",
      history: [
        { role: "user", content: QUESTION },
        {
          role: "assistant",
          content: "The total number of new-tech firms reached 4299 at the end of 1994. [1]",
        },
      ],
    });
    const [condense, answer] = server.requests.filter((r) => r.model === "condensing");
    expect(condense!.messages[0]!.content).toMatch(
      /Q: How large had.*\nA: The total number of new-tech firms reached 4299 at the end of 1994\.\n/su,
    );
    expect(condense!.messages[0]!.content).toContain(
      "Follow-up question: And the most registered in one month?",
    );
    expect(answer!.messages[1]!.content).toContain(
      "Question: What was the record number of new-tech firms registered within a month?",
    );
    expect(body).toMatchObject({
      answerer: "generative",
      answer: "The record number registered within a month was 200, set in 1993. [1]",
    });
  });

  it("reads no answer sentences from a reasoning model's <think> block", async () => {
    const body = await ask("thinking");
    expect(body).toMatchObject({
      answerer: "generative",
      answer: "The total number of new-tech firms reached 4299 at the end of 1994. [1]",
    });
  });

  it("answers in the question's script: a Simplified reply to a Traditional question is shown in Traditional", async () => {
    const body = await ask("simplified", {
      question: "北京的技術仲介服務機構在2005年底有幾家？",
    });
    expect(body).toMatchObject({ answerer: "generative", abstained: false });
    expect(body.answer).toBe("北京的技術服務機構在2005年底有153家。 [1]");
    const sent = server.requests.findLast((r) => r.model === "simplified")!;
    expect(sent.messages[0]!.content).toContain("用繁體中文回答");
  });

  it("refuses an unknown answerer as a 400 problem", async () => {
    const res = await post(appWith("grounded"), "/api/ask", {
      question: QUESTION,
      answerer: "magic",
    });
    expect(res.status).toBe(400);
    expect(res.headers.get("content-type")).toMatch(/problem\+json/u);
    expect((await res.json()).detail).toMatch(/answerer/u);
  });
});

describe("POST /api/ask/stream with a generative answerer", () => {
  const stream = async (model: string, timeoutMs?: number) => {
    const res = await post(appWith(model, timeoutMs), "/api/ask/stream", { question: QUESTION });
    expect(res.status).toBe(200);
    return events(await res.text());
  };

  it("sends each sentence once it has passed verification, and never one that did not", async () => {
    const got = await stream("invented-number");
    const deltas = got.filter((e) => e.event === "delta").map((e) => e.data.text as string);
    expect(deltas).toEqual([
      "The record number registered within a month was 200, set in 1993. [1]",
    ]);
    const done = got.at(-1)!;
    expect(done.event).toBe("done");
    expect(done.data).toMatchObject({ answerer: "generative", answer: deltas.join("") });

    const grounded = await stream("grounded");
    const pieces = grounded.filter((e) => e.event === "delta").map((e) => e.data.text as string);
    expect(pieces).toHaveLength(2);
    expect(pieces.join("")).toBe(grounded.at(-1)!.data.answer);
  });

  it("after a timeout mid-answer, resets the verified sentences already sent and streams the extractive answer", async () => {
    const got = await stream("slow", 400);
    const names = got.map((e) => e.event);
    const reset = names.indexOf("reset");
    expect(names.slice(0, reset)).toEqual(["status", "delta"]);
    expect(got[1]!.data.text).toMatch(
      /^The total number of new-tech firms reached 4299 at the end of 1994\. \[1\]$/u,
    );
    const after = got.slice(reset + 1, -1).map((e) => e.data.text as string);
    const done = got.at(-1)!;
    expect(done.data).toMatchObject({ answerer: "extractive" });
    expect(after.join("")).toBe(done.data.answer);
  });
});
