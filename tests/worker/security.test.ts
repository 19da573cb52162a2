import { Hono } from "hono";
import { describe, expect, it } from "vitest";
import { createApp } from "../../src/http/app.js";
import { parseWorkerConfig, type KvBinding, type RateLimitBinding } from "../../src/worker/env.js";
import {
  bindingLimiter,
  connectingAddress,
  ownOrigins,
  siteSource,
  SITES_KEY,
  workerSecurity,
} from "../../src/worker/security.js";

/** A rate limiting binding allowing `limit` calls per key, recording the keys it was asked. */
function fakeLimiter(limit: number): RateLimitBinding & { keys: string[] } {
  const counts = new Map<string, number>();
  const keys: string[] = [];
  return {
    keys,
    async limit({ key }) {
      keys.push(key);
      counts.set(key, (counts.get(key) ?? 0) + 1);
      return { success: counts.get(key)! <= limit };
    },
  };
}

const kv = (value: () => string | null): KvBinding => ({ get: async () => value() });
const SITES = (origin: string) =>
  JSON.stringify({ sites: [{ key: "econ101", origins: [origin] }] });

describe("bindingLimiter", () => {
  it("asks the binding of each scope, with the scope in the key, and refuses for one window", async () => {
    const address = fakeLimiter(2);
    const site = fakeLimiter(1);
    const limiter = bindingLimiter({ address, site }, { windowSeconds: 60 });
    expect(await limiter.hit("address", "198.51.100.1", 600)).toEqual({ ok: true });
    expect(await limiter.hit("address", "198.51.100.1", 600)).toEqual({ ok: true });
    expect(await limiter.hit("address", "198.51.100.1", 600)).toEqual({
      ok: false,
      retryAfter: 60,
    });
    expect(await limiter.hit("site", "econ101", 3000)).toEqual({ ok: true });
    expect(await limiter.hit("site", "econ101", 3000)).toEqual({ ok: false, retryAfter: 60 });
    expect(address.keys).toEqual(Array(3).fill("address:198.51.100.1"));
    expect(site.keys).toEqual(["site:econ101", "site:econ101"]);
  });

  it("counts a scope without a binding in memory, at the app's limit", async () => {
    let now = 0;
    const limiter = bindingLimiter({}, { windowSeconds: 10, now: () => now });
    expect(await limiter.hit("site", "econ101", 1)).toMatchObject({ ok: true });
    expect(await limiter.hit("site", "econ101", 1)).toEqual({ ok: false, retryAfter: 10 });
    now = 10_000;
    expect(await limiter.hit("site", "econ101", 1)).toMatchObject({ ok: true });
  });
});

describe("the client address", () => {
  it("is the cf-connecting-ip header, or unknown", async () => {
    const app = new Hono().get("/", (c) => c.text(connectingAddress(c) ?? "unknown"));
    expect(
      await (await app.request("/", { headers: { "cf-connecting-ip": "2001:db8::7" } })).text(),
    ).toBe("2001:db8::7");
    expect(await (await app.request("/")).text()).toBe("unknown");
  });
});

describe("siteSource", () => {
  it("reads the SITES variable when there is no KV", async () => {
    const sites = await siteSource({}, { SITES: SITES("https://a.example") }, () => {});
    expect(sites.registry.get("econ101")?.origins).toEqual(["https://a.example"]);
    expect(sites.registry.size).toBe(1);
  });

  it("prefers KV, reads it again after a minute, and keeps the old list when the new one is invalid", async () => {
    let now = 0;
    let stored: string | null = SITES("https://a.example");
    const logged: string[] = [];
    const sites = await siteSource(
      { SITES_KV: kv(() => stored) },
      { SITES: SITES("https://from-var.example") },
      (m) => logged.push(m),
      () => now,
    );
    expect(sites.registry.knowsOrigin("https://a.example")).toBe(true);
    stored = SITES("https://b.example");
    await sites.refresh();
    expect(sites.registry.knowsOrigin("https://b.example")).toBe(false);
    now = 61_000;
    await sites.refresh();
    expect(sites.registry.knowsOrigin("https://b.example")).toBe(true);
    stored = '{"sites": [{"key": "x"}]}';
    now = 200_000;
    await sites.refresh();
    expect(sites.registry.knowsOrigin("https://b.example")).toBe(true);
    expect(logged.join("\n")).toMatch(/sites list not updated — SITES_KV key "sites" is invalid/u);
  });

  it("falls back to the variable when KV has no key, and refuses an invalid first list", async () => {
    const fallback = await siteSource(
      { SITES_KV: kv(() => null) },
      { SITES: SITES("https://v.example") },
      () => {},
    );
    expect(fallback.registry.knowsOrigin("https://v.example")).toBe(true);
    await expect(siteSource({}, { SITES: "{" }, () => {})).rejects.toThrow(
      /SITES is not valid JSON/u,
    );
    expect(SITES_KEY).toBe("sites");
  });
});

describe("the app with the Worker's security", () => {
  it("answers 429 with Retry-After when the address binding refuses", async () => {
    const config = parseWorkerConfig({ RATE_LIMIT_WINDOW_SECONDS: "10" });
    const sites = await siteSource({}, config, () => {});
    const app = createApp({
      state: () => null,
      status: () => "loading",
      security: workerSecurity({ ADDRESS_LIMITER: fakeLimiter(1) }, config, sites.registry, []),
    });
    const from = { headers: { "cf-connecting-ip": "198.51.100.9" } };
    expect((await app.request("/api/documents", from)).status).toBe(503);
    const refused = await app.request("/api/documents", from);
    expect(refused.status).toBe(429);
    expect(refused.headers.get("retry-after")).toBe("10");
    // Without the header the address is unknown, and only the site limit could apply.
    expect((await app.request("/api/documents")).status).toBe(503);
  });
});

describe("ownOrigins", () => {
  it("is PUBLIC_ORIGIN when set, whatever requests are addressed to", () => {
    const origins = ownOrigins(
      parseWorkerConfig({ PUBLIC_ORIGIN: "https://qa.example.edu" }).PUBLIC_ORIGIN,
    );
    origins.reachedAt("https://elsewhere.example/api/ask");
    expect(origins.list).toEqual(["https://qa.example.edu"]);
  });

  it("is otherwise each origin the Worker was reached at, once, and at most 16", () => {
    const origins = ownOrigins(undefined);
    origins.reachedAt("https://regions-qa.example.workers.dev/api/ask");
    origins.reachedAt("https://regions-qa.example.workers.dev/");
    origins.reachedAt("https://qa.example.edu/widget?site=econ101");
    expect(origins.list).toEqual([
      "https://regions-qa.example.workers.dev",
      "https://qa.example.edu",
    ]);
    for (let i = 0; i < 40; i++) origins.reachedAt(`https://h${i}.example/`);
    expect(origins.list).toHaveLength(16);
  });

  it("makes a page of the Worker's own origin same-origin, and no other", async () => {
    const origins = ownOrigins(undefined);
    const config = parseWorkerConfig({});
    const sites = await siteSource({}, config, () => {});
    const app = createApp({
      state: () => null,
      status: () => "loading",
      security: workerSecurity({}, config, sites.registry, origins.list),
    });
    origins.reachedAt("https://regions-qa.example.workers.dev/api/documents");
    const own = { origin: "https://regions-qa.example.workers.dev" };
    expect((await app.request("/api/documents", { headers: own })).status).toBe(503);
    const other = { origin: "https://evil.example" };
    expect((await app.request("/api/documents", { headers: other })).status).toBe(403);
  });
});

describe("parseWorkerConfig", () => {
  it("gives defaults and names every invalid variable", () => {
    expect(parseWorkerConfig({})).toMatchObject({
      RATE_LIMIT_PER_ADDRESS: 600,
      RATE_LIMIT_WINDOW_SECONDS: 60,
      MAX_BODY_BYTES: 65536,
    });
    expect(() =>
      parseWorkerConfig({ RATE_LIMIT_WINDOW_SECONDS: "soon", LOG_LEVEL: "loud" }),
    ).toThrow(/RATE_LIMIT_WINDOW_SECONDS[\s\S]*LOG_LEVEL/u);
    expect(
      parseWorkerConfig({ PUBLIC_ORIGIN: "https://a.example, https://b.example" }),
    ).toMatchObject({ PUBLIC_ORIGIN: ["https://a.example", "https://b.example"] });
    expect(() => parseWorkerConfig({ PUBLIC_ORIGIN: "https://a.example/" })).toThrow(
      /PUBLIC_ORIGIN/u,
    );
  });
});
