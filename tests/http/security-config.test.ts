import { mkdtemp, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { parseConfig } from "../../src/config.js";
import { createFixedWindow } from "../../src/http/middleware/fixed-window.js";
import { securityFromConfig } from "../../src/http/security/options.js";
import { createSiteRegistry, loadSites, parseSites } from "../../src/http/security/sites.js";

const SITES = {
  sites: [
    {
      key: "econ101",
      name: "ECON 101",
      origins: ["https://moodle.example.edu", "http://127.0.0.1:8080"],
      limit: 100,
    },
  ],
};

describe("sites file", () => {
  it("reads sites from SITES_FILE, or else the SITES variable", async () => {
    const file = join(await mkdtemp(join(tmpdir(), "sites-")), "sites.json");
    await writeFile(file, JSON.stringify(SITES));
    expect(loadSites({ file })).toEqual(SITES.sites);
    expect(loadSites({ json: JSON.stringify(SITES) })).toEqual(SITES.sites);
    expect(loadSites({})).toEqual([]);
    expect(() => loadSites({ file: join(tmpdir(), "no-such-sites.json") })).toThrow(
      /^SITES_FILE .*no-such-sites\.json cannot be read/u,
    );
  });

  it.each([
    [
      "an origin with a path",
      { sites: [{ key: "econ101", origins: ["https://moodle.example.edu/course"] }] },
      /origins\.0: each origin must be scheme:\/\/host/u,
    ],
    [
      "an origin with a trailing slash",
      { sites: [{ key: "econ101", origins: ["https://moodle.example.edu/"] }] },
      /origins\.0/u,
    ],
    ["a wildcard origin", { sites: [{ key: "econ101", origins: ["*"] }] }, /origins\.0/u],
    ["no origins", { sites: [{ key: "econ101", origins: [] }] }, /at least one origin/u],
    [
      "a duplicate key",
      {
        sites: [
          { key: "econ101", origins: ["https://a.example"] },
          { key: "econ101", origins: ["https://b.example"] },
        ],
      },
      /unique/u,
    ],
    [
      "a key with spaces",
      { sites: [{ key: "econ 101", origins: ["https://a.example"] }] },
      /key must be/u,
    ],
    [
      "an unknown field (a secret has no place here)",
      { sites: [{ key: "econ101", origins: ["https://a.example"], secret: "x" }] },
      /secret/u,
    ],
  ])("refuses %s with a message naming the field", (_name, data, message) => {
    expect(() => parseSites(JSON.stringify(data), "sites.json")).toThrow(message);
  });

  it("refuses text that is not JSON, naming where it came from", () => {
    expect(() => parseSites("{nope", "SITES")).toThrow(/^SITES is not valid JSON/u);
  });

  it("looks sites up by key and origins up across sites", () => {
    const sites = createSiteRegistry(SITES.sites);
    expect(sites.get("econ101")?.limit).toBe(100);
    expect(sites.get("nope")).toBeUndefined();
    expect(sites.knowsOrigin("http://127.0.0.1:8080")).toBe(true);
    expect(sites.knowsOrigin("http://127.0.0.1:8081")).toBe(false);
  });
});

describe("security configuration", () => {
  it("defaults to no sites and limits a classroom behind one address stays within (600 a minute per address, 3,000 per site)", () => {
    const config = parseConfig({});
    expect(config).toMatchObject({
      RATE_LIMIT_PER_ADDRESS: 600,
      RATE_LIMIT_PER_SITE: 3000,
      RATE_LIMIT_WINDOW_SECONDS: 60,
      TRUST_PROXY: false,
    });
    const security = securityFromConfig(config);
    expect(security.sites.size).toBe(0);
    expect(security).toMatchObject({ perAddress: 600, perSite: 3000, windowSeconds: 60 });
  });

  it("takes sites and limits from the environment, and the address from X-Forwarded-For only behind a proxy", () => {
    const security = securityFromConfig(
      parseConfig({
        SITES: JSON.stringify(SITES),
        RATE_LIMIT_PER_ADDRESS: "5",
        TRUST_PROXY: "true",
      }),
    );
    expect(security.sites.get("econ101")).toBeDefined();
    expect(security.perAddress).toBe(5);
    const c = {
      req: {
        header: (n: string) => (n === "x-forwarded-for" ? "198.51.100.1, 203.0.113.9" : undefined),
      },
      env: undefined,
    };
    expect(security.clientAddress(c as never)).toBe("203.0.113.9");
    const direct = securityFromConfig(parseConfig({}));
    expect(direct.clientAddress(c as never)).toBeUndefined();
  });

  it("fails at start when the sites file is invalid", () => {
    expect(() =>
      securityFromConfig(
        parseConfig({ SITES: '{"sites":[{"key":"k1","origins":["moodle.example.edu"]}]}' }),
      ),
    ).toThrow(/SITES is invalid/u);
  });
});

describe("fixed window", () => {
  it("counts hits per key, refuses past the limit with the seconds left, and starts over in the next window", () => {
    let now = 0;
    const w = createFixedWindow({ windowMs: 60_000, now: () => now });
    expect(w.hit("a", 2)).toEqual({ ok: true, remaining: 1 });
    expect(w.hit("a", 2)).toEqual({ ok: true, remaining: 0 });
    now = 59_001;
    expect(w.hit("a", 2)).toEqual({ ok: false, retryAfter: 1 });
    expect(w.hit("b", 2).ok).toBe(true);
    now = 60_000;
    expect(w.hit("a", 2)).toEqual({ ok: true, remaining: 1 });
  });

  it("forgets expired windows when it holds too many keys", () => {
    let now = 0;
    const w = createFixedWindow({ windowMs: 1000, now: () => now, maxKeys: 2 });
    w.hit("a", 1);
    w.hit("b", 1);
    now = 5000;
    expect(w.hit("c", 1).ok).toBe(true);
    expect(w.hit("a", 1).ok).toBe(true);
  });
});
