import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { httpAsk } from "../../src/eval/http.js";

// A stand-in server: "ok" questions get a contract answer, "down" a 503, "odd" a body outside the contract.
let base = "";
let bodies: unknown[] = [];
const server = createServer((req, res) => {
  let raw = "";
  req.on("data", (d) => (raw += d));
  req.on("end", () => {
    const body = JSON.parse(raw) as { question: string };
    bodies.push(body);
    const reply = (status: number, json: unknown) =>
      res.writeHead(status, { "content-type": "application/json" }).end(JSON.stringify(json));
    if (body.question === "down") return reply(503, { detail: "building" });
    if (body.question === "odd") return reply(200, { text: "no answer field" });
    reply(200, { answer: "It was 11 [1].", abstained: false, citations: [], passages: [] });
  });
});
beforeAll(async () => {
  await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(() => new Promise<void>((r) => server.close(() => r())));

describe("httpAsk", () => {
  it("posts the question, with the history only when there is one", async () => {
    bodies = [];
    const { ask, errors } = httpAsk(base);
    expect((await ask("ok", [])).answer).toBe("It was 11 [1].");
    await ask("ok", [{ role: "user", content: "before" }]);
    expect(bodies).toEqual([
      { question: "ok" },
      { question: "ok", history: [{ role: "user", content: "before" }] },
    ]);
    expect(errors).toEqual([]);
  });

  it("scores a refused request or a body outside the contract as a miss and records it", async () => {
    const { ask, errors } = httpAsk(base);
    expect(await ask("down", [])).toEqual({
      answer: "",
      abstained: false,
      citations: [],
      passages: [],
    });
    expect((await ask("odd", [])).answer).toBe("");
    expect(errors).toHaveLength(2);
    expect(errors[0]).toMatch(/^down: HTTP 503/u);
  });
});
