import { readFileSync } from "node:fs";
import type { AddressInfo } from "node:net";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { serve, type ServerType } from "@hono/node-server";
import type { BrowserContext } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createGenerativeAnswerer } from "../../src/answer/generative/answer.js";
import { createChatClient } from "../../src/answer/generative/client.js";
import { parsePrompts } from "../../src/answer/generative/prompts.js";
import { createApp } from "../../src/http/app.js";
import { securityOptions } from "../../src/http/security/options.js";
import { createAssets } from "../../src/http/widget/assets.js";
import { readWidgetFiles } from "../../src/http/widget/files.js";
import { idOf, startChatServer } from "../fixtures/chat-server.js";
import { readyState } from "../fixtures/service.js";
import { ARTIFACTS, canRunBrowser, launchBrowser, suiteTitle, watchPage } from "./harness.js";

// The chat page over an app whose generative answerer is a scripted model on 127.0.0.1: the model
// is chosen by the question, so one page shows a generated answer and a fallback.
const GENERATED = "At the end of 1994 the new-tech firms numbered 4299";
let base = "";
let close = async () => {};
let browser: { context: BrowserContext; close: () => Promise<void> } | null = null;

beforeAll(async () => {
  if (!canRunBrowser) return;
  const state = await readyState();
  const model = await startChatServer({
    scripted: (r) => {
      const id = idOf(r, /4299/u);
      const stalls = r.messages.some((m) => m.content.includes("Question: Stall"));
      return stalls
        ? { kind: "stream", pieces: [`${GENERATED} [${id}]. Then`, " more"], pauseMs: 10_000 }
        : { kind: "stream", pieces: [`${GENERATED} [${id}].`] };
    },
  });
  const prompts = parsePrompts((f) =>
    readFileSync(fileURLToPath(new URL(`../../prompts/${f}`, import.meta.url)), "utf8"),
  );
  const generative = createGenerativeAnswerer({
    model: createChatClient({ url: `${model.url}/v1`, model: "scripted" }),
    prompts,
    translator: null,
    cite: { raw: (s) => state.rawTexts.get(s), title: (d) => d },
    threshold: 0,
    timeoutMs: 1_000,
    passages: 5,
    log: () => {},
  });
  // The app needs its own origin (same-origin is exact), known once the ephemeral port is.
  let app: ReturnType<typeof createApp> | null = null;
  const server = await new Promise<ServerType>((resolve) => {
    const s = serve(
      { fetch: (req, env) => app!.fetch(req, env), port: 0, hostname: "127.0.0.1" },
      () => resolve(s),
    );
  });
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  app = createApp({
    state: () => ({ ...state, generative }),
    status: () => "ready",
    security: securityOptions({ publicOrigins: [base] }),
    assets: createAssets(readWidgetFiles()),
  });
  close = async () => {
    await new Promise((r) => server.close(() => r(undefined)));
    await model.close();
  };
  browser = await launchBrowser();
}, 120_000);

afterAll(async () => {
  await browser?.close();
  await close();
});

describe.skipIf(!canRunBrowser)(
  suiteTitle("chat page with a generative answerer (Chromium)"),
  () => {
    it("shows a generated answer as such, and on a fallback forgets the sentences streamed before it", async () => {
      const page = await browser!.context.newPage();
      page.setDefaultTimeout(20_000);
      const problems = watchPage(page);
      await page.goto(`${base}/`);
      // Every text the answer box shows while answering.
      await page.evaluate(() => {
        const w = window as unknown as { shown: string[] };
        w.shown = [];
        new MutationObserver(() => {
          const answer = document.querySelector(".turn-a:last-of-type .answer");
          if (answer) w.shown.push(answer.textContent ?? "");
        }).observe(document.getElementById("log")!, {
          subtree: true,
          childList: true,
          characterData: true,
        });
      });
      const ask = async (question: string) => {
        const n = await page.locator(".turn-a").count();
        await page.getByLabel("Your question").fill(question);
        await page.getByLabel("Your question").press("Enter");
        const answer = page.locator(".turn-a").nth(n);
        await answer.locator(".answer .mark").first().waitFor();
        return answer;
      };

      const generated = await ask(
        "How large had the zone's count of new-tech firms grown by late 1994?",
      );
      expect(await generated.locator(".answer").textContent()).toBe(`${GENERATED}. [1]`);
      expect(await generated.locator(".generated").textContent()).toMatch(/language model/u);
      await generated.locator(".answer .mark").first().click();
      expect(await page.locator("#cite-quote").textContent()).toMatch(/4299/u);
      await page.keyboard.press("Escape");

      await page.evaluate(() => ((window as unknown as { shown: string[] }).shown = []));
      const fallback = await ask("Stall: what number of new-tech firms did the BEZ reach in 1994?");
      const final = (await fallback.locator(".answer").textContent())!;
      expect(final).not.toContain(GENERATED);
      expect(await fallback.locator(".generated").count()).toBe(0);
      const shown = await page.evaluate(() => (window as unknown as { shown: string[] }).shown);
      // The verified sentence was shown while the model streamed, then reset, never beside the fallback.
      expect(shown.some((t) => t.startsWith(GENERATED))).toBe(true);
      expect(shown.filter((t) => t.includes(GENERATED) && t.includes(final.slice(0, 20)))).toEqual(
        [],
      );
      await page.screenshot({ path: join(ARTIFACTS, "chat-generative.png"), fullPage: true });
      expect(problems()).toEqual([]);
      await page.close();
    }, 60_000);
  },
);
