import { describe, expect, it } from "vitest";
import { createApp } from "../../src/http/app.js";
import { createAssets } from "../../src/http/widget/assets.js";
import { readWidgetFiles } from "../../src/http/widget/files.js";

// The chat page needs no index to be served.
const app = createApp({
  state: () => null,
  status: () => "loading",
  assets: createAssets(readWidgetFiles()),
});

describe("chat page and widget files", () => {
  it("serves the chat page as HTML that loads only this origin's script and stylesheet, with labelled controls", async () => {
    const res = await app.request("/");
    expect(res.status).toBe(200);
    const html = await res.text();
    expect(html).toContain('data-mode="page"');
    expect(html).toContain('<script src="/assets/chat.js" defer></script>');
    expect(html).toMatch(/<label for="q"[^>]*>Your question<\/label>/u);
    expect(html).toMatch(/<label for="cite-style"[^>]*>Citation style<\/label>/u);
    expect(html).not.toMatch(/<script>|style="/u);
  });

  it("serves scripts and styles with an ETag and answers 304 when unchanged; unknown files are 404", async () => {
    const js = await app.request("/assets/chat.js");
    expect(js.status).toBe(200);
    expect(js.headers.get("content-type")).toMatch(/^text\/javascript/u);
    const etag = js.headers.get("etag")!;
    expect(
      (await app.request("/assets/chat.js", { headers: { "if-none-match": etag } })).status,
    ).toBe(304);
    expect((await app.request("/assets/chat.css")).headers.get("content-type")).toMatch(
      /^text\/css/u,
    );
    expect((await app.request("/assets/secret.txt")).status).toBe(404);
    expect((await app.request("/assets/..%2Fpage.ts")).status).toBe(404);
    expect(await (await app.request("/embed.js")).text()).toContain("data-site");
  });

  it("answers the browser's icon request with No Content rather than a 404", async () => {
    expect((await app.request("/favicon.ico")).status).toBe(204);
  });
});
