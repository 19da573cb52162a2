import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { completionsUrl, createChatClient } from "../../../src/answer/generative/client.js";
import { AppError } from "../../../src/errors.js";
import { startChatServer } from "../../fixtures/chat-server.js";

let server: Awaited<ReturnType<typeof startChatServer>>;
beforeAll(async () => {
  server = await startChatServer({
    pieces: () => ({ kind: "stream", pieces: ["By 1991 ", "nine firms", " [1.6]."] }),
    whole: () => ({ kind: "json", content: "Nine firms [1.6]." }),
    broken: () => ({
      kind: "raw-events",
      data: ['{"choices":[{"delta":{"content":"By"}}]}', '{"choices":[{"del'],
    }),
    failing: () => ({ kind: "status", status: 500, body: '{"error":{"message":"out of memory"}}' }),
    erring: () => ({ kind: "raw-events", data: ['{"error":{"message":"model overloaded"}}'] }),
    slow: () => ({ kind: "stream", pieces: ["By 1991", " nine firms"], pauseMs: 5_000 }),
  });
});
afterAll(() => server.close());

const messages = [{ role: "user" as const, content: "How many firms?" }];
async function collect(model: string, opts: { apiKey?: string; timeoutMs?: number } = {}) {
  const client = createChatClient({ url: `${server.url}/v1`, model, apiKey: opts.apiKey });
  const out: string[] = [];
  const signal = AbortSignal.timeout(opts.timeoutMs ?? 5_000);
  for await (const piece of client.reply(messages, { signal, maxTokens: 50 })) out.push(piece);
  return out;
}

describe("createChatClient", () => {
  it("streams the reply's pieces from an OpenAI-compatible server, asking for a stream at temperature 0", async () => {
    expect(await collect("pieces", { apiKey: "sk-test" })).toEqual([
      "By 1991 ",
      "nine firms",
      " [1.6].",
    ]);
    const req = server.requests.at(-1)!;
    expect(req).toMatchObject({ model: "pieces", stream: true, messages });
    expect(req.headers.authorization).toBe("Bearer sk-test");
    await collect("pieces");
    expect(server.requests.at(-1)!.headers.authorization).toBeUndefined();
  });

  it("reads a server that answers with one JSON completion instead of a stream", async () => {
    expect(await collect("whole")).toEqual(["Nine firms [1.6]."]);
  });

  it("fails with generator_failed on an HTTP error, malformed JSON, an error chunk or an unknown model", async () => {
    for (const [model, detail] of [
      ["failing", /HTTP 500: .*out of memory/u],
      ["broken", /malformed JSON/u],
      ["erring", /reported an error: .*model overloaded/u],
      ["missing", /HTTP 404/u],
    ] as const) {
      const error = await collect(model).then(
        () => null,
        (e: unknown) => e,
      );
      expect(error, model).toBeInstanceOf(AppError);
      expect((error as AppError).code).toBe("generator_failed");
      expect((error as AppError).message).toMatch(detail);
    }
  });

  it("gives up when the signal's time is over, mid-stream", async () => {
    const started = Date.now();
    await expect(collect("slow", { timeoutMs: 300 })).rejects.toThrow(/timed out/u);
    expect(Date.now() - started).toBeLessThan(3_000);
  });

  it("fails with generator_failed when nothing listens", async () => {
    const client = createChatClient({ url: "http://127.0.0.1:9/v1", model: "m" });
    const reply = client.reply(messages, { signal: AbortSignal.timeout(2_000), maxTokens: 5 });
    await expect(reply[Symbol.asyncIterator]().next()).rejects.toThrow(/could not be reached/u);
  });
});

describe("completionsUrl", () => {
  it("accepts a base URL with or without /v1, or the endpoint itself", () => {
    expect(completionsUrl("http://127.0.0.1:11434/v1")).toBe(
      "http://127.0.0.1:11434/v1/chat/completions",
    );
    expect(completionsUrl("http://127.0.0.1:8080/")).toBe(
      "http://127.0.0.1:8080/v1/chat/completions",
    );
    expect(completionsUrl("https://api.example.com/v1/chat/completions")).toBe(
      "https://api.example.com/v1/chat/completions",
    );
  });
});
