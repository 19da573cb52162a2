import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { createApp } from "../../src/http/app.js";
import { listenHttp, type HttpListener } from "../../src/http/node/listen.js";
import { securityOptions } from "../../src/http/security/options.js";
import type { ReadyState } from "../../src/http/state.js";
import type { Table } from "../../src/tables/types.js";
import { REPO } from "../fixtures/processes.js";
import { rawExchange, type RawReply } from "../fixtures/raw-http.js";
import { readyState } from "../fixtures/service.js";
import { HOSTILE_VALUES, hostileCases, type Case } from "./hostile-cases.js";

// Issue 15's hostile-input suite: hundreds of generated requests across every endpoint, over real
// sockets, plus raw bytes Node's parser must refuse. Whatever comes in: no 5xx, errors as
// problem+json with the security headers, and no path of this machine or stack trace in any body.

let http: HttpListener;
let state: ReadyState;
const SITE = { key: "econ101", origins: ["https://moodle.example.edu"] };
beforeAll(async () => {
  state = await readyState();
  let app: ReturnType<typeof createApp> | null = null;
  http = await listenHttp((req, env) => app!.fetch(req, env), {
    host: "127.0.0.1",
    port: 0,
    headersTimeoutMs: 500,
    requestTimeoutMs: 1500,
    checkIntervalMs: 100,
  });
  app = createApp({
    state: () => state,
    status: () => "ready",
    maxBodyBytes: 16 * 1024,
    security: securityOptions({
      sites: [SITE],
      publicOrigins: [`http://127.0.0.1:${http.port}`],
      perAddress: 0,
    }),
  });
}, 120_000);
afterAll(async () => {
  await http?.drain(0);
});

/** Things no body may show: this checkout's and the index's folders, module paths, stack frames. */
const LEAKS = [
  REPO.replace(/\/$/u, ""),
  "qa-index-",
  "node_modules",
  "file:///",
  /\n\s+at [^\n]+:\d+:\d+/u,
  /"stack"/u,
];

function judge(
  c: Pick<Case, "name">,
  status: number | null,
  type: string,
  body: string,
  nosniff: string | undefined,
) {
  const where = `${c.name} → ${status}`;
  expect(status, where).not.toBeNull();
  expect(status!, where).toBeLessThan(500);
  expect(nosniff, where).toBe("nosniff");
  if (status! >= 400) {
    const html = c.name.includes("[html]") || c.name.startsWith("GET /widget");
    if (html) expect(type, where).toMatch(/^text\/html/u);
    else {
      expect(type, where).toMatch(/^application\/problem\+json/u);
      expect(JSON.parse(body).status, where).toBe(status);
    }
  }
  for (const leak of LEAKS)
    if (typeof leak === "string") expect(body.includes(leak), `${where}: ${leak}`).toBe(false);
    else expect(leak.test(body), `${where}: ${leak}`).toBe(false);
}

/** Runs `cases` over HTTP, `width` at a time. */
async function runAll(cases: readonly Case[], width = 6) {
  const queue = [...cases];
  await Promise.all(
    Array.from({ length: width }, async () => {
      for (let c = queue.shift(); c; c = queue.shift()) {
        const res = await fetch(`http://127.0.0.1:${http.port}${c.path}`, {
          method: c.method,
          headers: c.headers,
          body: c.body,
          signal: AbortSignal.timeout(20_000),
        });
        const body = await res.text();
        judge(
          c,
          res.status,
          res.headers.get("content-type") ?? "",
          body,
          res.headers.get("x-content-type-options") ?? undefined,
        );
      }
    }),
  );
}

const RAW: Array<[string, string[]]> = [
  ["not HTTP at all", ["GARBAGE\r\n\r\n"]],
  ["HTTP/0.9", ["GET /\r\n\r\n"]],
  ["an HTTP/2 preface", ["PRI * HTTP/2.0\r\n\r\nSM\r\n\r\n"]],
  ["an unknown method", ["FROB /healthz HTTP/1.1\r\nHost: x\r\n\r\n"]],
  ["no Host", ["GET /healthz HTTP/1.1\r\n\r\n"]],
  ["a header without a colon", ["GET /healthz HTTP/1.1\r\nHost: x\r\nNoColon\r\n\r\n"]],
  ["a folded header", ["GET /healthz HTTP/1.1\r\nHost: x\r\nX-A: a\r\n b\r\n\r\n"]],
  ["a NUL in a header", ["GET /healthz HTTP/1.1\r\nHost: x\r\nX-A: a\u0000b\r\n\r\n"]],
  ["a space before the colon", ["GET /healthz HTTP/1.1\r\nHost : x\r\n\r\n"]],
  ["a 20 KB header", [`GET /healthz HTTP/1.1\r\nHost: x\r\nX-Big: ${"a".repeat(20_000)}\r\n\r\n`]],
  [
    "400 headers",
    [
      `GET /healthz HTTP/1.1\r\nHost: x\r\n${Array.from({ length: 400 }, (_, i) => `X-${i}: ${"v".repeat(60)}\r\n`).join("")}\r\n`,
    ],
  ],
  [
    "a Content-Length of letters",
    ["POST /api/ask HTTP/1.1\r\nHost: x\r\nContent-Length: abc\r\n\r\n"],
  ],
  [
    "a negative Content-Length",
    ["POST /api/ask HTTP/1.1\r\nHost: x\r\nContent-Length: -5\r\n\r\n"],
  ],
  [
    "two Content-Lengths",
    ["POST /api/ask HTTP/1.1\r\nHost: x\r\nContent-Length: 3\r\nContent-Length: 4\r\n\r\nabcd"],
  ],
  [
    "Content-Length and chunked",
    [
      "POST /api/ask HTTP/1.1\r\nHost: x\r\nContent-Length: 3\r\nTransfer-Encoding: chunked\r\n\r\n0\r\n\r\n",
    ],
  ],
  [
    "an unknown transfer coding",
    ["POST /api/ask HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: gzip\r\n\r\nabc"],
  ],
  [
    "a bad chunk size",
    [
      "POST /api/ask HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nTransfer-Encoding: chunked\r\n\r\nZZ\r\n{}\r\n0\r\n\r\n",
    ],
  ],
  [
    "a chunk longer than it says",
    [
      'POST /api/ask HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nTransfer-Encoding: chunked\r\n\r\n2\r\n{"question":1}\r\n0\r\n\r\n',
    ],
  ],
  [
    "a body cut short",
    [
      'POST /api/ask HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nContent-Length: 100\r\n\r\n{"question":',
    ],
  ],
  [
    "a huge Content-Length",
    [
      "POST /api/ask HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nContent-Length: 99999999999\r\n\r\n{}",
    ],
  ],
  [
    "a body over the limit",
    [
      `POST /api/ask HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nContent-Length: 40000\r\n\r\n${"{".repeat(40_000)}`,
    ],
  ],
  ["slow headers", ["GET /healthz HTTP/1.1\r\nHost: x\r\n"]],
  [
    "a slow body",
    [
      "POST /api/ask HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nContent-Length: 50\r\n\r\n{",
    ],
  ],
  [
    "an absolute-form target",
    ["GET http://evil.example/healthz HTTP/1.1\r\nHost: evil.example\r\n\r\n"],
  ],
  ["an asterisk target", ["OPTIONS * HTTP/1.1\r\nHost: x\r\n\r\n"]],
  ["CONNECT", ["CONNECT evil.example:443 HTTP/1.1\r\nHost: evil.example:443\r\n\r\n"]],
  ["a raw non-ASCII path", ["GET /p/\u00e9\u00ff HTTP/1.1\r\nHost: x\r\n\r\n"]],
  ["a broken percent-encoding", ["GET /api/passages/%ZZ%E0%A4 HTTP/1.1\r\nHost: x\r\n\r\n"]],
  [
    "Latin-1 bytes in a header",
    ["GET /api/site?site=econ101 HTTP/1.1\r\nHost: x\r\nX-Site-Key: \u00e9\u00e8\r\n\r\n"],
  ],
  [
    "a site key of 4000 characters",
    [`GET /api/documents HTTP/1.1\r\nHost: x\r\nX-Site-Key: ${"k".repeat(4000)}\r\n\r\n`],
  ],
  [
    "Expect: 100-continue",
    [
      "POST /api/ask HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nExpect: 100-continue\r\nContent-Length: 2\r\n\r\n{}",
    ],
  ],
  ["a bad Host", ["GET /healthz HTTP/1.1\r\nHost: [::1\r\n\r\n"]],
];

describe("hostile input", () => {
  it("generates at least 300 cases across every endpoint", () => {
    const cases = hostileCases(state, SITE.key);
    expect(cases.length + RAW.length).toBeGreaterThanOrEqual(300);
    const endpoints = new Set(cases.map((c) => c.endpoint));
    for (const e of [
      "/healthz",
      "/readyz",
      "/",
      "/widget",
      "/embed.js",
      "/assets/:name",
      "/docs",
      "/openapi.json",
      "/api/ask",
      "/api/ask/stream",
      "/api/search",
      "/api/documents",
      "/api/documents/:id",
      "/api/passages/:id",
      "/api/tables",
      "/api/tables/:id",
      "/api/data",
      "/api/cite",
      "/api/site",
      "/p/:id",
    ])
      expect(endpoints, e).toContain(e);
    expect(HOSTILE_VALUES.length).toBeGreaterThan(20);
  });

  it("answers every generated request below 500, errors as problem+json, leaking nothing", async () => {
    const errors = vi.spyOn(console, "error");
    const cases = hostileCases(state, SITE.key);
    await runAll(cases);
    expect(errors).not.toHaveBeenCalled();
    errors.mockRestore();
  }, 240_000);

  it.each(RAW)(
    "answers %s (raw bytes) as problem+json or not at all, never 5xx",
    async (name, parts) => {
      const r: RawReply = await rawExchange(http.port, parts, {
        waitMs: 4000,
        untilComplete: true,
      });
      // A connection the parser gives up on may be closed without a word; anything said is judged.
      if (r.status === null) return expect(r.closed, name).toBe(true);
      judge(
        { name: `raw ${name}` },
        r.status,
        r.headers["content-type"] ?? "",
        r.body.replace(/^[0-9a-f]+\r\n|\r\n0\r\n\r\n$/gu, ""),
        r.headers["x-content-type-options"],
      );
    },
  );

  it("keeps answering normally afterwards", async () => {
    const t = (state.tables as Table[])[0]!;
    const res = await fetch(`http://127.0.0.1:${http.port}/api/tables/${encodeURIComponent(t.id)}`);
    expect(res.status).toBe(200);
  });
});
