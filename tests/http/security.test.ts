import { beforeAll, describe, expect, it } from "vitest";
import { createApp } from "../../src/http/app.js";
import { createAssets } from "../../src/http/widget/assets.js";
import { readWidgetFiles } from "../../src/http/widget/files.js";
import { securityOptions, type SecurityOptions } from "../../src/http/security/options.js";
import type { ReadyState } from "../../src/http/state.js";
import { readyState } from "../fixtures/service.js";

// `app.request()` has no socket, so tests name the client address in a header of their own.
const ADDRESS = "x-test-address";
const COURSE = "https://moodle.example.edu";
const OTHER_COURSE = "https://canvas.example.edu";
const STRANGER = "https://evil.example";
const SITES = [
  { key: "econ101", name: "ECON 101", origins: [COURSE] },
  { key: "geo210", origins: [OTHER_COURSE], limit: 2 },
];

let state: ReadyState;
beforeAll(async () => {
  state = await readyState();
}, 120_000);

function makeApp(options: Partial<Omit<SecurityOptions, "sites">> = {}, maxBodyBytes = 4096) {
  const security = securityOptions({
    sites: SITES,
    clientAddress: (c) => c.req.header(ADDRESS),
    ...options,
  });
  const assets = createAssets(readWidgetFiles());
  return createApp({ state: () => state, status: () => "ready", maxBodyBytes, security, assets });
}

const json = { "content-type": "application/json" };
const askBody = JSON.stringify({
  question: "How many financial organizations were there in BEZ by 1995?",
});
const post = (
  app: ReturnType<typeof makeApp>,
  path: string,
  headers: Record<string, string> = {},
  body = askBody,
) => app.request(path, { method: "POST", headers: { ...json, ...headers }, body });

async function expectProblem(res: Response, status: number, type: string) {
  expect(res.status).toBe(status);
  expect(res.headers.get("content-type")).toMatch(/application\/problem\+json/u);
  const body = await res.json();
  expect(body.type).toBe(`urn:problem:${type}`);
  return body as { detail: string };
}

describe("origins and CORS", () => {
  const app = () => makeApp({ perAddress: 0, perSite: 0 });

  it("serves requests without an Origin (curl, servers, the eval client) and same-origin pages without a key", async () => {
    expect((await post(app(), "/api/ask")).status).toBe(200);
    const same = await post(app(), "/api/ask", { origin: "http://localhost", host: "localhost" });
    expect(same.status).toBe(200);
    expect(same.headers.get("access-control-allow-origin")).toBeNull();
    // Behind a proxy that rewrites Host, the configured public origin says which pages are ours.
    const behindProxy = makeApp({
      perAddress: 0,
      perSite: 0,
      publicOrigins: ["https://qa.example.edu"],
    });
    const proxied = await post(behindProxy, "/api/ask", {
      origin: "https://qa.example.edu",
      host: "127.0.0.1:8787",
    });
    expect(proxied.status).toBe(200);
    expect(
      (await post(behindProxy, "/api/ask", { origin: "http://localhost", host: "localhost" }))
        .status,
    ).toBe(403);
  });

  it("compares scheme, host and port with the public origin, never the Host header (DNS rebinding)", async () => {
    const ours = makeApp({ perAddress: 0, perSite: 0, publicOrigins: ["http://127.0.0.1:8787"] });
    const status = async (headers: Record<string, string>) =>
      (await post(ours, "/api/ask", headers)).status;
    expect(await status({ origin: "http://127.0.0.1:8787", host: "127.0.0.1:8787" })).toBe(200);
    // A page on a name that resolves here: its Host and Origin agree, and the browser calls it same-origin.
    expect(
      await status({
        origin: "http://evil.example",
        host: "evil.example",
        "sec-fetch-site": "same-origin",
      }),
    ).toBe(403);
    expect(await status({ origin: "http://evil.example:8787", host: "evil.example:8787" })).toBe(
      403,
    );
    // The right host with another scheme or port is another origin.
    expect(await status({ origin: "https://127.0.0.1:8787", host: "127.0.0.1:8787" })).toBe(403);
    expect(await status({ origin: "http://127.0.0.1:9999", host: "127.0.0.1:8787" })).toBe(403);
  });

  it("allows a listed origin with CORS headers for exactly that origin", async () => {
    const res = await post(app(), "/api/ask", { origin: COURSE });
    expect(res.status).toBe(200);
    expect(res.headers.get("access-control-allow-origin")).toBe(COURSE);
    expect(res.headers.get("access-control-allow-credentials")).toBeNull();
    expect(res.headers.get("vary")).toMatch(/Origin/u);
  });

  it("refuses an unlisted origin with a 403 problem naming it, and no CORS headers", async () => {
    const res = await post(app(), "/api/ask", { origin: STRANGER });
    const body = await expectProblem(res, 403, "forbidden_origin");
    expect(body.detail).toContain(STRANGER);
    expect(res.headers.get("access-control-allow-origin")).toBeNull();
    expect(
      (await app().request("/api/search?q=Tianjin", { headers: { origin: STRANGER } })).status,
    ).toBe(403);
    expect(
      (await app().request("/api/search?q=Tianjin", { headers: { origin: "null" } })).status,
    ).toBe(403);
  });

  it("answers preflights for listed origins only", async () => {
    const preflight = (origin: string) =>
      app().request("/api/ask/stream", {
        method: "OPTIONS",
        headers: {
          origin,
          "access-control-request-method": "POST",
          "access-control-request-headers": "content-type,x-site-key",
        },
      });
    const ok = await preflight(COURSE);
    expect(ok.status).toBe(204);
    expect(ok.headers.get("access-control-allow-origin")).toBe(COURSE);
    expect(ok.headers.get("access-control-allow-methods")).toContain("POST");
    expect(ok.headers.get("access-control-allow-headers")?.toLowerCase()).toContain("x-site-key");
    const refused = await preflight(STRANGER);
    expect(refused.status).toBe(403);
    expect(refused.headers.get("access-control-allow-origin")).toBeNull();
  });

  it("binds a site key to its own origins and refuses unknown keys from anywhere", async () => {
    const wrongSite = await post(app(), "/api/ask", {
      origin: OTHER_COURSE,
      "x-site-key": "econ101",
    });
    expect((await expectProblem(wrongSite, 403, "forbidden_origin")).detail).toContain('"econ101"');
    expect(
      (await post(app(), "/api/ask", { origin: COURSE, "x-site-key": "econ101" })).status,
    ).toBe(200);
    await expectProblem(
      await post(app(), "/api/ask", { "x-site-key": "nope" }),
      403,
      "forbidden_origin",
    );
    const site = await app().request("/api/site?site=econ101", { headers: { origin: COURSE } });
    expect(await site.json()).toEqual({ key: "econ101", name: "ECON 101" });
    expect(
      (await app().request("/api/site?site=econ101", { headers: { origin: OTHER_COURSE } })).status,
    ).toBe(403);
    expect((await app().request("/api/site")).status).toBe(400);
  });
});

describe("framing", () => {
  const app = () => makeApp({ perAddress: 0 });

  it("lets /widget be framed only by its site's origins (frame-ancestors), without X-Frame-Options", async () => {
    const res = await app().request("/widget?site=econ101");
    expect(res.status).toBe(200);
    const csp = res.headers.get("content-security-policy") ?? "";
    expect(csp).toMatch(new RegExp(`frame-ancestors 'self' ${COURSE}(;|$)`, "u"));
    expect(csp).not.toContain(OTHER_COURSE);
    expect(res.headers.get("x-frame-options")).toBeNull();
  });

  it("keeps the chat page and docs unframeable by other sites", async () => {
    const page = await app().request("/");
    expect(page.headers.get("content-security-policy")).toMatch(/frame-ancestors 'self'(;|$)/u);
    expect(page.headers.get("x-frame-options")).toBe("SAMEORIGIN");
    expect((await app().request("/docs")).headers.get("content-security-policy")).toContain(
      "frame-ancestors 'none'",
    );
  });

  it("shows a framable refusal instead of the chat for an unknown key or a framing page not on the list", async () => {
    const unknown = await app().request("/widget?site=nope");
    expect(unknown.status).toBe(403);
    expect(await unknown.text()).toContain('site key "nope" is not known');
    expect(unknown.headers.get("content-security-policy")).toContain("default-src 'none'");
    const framed = (referer: string, lang = "en") =>
      app().request("/widget?site=econ101", {
        headers: { "sec-fetch-dest": "iframe", referer, "accept-language": lang },
      });
    const stranger = await framed(`${STRANGER}/course/1`);
    expect(stranger.status).toBe(403);
    expect(await stranger.text()).toContain(`not enabled on ${STRANGER}`);
    expect(await (await framed(`${STRANGER}/`, "zh-CN,zh;q=0.9")).text()).toContain("不在站点密钥");
    const traditional = await (await framed(`${STRANGER}/`, "zh-TW,zh;q=0.9")).text();
    expect(traditional).toContain("不在站點金鑰");
    expect(traditional).toContain('<html lang="zh-Hant"');
    const listed = await framed(`${COURSE}/course/view.php?id=3`);
    expect(listed.status).toBe(200);
    expect(await listed.text()).toContain('data-mode="widget"');
  });
});

describe("rate limits", () => {
  it("limits each client address with 429 and Retry-After, independently of other addresses, until the window ends", async () => {
    let now = 1_000_000;
    const app = makeApp({ perAddress: 3, windowSeconds: 60, now: () => now });
    const from = (address: string) =>
      app.request("/api/search?q=Tianjin", { headers: { [ADDRESS]: address } });
    for (let i = 0; i < 3; i++) expect((await from("203.0.113.9")).status).toBe(200);
    now += 10_000;
    const limited = await from("203.0.113.9");
    await expectProblem(limited, 429, "rate_limited");
    expect(limited.headers.get("retry-after")).toBe("50");
    expect((await from("198.51.100.7")).status).toBe(200);
    now += 50_000;
    expect((await from("203.0.113.9")).status).toBe(200);
  });

  it("limits each site key across all its visitors, with a site's own limit taking precedence", async () => {
    const app = makeApp({ perAddress: 0, perSite: 3 });
    const withKey = (key: string, address: string) =>
      app.request("/api/search?q=Tianjin", { headers: { "x-site-key": key, [ADDRESS]: address } });
    // geo210 sets limit 2; econ101 uses perSite 3.
    expect((await withKey("geo210", "a")).status).toBe(200);
    expect((await withKey("geo210", "b")).status).toBe(200);
    await expectProblem(await withKey("geo210", "c"), 429, "rate_limited");
    for (const a of ["a", "b", "c"]) expect((await withKey("econ101", a)).status).toBe(200);
    await expectProblem(await withKey("econ101", "d"), 429, "rate_limited");
  });

  it("lets a listed origin read a 429 and its Retry-After", async () => {
    const app = makeApp({ perAddress: 1 });
    const call = () =>
      app.request("/api/search?q=Tianjin", { headers: { origin: COURSE, [ADDRESS]: "a" } });
    await call();
    const res = await call();
    expect(res.status).toBe(429);
    expect(res.headers.get("access-control-allow-origin")).toBe(COURSE);
    expect(res.headers.get("access-control-expose-headers")).toContain("Retry-After");
  });

  it("lets the eval client's 32 sequential questions through at the default limits", async () => {
    const app = createApp({
      state: () => state,
      status: () => "ready",
      security: securityOptions({ clientAddress: () => "127.0.0.1" }),
    });
    for (let i = 0; i < 32; i++) expect((await post(app, "/api/ask")).status).toBe(200);
  }, 60_000);
});

describe("size limits", () => {
  const app = () => makeApp({ perAddress: 0 }, 4096);

  it("refuses oversized bodies with 413 and too long questions with 400, on both ask routes", async () => {
    const big = JSON.stringify({
      question: "q",
      history: [{ role: "user", content: "x".repeat(5000) }],
    });
    for (const path of ["/api/ask", "/api/ask/stream"]) {
      await expectProblem(await post(app(), path, {}, big), 413, "payload_too_large");
      const long = await expectProblem(
        await post(app(), path, {}, JSON.stringify({ question: "x".repeat(2001) })),
        400,
        "invalid_request",
      );
      expect(long.detail).toContain("2000");
    }
  });
});

describe("secure headers", () => {
  it("sends nosniff and a same-origin resource policy, except that other sites may load embed.js", async () => {
    const app = makeApp();
    const api = await app.request("/api/search?q=Tianjin");
    expect(api.headers.get("x-content-type-options")).toBe("nosniff");
    expect(api.headers.get("cross-origin-resource-policy")).toBe("same-origin");
    const embed = await app.request("/embed.js");
    expect(embed.headers.get("content-type")).toMatch(/^text\/javascript/u);
    expect(embed.headers.get("cross-origin-resource-policy")).toBe("cross-origin");
    const page = await app.request("/");
    expect(page.headers.get("content-security-policy")).toContain("script-src 'self'");
    expect(page.headers.get("content-security-policy")).not.toContain("unsafe-inline");
  });
});
