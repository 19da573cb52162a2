import { join } from "node:path";
import type { BrowserContext, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  ARTIFACTS,
  canRunBrowser,
  coursePage,
  launchBrowser,
  readmeSnippet,
  serveApp,
  servePages,
} from "./harness.js";

// One app server over the fixture index, a course site on a second 127.0.0.1 port that is on the
// site key's list, and a stranger site on a third port that is not; one Chromium for all tests.
let base = "";
let course = { origin: "", close: async () => {} };
let stranger = { origin: "", close: async () => {} };
let app = { base: "", close: async () => {} };
let browser: { context: BrowserContext; close: () => Promise<void> } | null = null;

const pages = (title: string) => () => ({
  "/": coursePage(title, readmeSnippet("script", base)),
  "/iframe.html": coursePage(`${title} (iframe)`, readmeSnippet("iframe", base)),
});

beforeAll(async () => {
  if (!canRunBrowser) return;
  course = await servePages(pages("ECON 101 — allowed course site"));
  stranger = await servePages(pages("Unlisted site"));
  app = await serveApp([course.origin]);
  base = app.base;
  browser = await launchBrowser();
}, 120_000);

afterAll(async () => {
  await browser?.close();
  await Promise.all([app.close(), course.close(), stranger.close()]);
});

async function newPage(): Promise<Page> {
  const page = await browser!.context.newPage();
  page.setDefaultTimeout(20_000);
  // Script errors fail the test run's logs loudly rather than silently.
  page.on("pageerror", (e) => console.error(`page error on ${page.url()}: ${e.message}`));
  return page;
}

const shot = (page: Page, name: string) =>
  page.screenshot({ path: join(ARTIFACTS, `${name}.png`), fullPage: false });

describe.skipIf(!canRunBrowser)("chat page (Chromium)", () => {
  it("streams an answer whose [n] markers open the quote, a reference in the chosen style and the passage page", async () => {
    const page = await newPage();
    await page.goto(`${base}/`);
    await expect.poll(() => page.title()).toBe("Ask the sources");
    await page
      .getByLabel("Your question")
      .fill("How many firms were operating in Zhong'guancun by the end of 1983?");
    await page.getByLabel("Your question").press("Enter");
    const answer = page.locator(".turn-a").last();
    await answer.locator(".answer .mark").first().waitFor();
    expect(await answer.locator(".answer").textContent()).toMatch(/1983.*\[1\]/u);

    // Keyboard: the marker is a button; Enter opens the dialog with the verified quote.
    await answer.locator(".answer .mark").first().focus();
    await page.keyboard.press("Enter");
    const dialog = page.getByRole("dialog");
    await expect.poll(() => dialog.isVisible()).toBe(true);
    expect(await page.locator("#cite-quote").textContent()).toMatch(/eleven|11/u);
    expect(await page.locator("#cite-ref").textContent()).toMatch(/\((\d{4}|n\.d\.)\)/u); // APA: (year)
    await page.getByLabel("Citation style").selectOption("bibtex");
    await expect.poll(() => page.locator("#cite-ref").textContent()).toMatch(/^@\w+\{/u);
    await page.getByRole("button", { name: "Copy citation" }).click();
    await expect.poll(() => page.locator("#copy-status").textContent()).toMatch(/copied|copy/iu);
    await shot(page, "chat-page-citation");
    await page.keyboard.press("Escape");
    await expect.poll(() => dialog.isVisible()).toBe(false);

    // The citation's passage link opens the passage page with the quote.
    const link = answer.locator("a.passage-link").first();
    expect(await link.getAttribute("href")).toMatch(/^\/p\/[\w-]+/u);
    await shot(page, "chat-page");
    const [res] = await Promise.all([page.waitForNavigation(), link.click()]);
    expect(res?.status()).toBe(200);
    expect(await page.locator("body").textContent()).toMatch(/Zhong.guancun/u);
    await page.close();
  }, 60_000);

  it("offers the in-text citation and copies the quotation exactly, with its in-text citation and reference", async () => {
    const page = await newPage();
    await page.goto(`${base}/`);
    // Copies are captured instead of reaching the system clipboard.
    await page.evaluate(() => {
      const copied: string[] = [];
      (window as unknown as { copied: string[] }).copied = copied;
      navigator.clipboard.writeText = async (text: string) => {
        copied.push(text);
      };
    });
    await page.getByLabel("Your question").fill("天津濱海新區的發展受到哪些國家政策支持？");
    await page.getByLabel("Your question").press("Enter");
    const answer = page.locator(".turn-a").last();
    await answer.locator(".answer .mark").first().waitFor();
    await answer.locator(".answer .mark").first().click();
    // The style chosen earlier is remembered; this test wants APA.
    await page.getByLabel("Citation style").selectOption("apa");
    await expect.poll(() => page.locator("#cite-ref").textContent()).toMatch(/\(n\.d\.\)/u);
    await expect.poll(() => page.locator("#cite-intext").textContent()).toMatch(/n\.d\./u);
    const quote = (await page.locator("#cite-quote").textContent())!;
    const inText = (await page.locator("#cite-intext").textContent())!;
    const reference = (await page.locator("#cite-ref").textContent())!;
    expect(quote).toContain("，");
    expect(inText).toMatch(/^\(.+, n\.d\., .+\)$/u);
    await page.getByRole("button", { name: "Copy quotation with reference" }).click();
    await page.getByRole("button", { name: "Copy in-text citation" }).click();
    await expect
      .poll(() => page.evaluate(() => (window as unknown as { copied: string[] }).copied))
      .toEqual([`「${quote}」${inText}\n\n${reference}`, inText]);
    // Another style: the in-text citation follows it.
    await page.getByLabel("Citation style").selectOption("chicago");
    await expect.poll(() => page.locator("#cite-intext").textContent()).toMatch(/ n\.d\., /u);
    await shot(page, "chat-page-citation-quotation");
    await page.close();
  }, 60_000);

  it("shows a table answer as a table and, for a comparison, a bar chart; follows up with history", async () => {
    const page = await newPage();
    await page.setViewportSize({ width: 390, height: 844 }); // a phone
    await page.goto(`${base}/`);
    await page
      .getByLabel("Your question")
      .fill("Which region had the highest mean % R&D expenditure in revenue among hardware firms?");
    await page.getByRole("button", { name: "Ask", exact: true }).click();
    const answer = page.locator(".turn-a").last();
    await answer.locator("figure.answer-table table").waitFor();
    expect(await answer.locator(".hl-cell").textContent()).toContain("32.05");
    await answer.locator("svg.chart").waitFor();
    expect(await answer.locator("svg.chart .bar-rect").count()).toBeGreaterThanOrEqual(2);
    expect(await answer.locator("svg.chart .bar-rect.hl").count()).toBe(1);
    await answer.locator("svg.chart").scrollIntoViewIfNeeded();
    await shot(page, "chat-page-phone-table-chart");

    let sent: { history?: unknown[] } = {};
    page.on("request", (r) => {
      if (r.url().endsWith("/api/ask/stream")) sent = JSON.parse(r.postData() ?? "{}");
    });
    await page.getByLabel("Your question").fill("And the lowest?");
    await page.getByLabel("Your question").press("Enter");
    await page.locator(".turn-a").nth(1).locator(".answer").waitFor();
    await expect.poll(() => page.locator(".turn-a").nth(1).getAttribute("aria-busy")).toBeNull();
    expect(sent.history).toHaveLength(2);
    await page.close();
  }, 60_000);

  it("follows the browser language (中文) and switches with the language button", async () => {
    const page = await newPage();
    await page.addInitScript(() =>
      Object.defineProperty(navigator, "languages", { get: () => ["zh-CN", "zh"] }),
    );
    await page.goto(`${base}/`);
    await expect.poll(() => page.locator("h1").textContent()).toBe("向文献提问");
    expect(await page.getAttribute("html", "lang")).toBe("zh-Hans");
    await page.getByLabel("你的问题").fill("1983年底中关村有多少家企业？");
    await page.getByRole("button", { name: "提问" }).click();
    await page.locator(".turn-a .answer").first().waitFor();
    await expect.poll(() => page.locator(".turn-a").first().getAttribute("aria-busy")).toBeNull();
    await shot(page, "chat-page-zh");
    await page.getByRole("button", { name: "Switch to English" }).click();
    expect(await page.locator("h1").textContent()).toBe("Ask the sources");
    await page.close();
  }, 60_000);
});

describe.skipIf(!canRunBrowser)("embedding (Chromium, second origin)", () => {
  it("the README snippet on an allowed origin opens the widget in an iframe, isolated from the page's CSS, and answers", async () => {
    const page = await newPage();
    await page.goto(`${course.origin}/`);
    const launcher = page.getByRole("button", { name: "Ask the sources" });
    await launcher.waitFor();
    // The host page's `button { font-size: 30px !important }` does not reach the launcher.
    expect(await launcher.evaluate((b) => getComputedStyle(b).fontSize)).toBe("15px");
    await launcher.click();
    const frameEl = page.locator(`iframe[src^="${base}/widget?site="]`);
    await frameEl.waitFor();
    const frame = page.frameLocator(`iframe[src^="${base}/widget?site="]`);
    await frame
      .getByLabel("Your question")
      .fill("By 1990, how many electronics firms were in Shenzhen?");
    await frame.getByLabel("Your question").press("Enter");
    await frame.locator(".turn-a .answer .mark").first().waitFor();
    expect(await frame.locator(".turn-a .answer").first().textContent()).toMatch(/\[1\]/u);
    await shot(page, "widget-embedded");
    await frame.locator(".turn-a .answer .mark").first().click();
    await frame.locator("#cite-quote").waitFor();
    expect(await frame.locator("a.passage-link").first().getAttribute("target")).toBe("_blank");
    await shot(page, "widget-embedded-citation");

    // The iframe form of the snippet works on the same origin too.
    await page.goto(`${course.origin}/iframe.html`);
    await page.frameLocator("iframe").getByLabel("Your question").waitFor();
    expect(await page.frameLocator("iframe").locator("#notice").isHidden()).toBe(true);
    await page.close();
  }, 60_000);

  it("an origin not on the list gets a clear message, a refused iframe and refused API calls", async () => {
    const page = await newPage();
    await page.goto(`${stranger.origin}/`);
    await page.getByRole("button", { name: "Ask the sources" }).click();
    const alert = page.getByRole("alert");
    await alert.waitFor();
    expect(await alert.textContent()).toContain(
      `${stranger.origin} is not on the list for site key "test-course"`,
    );
    expect(await page.locator("iframe").count()).toBe(0);
    await shot(page, "widget-refused");

    // Calling the API directly from this origin fails (403 without CORS headers), and so does framing.
    const outcome = await page.evaluate(async (url) => {
      try {
        const res = await fetch(`${url}/api/ask`, {
          method: "POST",
          headers: { "content-type": "application/json" },
          body: '{"question":"q"}',
        });
        return `status ${res.status}`;
      } catch (e) {
        return `refused: ${(e as Error).name}`;
      }
    }, base);
    expect(outcome).toBe("refused: TypeError");
    // The iframe form of the snippet shows why instead of the chat.
    await page.goto(`${stranger.origin}/iframe.html`);
    const frame = page.frameLocator("iframe");
    await frame.getByRole("alert").waitFor();
    expect(await frame.getByRole("alert").textContent()).toContain(
      `not enabled on ${stranger.origin}`,
    );
    expect(await frame.locator("#ask").count()).toBe(0);
    await shot(page, "widget-iframe-refused");

    // Without a Referer the server cannot tell, so it sends the chat — and the browser refuses to frame it.
    await page.setContent(
      `<iframe referrerpolicy="no-referrer" src="${base}/widget?site=test-course"></iframe>`,
    );
    await page.waitForLoadState("load");
    const bare = page.frames().find((f) => f !== page.mainFrame());
    expect(
      await bare
        ?.locator("#ask")
        .count()
        .catch(() => 0),
    ).toBe(0);
    await page.close();
  }, 60_000);
});
