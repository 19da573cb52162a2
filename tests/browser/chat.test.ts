import { join } from "node:path";
import type { BrowserContext, Page } from "playwright-core";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import {
  ARTIFACTS,
  canRunBrowser,
  coursePage,
  launchBrowser,
  readmeSnippet,
  serveApp,
  servePages,
  suiteTitle,
  watchPage,
  type Expected,
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

let watched: Array<() => string[]> = [];

/** A new tab whose script errors, console errors and failed requests fail the test (unless `expected`). */
async function newPage(expected?: Expected): Promise<Page> {
  const page = await browser!.context.newPage();
  page.setDefaultTimeout(20_000);
  // Every tab starts as a new visitor: no language chosen with the button by an earlier test.
  await page.addInitScript(() => {
    try {
      if (sessionStorage.getItem("test:visited")) return;
      sessionStorage.setItem("test:visited", "1");
      localStorage.clear();
    } catch {
      // Documents without storage (a refused frame) have nothing to forget.
    }
  });
  watched.push(watchPage(page, expected));
  return page;
}

afterEach(() => {
  const problems = watched.flatMap((w) => w());
  watched = [];
  expect(problems).toEqual([]);
});

const shot = (page: Page, name: string) =>
  page.screenshot({ path: join(ARTIFACTS, `${name}.png`), fullPage: false });

/** Asks `question` on the chat page and waits until the answer is complete. */
async function askOnPage(page: Page, question: string, label = "Your question") {
  await page.getByLabel(label).fill(question);
  await page.getByLabel(label).press("Enter");
  const answer = page.locator(".turn-a").last();
  await expect.poll(() => answer.getAttribute("aria-busy")).toBeNull();
  return answer;
}

/** What the page shows of the conversation: each question and answer, in order. */
const conversation = (page: Page) => page.locator(".turn-q, .turn-a .answer").allTextContents();

const COMPARISON =
  "How much R&D spending did a domestic electronics maker in Shenzhen have in 2008 compared with Suzhou?";
/** A question the Zhong'guancun paper answers in one sentence (a record set in 1993). */
const RECORD =
  "What was the record for new-tech firms registered in a single month, and the year it was set?";

/** The unit of every charted value, from the table itself; the chart must agree on one. */
async function chartedUnits(page: Page, answer: ReturnType<Page["locator"]>): Promise<string[]> {
  const labels = await answer.locator(".chart .bar-label").allTextContents();
  const tableId = await page.evaluate(() => {
    const turns = JSON.parse(
      sessionStorage.getItem("regions-qa:conversation:page:") ?? '{"turns":[]}',
    ) as { turns: Array<{ result: { table?: { id: string } } }> };
    return turns.turns.at(-1)?.result.table?.id ?? "";
  });
  const table = (await (
    await page.request.get(`${base}/api/tables/${encodeURIComponent(tableId)}`)
  ).json()) as {
    unit: string | null;
    columns: Array<{ key: string; label: string; unit: string | null }>;
    rows: Array<{
      label: string;
      cells: Array<{ column: string; text: string; unit: string | null }>;
    }>;
  };
  const values = await answer.locator(".chart .bar-value").allTextContents();
  return labels.map((label, i) => {
    // A bar is a row down the answer's column or a column across the answer's row.
    const column = table.columns.find((c) => c.label === label);
    const cells = column
      ? table.rows.flatMap((r) => r.cells.filter((c) => c.column === column.key))
      : (table.rows.find((r) => r.label === label)?.cells ?? []);
    const cell = cells.find((c) => c.text === values[i]);
    const col = table.columns.find((c) => c.key === cell?.column);
    return cell?.unit ?? col?.unit ?? table.unit ?? "";
  });
}

/** Labels and values of the chart that do not fit inside the chart's box or their own. */
const clippedInChart = (answer: ReturnType<Page["locator"]>) =>
  answer.locator("figure.answer-chart").evaluate((figure) => {
    const box = figure.getBoundingClientRect();
    return [...figure.querySelectorAll(".bar-label, .bar-value, figcaption")].flatMap((node) => {
      const r = node.getBoundingClientRect();
      const el = node as HTMLElement;
      const inside = r.left >= box.left - 0.5 && r.right <= box.right + 0.5;
      const whole = el.scrollWidth <= el.clientWidth + 1;
      return inside && whole
        ? []
        : [
            `${el.textContent}: ${Math.round(r.left)}–${Math.round(r.right)} in ${Math.round(box.left)}–${Math.round(box.right)}, ${el.scrollWidth}/${el.clientWidth}`,
          ];
    });
  });

/** Whether the answering cell shows whole in the table's scroll box, beside (not under) the row labels. */
const answerCellShown = (answer: ReturnType<Page["locator"]>) =>
  answer.locator(".table-wrap").evaluate((wrap) => {
    const cell = wrap.querySelector(".hl-cell")!.getBoundingClientRect();
    const labels = wrap.querySelector("tr > :first-child")!.getBoundingClientRect();
    const box = wrap.getBoundingClientRect();
    return cell.left >= labels.right - 1 && cell.right <= box.right + 1;
  });

describe.skipIf(!canRunBrowser)(suiteTitle("chat page (Chromium)"), () => {
  it("streams an answer whose [n] markers open the quote, a reference in the chosen style and the passage page", async () => {
    const page = await newPage();
    await page.goto(`${base}/`);
    await expect.poll(() => page.title()).toBe("Ask the sources");
    await page.getByLabel("Your question").fill(RECORD);
    await page.getByLabel("Your question").press("Enter");
    const answer = page.locator(".turn-a").last();
    await answer.locator(".answer .mark").first().waitFor();
    expect(await answer.locator(".answer").textContent()).toMatch(/1993.*\[1\]/u);

    // Keyboard: the marker is a button; Enter opens the dialog with the verified quote.
    await answer.locator(".answer .mark").first().focus();
    await page.keyboard.press("Enter");
    const dialog = page.getByRole("dialog");
    await expect.poll(() => dialog.isVisible()).toBe(true);
    expect(await page.locator("#cite-quote").textContent()).toMatch(/\b200\b/u);
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
    const res = await page.request.get(`${base}${await link.getAttribute("href")}`);
    expect(res.status()).toBe(200);
    expect(await res.text()).toMatch(/Zhong.guancun/u);
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
    await page.getByLabel("Your question").fill("濱海新區的發展受到哪些國家政策支持？");
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

  it("keeps the conversation: ask → open a citation → open the passage → come back", async () => {
    const page = await newPage();
    await page.goto(`${base}/`);
    const answer = await askOnPage(page, RECORD);
    await answer.locator(".answer .mark").first().click();
    const open = page.getByRole("dialog").getByRole("link", { name: "Open passage" });
    expect(await open.getAttribute("target")).toBe("_blank");
    const [tab] = await Promise.all([page.context().waitForEvent("page"), open.click()]);
    watched.push(watchPage(tab));
    await tab.waitForLoadState();
    expect(tab.url()).toMatch(/\/p\/[\w-]+/u);
    expect(await tab.locator("body").textContent()).toMatch(/Zhong.guancun/u);
    await shot(tab, "passage-from-chat");
    await tab.close();
    // Back in the chat's tab, nothing moved.
    await page.bringToFront();
    await page.keyboard.press("Escape");
    const before = await conversation(page);
    expect(before).toHaveLength(2);
    expect(before[1]).toMatch(/1993.*\[1\]/u);

    // Had the passage opened in this tab, Back (or a reload) brings the conversation back too.
    await page.goto(
      `${base}${await answer.locator("a.passage-link").first().getAttribute("href")}`,
    );
    await page.goBack();
    await expect.poll(() => conversation(page)).toEqual(before);
    await page.reload();
    await expect.poll(() => conversation(page)).toEqual(before);
    await shot(page, "chat-page-restored");
    // A follow-up still carries the earlier turn.
    let sent: { history?: unknown[] } = {};
    page.on("request", (r) => {
      if (r.url().endsWith("/api/ask/stream")) sent = JSON.parse(r.postData() ?? "{}");
    });
    await askOnPage(page, "And by 1986?");
    expect(sent.history).toHaveLength(2);
    // A new conversation forgets it, also across a reload.
    await page.getByRole("button", { name: "New conversation" }).click();
    await page.reload();
    expect(await conversation(page)).toEqual([]);
    await page.close();
  }, 90_000);

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
    expect(await answerCellShown(answer)).toBe(true);
    await answer.locator(".chart").waitFor();
    expect(await answer.locator(".chart .bar").count()).toBeGreaterThanOrEqual(2);
    expect(await answer.locator(".chart .bar.hl").count()).toBe(1);
    expect(new Set(await chartedUnits(page, answer))).toEqual(new Set(["%"]));
    await answer.locator(".chart").scrollIntoViewIfNeeded();
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

  for (const [width, height] of [
    [1280, 900],
    [390, 844],
  ] as const)
    it(`charts a comparison with one unit on its axis and no clipped label, and scrolls the table without hiding columns (${width} px)`, async () => {
      const page = await newPage();
      await page.setViewportSize({ width, height });
      await page.goto(`${base}/`);
      const answer = await askOnPage(page, COMPARISON);
      await answer.locator(".chart .bar").first().waitFor();
      expect(await answerCellShown(answer)).toBe(true);
      const units = await chartedUnits(page, answer);
      expect(units.length).toBeGreaterThanOrEqual(2);
      expect(new Set(units)).toEqual(new Set(["thousand yuan"]));
      expect(await answer.locator(".chart").getAttribute("data-unit")).toBe("thousand yuan");
      const caption = (await answer.locator(".answer-chart figcaption").textContent()) ?? "";
      expect(caption.split("thousand yuan")).toHaveLength(2); // the unit once, not twice
      expect(await clippedInChart(answer)).toEqual([]);
      await answer.locator(".answer-chart").scrollIntoViewIfNeeded();
      await shot(page, `chat-chart-${width}`);

      // Every column can be brought fully into view beside the sticky row labels.
      const hidden = await answer.locator(".table-wrap").evaluate((wrap) => {
        const heads = [...wrap.querySelectorAll("thead th")] as HTMLElement[];
        const sticky = heads[0]!;
        const stickyWidth = sticky.getBoundingClientRect().width;
        return heads.slice(1).flatMap((th) => {
          // Scroll so that the column starts where the sticky labels end.
          wrap.scrollLeft = 0;
          const at =
            th.getBoundingClientRect().left - wrap.getBoundingClientRect().left - wrap.clientLeft;
          wrap.scrollLeft = at - stickyWidth;
          const r = th.getBoundingClientRect();
          const w = wrap.getBoundingClientRect();
          const ok = r.left >= sticky.getBoundingClientRect().right - 1 && r.right <= w.right + 1;
          return ok ? [] : [`${th.textContent}: ${Math.round(r.left)}–${Math.round(r.right)}`];
        });
      });
      expect(hidden).toEqual([]);
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
    await page.getByLabel("你的问题").fill("1995年北京实验区有多少家金融机构？");
    await page.getByRole("button", { name: "提问" }).click();
    await page.locator(".turn-a .answer").first().waitFor();
    await expect.poll(() => page.locator(".turn-a").first().getAttribute("aria-busy")).toBeNull();
    await shot(page, "chat-page-zh");
    await page.getByRole("button", { name: "Switch to English" }).click();
    expect(await page.locator("h1").textContent()).toBe("Ask the sources");
    await page.close();
  }, 60_000);

  it("gives a zh-TW browser a Traditional interface, abstentions included, and switches back to it from English", async () => {
    const page = await newPage();
    await page.addInitScript(() =>
      Object.defineProperty(navigator, "languages", { get: () => ["zh-TW", "zh", "en"] }),
    );
    await page.goto(`${base}/`);
    await expect.poll(() => page.locator("h1").textContent()).toBe("向文獻提問");
    expect(await page.getAttribute("html", "lang")).toBe("zh-Hant");
    expect(await page.getByRole("button", { name: "提問" }).count()).toBe(1);
    const answer = await askOnPage(page, "What was the GDP of Mars in 2015?", "你的問題");
    expect(await answer.getAttribute("class")).toContain("abstained");
    expect(await answer.locator(".answer").textContent()).toBe("文獻中沒有能回答這個問題的內容。");
    await shot(page, "chat-page-zh-hant");
    await page.getByRole("button", { name: "Switch to English" }).click();
    expect(await answer.locator(".answer").textContent()).toBe(
      "The sources do not answer this question.",
    );
    await page.getByRole("button", { name: "切換到中文" }).click();
    expect(await page.locator("h1").textContent()).toBe("向文獻提問");
    await page.close();
  }, 60_000);

  it("after a 429 keeps the question in the box and counts down until it can be asked", async () => {
    const page = await newPage(
      ({ url, status }) => status === 429 && url.endsWith("/api/ask/stream"),
    );
    await page.route(
      "**/api/ask/stream",
      (route) =>
        route.fulfill({
          status: 429,
          headers: { "retry-after": "2", "content-type": "application/problem+json" },
          body: JSON.stringify({ status: 429, title: "Too Many Requests", detail: "Slow down." }),
        }),
      { times: 1 },
    );
    await page.goto(`${base}/`);
    const question = "What did Skyworth make when it started out in 1990?";
    await page.getByLabel("Your question").fill(question);
    await page.getByLabel("Your question").press("Enter");
    const send = page.getByRole("button", { name: /^Ask/u });
    await expect.poll(() => page.locator("#notice").textContent()).toMatch(/still in the box/u);
    expect(await page.getByLabel("Your question").inputValue()).toBe(question);
    expect(await send.isDisabled()).toBe(true);
    expect(await send.textContent()).toMatch(/^Ask \([12]\)$/u);
    expect(await page.locator(".turn-q").count()).toBe(0);
    await shot(page, "chat-page-429");
    await expect.poll(() => send.isDisabled(), { timeout: 5000 }).toBe(false);
    expect(await send.textContent()).toBe("Ask");
    expect(await page.locator("#notice").textContent()).toBe("You can ask again now.");
    // Now it is asked, as typed.
    const answer = await askOnPage(page, question);
    expect(await answer.locator(".answer").textContent()).toMatch(/\[1\]/u);
    await page.close();
  }, 60_000);
});

describe.skipIf(!canRunBrowser)(suiteTitle("embedding (Chromium, second origin)"), () => {
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
      .fill("What did Skyworth make when it started out in 1990?");
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
    // Refused by design: the site check, the API call and the framed widget from this origin.
    const page = await newPage(
      ({ url, message }) =>
        url.startsWith(`${base}/api/`) ||
        url.startsWith(`${base}/widget`) ||
        Boolean(message?.includes(`${base}/`)),
    );
    // Hold the site check back until the waiting notice has been seen: it is a status, not an alert.
    let release = () => {};
    const held = new Promise<void>((resolve) => (release = resolve));
    await page.route(`${base}/api/site*`, async (route) => {
      await held;
      await route.continue();
    });
    await page.goto(`${stranger.origin}/`);
    await page.getByRole("button", { name: "Ask the sources" }).click();
    await page.getByRole("status").waitFor();
    expect(await page.getByRole("status").textContent()).toBe("Connecting…");
    expect(await page.getByRole("alert").count()).toBe(0);
    release();
    const alert = page.getByRole("alert");
    await alert.waitFor();
    expect(await alert.textContent()).toContain(
      `${stranger.origin} is not on the list for site key "test-course"`,
    );
    expect(await page.locator("iframe").count()).toBe(0);
    // The "Connecting…" notice was a status, not an alert, and the refusal replaced it.
    expect(await page.getByRole("status").count()).toBe(0);
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
