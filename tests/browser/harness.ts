import { existsSync, readFileSync } from "node:fs";
import { mkdir, mkdtemp, rm } from "node:fs/promises";
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { serve, type ServerType } from "@hono/node-server";
import { chromium, type BrowserContext, type Page } from "playwright-core";
import { createApp } from "../../src/http/app.js";
import { createAssets } from "../../src/http/widget/assets.js";
import { readWidgetFiles } from "../../src/http/widget/files.js";
import { securityOptions } from "../../src/http/security/options.js";
import { readyState } from "../fixtures/service.js";

/** Debian's Chromium; never a downloaded browser. */
export const CHROMIUM = "/usr/bin/chromium";
/** Browser tests run wherever Chromium is installed, and always in CI (where .ci/run installs it). */
export const canRunBrowser = existsSync(CHROMIUM) || process.env.CI === "true";
/** Why the browser tests are skipped, for the test output (null when they run). */
export const skipReason = canRunBrowser
  ? null
  : `${CHROMIUM} is missing (apt-get install chromium; CI=true makes its absence a failure)`;
if (skipReason) console.warn(`browser tests skipped: ${skipReason}`);

/** A suite title that says, when skipped, why. */
export const suiteTitle = (title: string): string =>
  skipReason ? `${title} — skipped: ${skipReason}` : title;

/**
 * A failure a test expects (a refused origin, a 429 it provokes): a request's URL and status, or a
 * console error's text.
 */
export type Expected = (failure: { url: string; status?: number; message?: string }) => boolean;

/**
 * Records what went wrong on `page`: script errors, console errors, requests that failed and
 * responses with an error status — except those `expected` allows. The test fails on any.
 *
 * @example
 *   const problems = watchPage(page);
 *   … // drive the page
 *   expect(problems()).toEqual([]);
 */
export function watchPage(page: Page, expected: Expected = () => false): () => string[] {
  const problems: string[] = [];
  const allowedUrls = new Set<string>();
  page.on("pageerror", (e) => problems.push(`page error on ${page.url()}: ${e.message}`));
  page.on("requestfailed", (r) => {
    if (expected({ url: r.url() })) return void allowedUrls.add(r.url());
    // A navigation away (or a closed page) aborts what was still loading; that is not a failure.
    if (r.failure()?.errorText === "net::ERR_ABORTED" && r.resourceType() !== "fetch") return;
    problems.push(`request failed: ${r.method()} ${r.url()} (${r.failure()?.errorText})`);
  });
  page.on("response", (r) => {
    if (r.status() < 400) return;
    if (expected({ url: r.url(), status: r.status() })) return void allowedUrls.add(r.url());
    problems.push(`HTTP ${r.status()} for ${r.request().method()} ${r.url()}`);
  });
  page.on("console", (m) => {
    if (m.type() !== "error") return;
    const url = m.location().url;
    // The browser's own line for a failed load is already judged above, by its response or failure.
    if (/^Failed to load resource/u.test(m.text()) || allowedUrls.has(url)) return;
    if (expected({ url, message: m.text() })) return;
    problems.push(`console error on ${page.url()}: ${m.text()}`);
  });
  return () => problems;
}
export const ARTIFACTS = fileURLToPath(new URL("../../test-artifacts/", import.meta.url));
export const SITE_KEY = "test-course";

const README = fileURLToPath(new URL("../../README.md", import.meta.url));

/** The README's snippet (`kind`: the script or the iframe form), with HOST and KEY filled in. */
export function readmeSnippet(kind: "script" | "iframe", base: string, key = SITE_KEY): string {
  const pattern =
    kind === "script"
      ? /<script src="https:\/\/HOST\/embed\.js"[^>]*><\/script>/u
      : /<iframe src="https:\/\/HOST\/widget\?site=KEY"[^>]*><\/iframe>/u;
  const found = readFileSync(README, "utf8").match(pattern)?.[0];
  if (!found) throw new Error(`README.md has no ${kind} embed snippet`);
  return found.replaceAll("https://HOST", base).replaceAll("KEY", key);
}

/** A plain course page with a stylesheet that would wreck a widget that were not isolated from it. */
export function coursePage(title: string, snippet: string): string {
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>${title}</title>
<style>* { font-family: "Courier New", monospace !important; color: #604 !important; }
button { background: hotpink !important; font-size: 30px !important; border: 4px dashed red !important; }
div { border: 3px dotted green; padding: 20px; }</style></head>
<body><h1>${title}</h1><p>Week 3 readings: innovation regions in China. Ask the sources below.</p>
${snippet}
</body></html>`;
}

/** Serves `pages` (path → HTML) on an ephemeral 127.0.0.1 port. */
export async function servePages(
  pages: () => Record<string, string>,
): Promise<{ origin: string; close: () => Promise<void> }> {
  const server = createServer((req, res) => {
    if (req.url === "/favicon.ico") return void res.writeHead(204).end();
    const html = pages()[req.url ?? "/"];
    res
      .writeHead(html ? 200 : 404, { "content-type": "text/html; charset=utf-8" })
      .end(html ?? "not found");
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    origin: `http://127.0.0.1:${port}`,
    close: () => new Promise((r) => server.close(() => r())),
  };
}

/** The app over the fixture index on an ephemeral port, with `allowed` as the only embedding origin. */
export async function serveApp(
  allowed: string[],
): Promise<{ base: string; close: () => Promise<void> }> {
  const state = await readyState();
  // The app needs its own origin, known once the ephemeral port is: no request arrives before that.
  let app: ReturnType<typeof createApp> | null = null;
  const server = await new Promise<ServerType>((resolve) => {
    const s = serve(
      { fetch: (req, env) => app!.fetch(req, env), port: 0, hostname: "127.0.0.1" },
      () => resolve(s),
    );
  });
  const { port } = server.address() as AddressInfo;
  const security = securityOptions({
    sites: [{ key: SITE_KEY, name: "Test course", origins: allowed }],
    publicOrigins: [`http://127.0.0.1:${port}`],
  });
  const assets = createAssets(readWidgetFiles());
  app = createApp({ state: () => state, status: () => "ready", security, assets });
  return {
    base: `http://127.0.0.1:${port}`,
    close: () => new Promise((r) => server.close(() => r())),
  };
}

/** Headless Debian Chromium with a fresh profile; `close` also removes the profile. */
export async function launchBrowser(): Promise<{
  context: BrowserContext;
  close: () => Promise<void>;
}> {
  await mkdir(ARTIFACTS, { recursive: true });
  const profile = await mkdtemp(join(tmpdir(), "qa-chromium-"));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM,
    headless: true,
    locale: "en-US",
    viewport: { width: 1100, height: 800 },
    args: [
      "--headless",
      "--no-sandbox",
      "--disable-gpu",
      "--disable-background-networking",
      "--disable-component-update",
      "--no-first-run",
      "--disable-quic",
      "--disable-sync",
    ],
  });
  return {
    context,
    close: async () => {
      await context.close();
      await rm(profile, { recursive: true, force: true });
    },
  };
}
