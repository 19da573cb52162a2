import { beforeAll, describe, expect, it } from "vitest";
import { createApp } from "../../src/http/app.js";
import { securityOptions } from "../../src/http/security/options.js";
import type { ReadyState } from "../../src/http/state.js";
import type { Table } from "../../src/tables/types.js";
import { readyState } from "../fixtures/service.js";

let state: ReadyState;
let app: ReturnType<typeof createApp>;
beforeAll(async () => {
  state = await readyState();
  app = createApp({ state: () => state, status: () => "ready" });
}, 120_000);

const isProblem = async (res: Response, status: number) => {
  expect(res.status).toBe(status);
  expect(res.headers.get("content-type")).toMatch(/^application\/problem\+json/u);
  expect(res.headers.get("x-content-type-options")).toBe("nosniff");
  return (await res.json()) as { type: string; detail: string };
};

describe("methods", () => {
  it.each([
    ["GET", "/api/ask", "POST"],
    ["PUT", "/api/ask/stream", "POST"],
    ["POST", "/api/documents", "GET, HEAD"],
    ["DELETE", "/api/tables/x", "GET, HEAD"],
    ["POST", "/healthz", "GET, HEAD"],
    ["PATCH", "/p/abc", "GET, HEAD"],
  ])("answers %s %s with 405 and Allow: %s", async (method, path, allow) => {
    const res = await app.request(path, { method });
    const body = await isProblem(res, 405);
    expect(res.headers.get("allow")).toBe(allow);
    expect(body.type).toBe("urn:problem:method_not_allowed");
  });

  it("still answers 404 for paths no method serves", async () => {
    await isProblem(await app.request("/api/nothing", { method: "POST" }), 404);
  });
});

describe("query parameters", () => {
  it("rejects an unknown table format instead of answering JSON", async () => {
    const parsed = (state.tables as Table[]).find((t) => t.status === "parsed")!;
    const path = `/api/tables/${encodeURIComponent(parsed.id)}`;
    const body = await isProblem(await app.request(`${path}?format=xml`), 400);
    expect(body.detail).toMatch(/format must be json or csv/u);
    expect((await app.request(`${path}?format=csv`)).headers.get("content-type")).toMatch(
      /text\/csv/u,
    );
    expect((await app.request(`${path}?format=json`)).status).toBe(200);
  });

  it.each(["0x2b65", "", "1e3", " 12", "+3", "12.0", "-1", "١٢"])(
    "reads only decimal digits as a number: start=%j is refused",
    async (value) => {
      const res = await app.request(
        `/api/cite?passage=p&start=${encodeURIComponent(value)}&end=10`,
      );
      const body = await isProblem(res, 400);
      expect(body.detail).toMatch(/start/u);
    },
  );

  it("refuses k=0x10 and an empty k in search", async () => {
    await isProblem(await app.request("/api/search?q=Hsinchu&k=0x10"), 400);
    await isProblem(await app.request("/api/search?q=Hsinchu&k="), 400);
    expect((await app.request("/api/search?q=Hsinchu&k=3")).status).toBe(200);
  });
});

describe("refusals count against the rate limit", () => {
  const limited = () =>
    createApp({
      state: () => state,
      status: () => "ready",
      security: securityOptions({
        sites: [{ key: "econ101", origins: ["https://moodle.example.edu"] }],
        perAddress: 3,
        clientAddress: () => "203.0.113.9",
      }),
    });

  it("answers site-key guesses and forbidden origins 403, then 429 once over the limit", async () => {
    const a = limited();
    const statuses = [];
    for (let i = 0; i < 5; i++)
      statuses.push((await a.request(`/api/site?site=guess-${i}`)).status);
    expect(statuses).toEqual([403, 403, 403, 429, 429]);
    const b = limited();
    const origins = [];
    for (let i = 0; i < 4; i++)
      origins.push(
        (await b.request("/api/documents", { headers: { origin: "https://evil.example" } })).status,
      );
    expect(origins).toEqual([403, 403, 403, 429]);
  });
});

describe("/api/site", () => {
  const sites = () =>
    createApp({
      state: () => state,
      status: () => "ready",
      security: securityOptions({
        sites: [
          { key: "econ101", name: "ECON 101", origins: ["https://moodle.example.edu"] },
          { key: "geo210", origins: ["https://canvas.example.edu"] },
        ],
        publicOrigins: ["http://127.0.0.1:8787"],
        perAddress: 0,
      }),
    });

  it("describes a key only to its own origins and to this service's own pages", async () => {
    const a = sites();
    const site = (headers: Record<string, string>) =>
      a.request("/api/site?site=econ101", { headers });
    expect(await (await site({ origin: "https://moodle.example.edu" })).json()).toEqual({
      key: "econ101",
      name: "ECON 101",
    });
    // The widget's own same-origin GET carries no Origin, and says so in Sec-Fetch-Site.
    expect((await site({ "sec-fetch-site": "same-origin" })).status).toBe(200);
    expect((await site({ origin: "http://127.0.0.1:8787" })).status).toBe(200);
    await isProblem(await site({}), 403);
    await isProblem(await site({ origin: "https://canvas.example.edu" }), 403);
  });
});

describe("the stream endpoint", () => {
  it("leaves Connection to the server, so a client's Connection: close is honoured", async () => {
    const res = await app.request("/api/ask/stream", {
      method: "POST",
      headers: { "content-type": "application/json", connection: "close" },
      body: JSON.stringify({ question: "When did Hsinchu Science Park open?" }),
    });
    expect(res.status).toBe(200);
    expect(res.headers.get("connection")).toBeNull();
    expect(res.headers.get("content-type")).toMatch(/^text\/event-stream/u);
    expect(await res.text()).toMatch(/event: done/u);
  });
});
