import { createHash } from "node:crypto";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import type { Chunk } from "../../src/chunks/types.js";
import { formatReference } from "../../src/cite/index.js";
import { escapeHtml } from "../../src/cite/runs.js";
import { createApp } from "../../src/http/app.js";
import { contextBounds } from "../../src/http/pages/passage-html.js";
import type { ReadyState } from "../../src/http/state.js";
import { indexCorpus } from "../fixtures/pdf.js";
import { CORPUS_DIR, readyApp } from "../fixtures/service.js";

let state: ReadyState;
let app: Awaited<ReturnType<typeof readyApp>>["app"];
beforeAll(async () => {
  ({ state, app } = await readyApp());
}, 120_000);

const chunksOf = (s: ReadyState, docId: string): Chunk[] =>
  s.qa.passageIdsOf(docId).map((id) => s.qa.passage(id)!.chunk);
const between = (html: string, open: RegExp, close: string): string => {
  const m = open.exec(html);
  if (!m) return "";
  const from = m.index + m[0].length;
  return html.slice(from, html.indexOf(close, from));
};
const cspHash = (text: string) =>
  `'sha256-${createHash("sha256").update(text, "utf8").digest("base64")}'`;

async function askFirstCitation(question: string) {
  const res = await app.request("/api/ask", {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ question }),
  });
  return (await res.json()).citations[0] as {
    passageId: string;
    source: string;
    start: number;
    end: number;
    quote: string;
    view: string;
  };
}

describe("GET /p/:id", () => {
  it("is a self-contained HTML page whose only inline style and script are allowed by hash in a strict CSP", async () => {
    const id = state.qa.passageIdsOf("chen-2014-varieties-of-global-capital")[3]!;
    const res = await app.request(`/p/${id}`);
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toMatch(/^text\/html/u);
    const csp = res.headers.get("content-security-policy")!;
    expect(csp).toMatch(/default-src 'none'/u);
    expect(csp).not.toMatch(/unsafe-inline|unsafe-eval|\*/u);
    const html = await res.text();
    expect(html.match(/<script/gu)).toHaveLength(1);
    expect(html.match(/<style/gu)).toHaveLength(1);
    expect(csp).toContain(`script-src ${cspHash(between(html, /<script>/u, "</script>"))}`);
    expect(csp).toContain(`style-src ${cspHash(between(html, /<style>/u, "</style>"))}`);
    // No external assets, inline handlers or style attributes (which a hash cannot allow).
    expect(html).not.toMatch(/<link|<img|<iframe|\ssrc=|\son[a-z]+=|\sstyle=|\shref="(?!\/)/u);
  });

  it("highlights a quote given by raw offsets and shows it with a copyable quotation", async () => {
    const c = await askFirstCitation("What did Skyworth make when it started out in 1990?");
    expect(c.view).toBe(`/p/${c.passageId}?start=${c.start}&end=${c.end}`);
    const html = await (await app.request(c.view)).text();
    // The context shows display text: the highlight is exactly the quote, and so is what is copied.
    expect(between(html, /<mark>/u, "</mark>")).toBe(escapeHtml(c.quote));
    expect(between(html, /<blockquote[^>]*>/u, "</blockquote>")).toBe(escapeHtml(c.quote));
    expect(html).toContain(`data-copy="${escapeHtml(`“${c.quote}” (Chen, 2014, “`)}`);
  });

  it("highlights the whole passage when no quote is given, between context marked as cut with an ellipsis", async () => {
    const chunks = chunksOf(state, "chen-2014-varieties-of-global-capital");
    const middle = chunks[Math.floor(chunks.length / 2)]!;
    const html = await (await app.request(`/p/${middle.id}`)).text();
    expect(between(html, /<mark>/u, "</mark>")).toBe(escapeHtml(middle.display));
    expect(html).not.toContain("<h2>Quotation</h2>");
    const context = between(html, /<div class="context"[^>]*>/u, "</div>");
    expect(context.startsWith('<span class="gap"')).toBe(true);
    expect(context.endsWith("…</span>")).toBe(true);
    const first = await (await app.request(`/p/${chunks[0]!.id}`)).text();
    expect(
      between(first, /<div class="context"[^>]*>/u, "</div>").startsWith('<span class="gap"'),
    ).toBe(chunks[0]!.start > 600);
  });

  it("shows the reference in every style with copy buttons, and the passage's locator", async () => {
    const chunk = chunksOf(state, "zhou-2010-decentering-spatial-fix").find(
      (c) => c.section === "12.1. Labor productivity",
    )!;
    const html = await (await app.request(`/p/${chunk.id}`)).text();
    expect(html).toContain(`<h1 lang="en">§12.1 “Labor productivity”, ¶ ${chunk.paragraph}</h1>`);
    const entry = state.entryFor(chunk.docId);
    for (const style of ["apa", "chicago", "mla", "bibtex", "ris"] as const)
      expect(html).toContain(`data-copy="${escapeHtml(formatReference(entry, style))}"`);
    expect(html).toMatch(
      new RegExp(
        `data-copy="\\(Zhou et al\\., [^,]+, Section 12\\.1, para\\. ${chunk.paragraph}\\)"`,
        "u",
      ),
    );
    expect(html).toContain(`href="/api/cite?passage=${chunk.id}&amp;style=bibtex&amp;format=text"`);
  });

  it("links the previous and next passages of the document", async () => {
    const chunks = chunksOf(state, "liefner-kroll-2019-regional-innovation");
    const [previous, current, next] = chunks.slice(4, 7) as [Chunk, Chunk, Chunk];
    const html = await (await app.request(`/p/${current.id}`)).text();
    expect(html).toContain(`<a href="/p/${previous.id}">← Previous passage</a>`);
    expect(html).toContain(`<a href="/p/${next.id}">Next passage →</a>`);
    expect((await app.request(`/p/${next.id}`)).status).toBe(200);
    const firstPage = await (await app.request(`/p/${chunks[0]!.id}`)).text();
    expect(firstPage).not.toContain("Previous passage");
  });

  it("answers invalid quote ranges with a 400 HTML page", async () => {
    const chunk = chunksOf(state, "chen-2014-varieties-of-global-capital")[5]!;
    for (const range of [
      `start=${chunk.start - 1}&end=${chunk.start + 30}`,
      `start=${chunk.start + 30}&end=${chunk.end + 1}`,
      `start=${chunk.start + 30}&end=${chunk.start + 30}`,
      `start=${chunk.start}`,
      "start=a&end=b",
      "start=-1&end=3",
    ]) {
      const res = await app.request(`/p/${chunk.id}?${range}`);
      expect(res.status, range).toBe(400);
      expect(res.headers.get("content-type")).toMatch(/^text\/html/u);
      expect(res.headers.get("content-security-policy")).toMatch(/default-src 'none'/u);
      expect(await res.text()).toContain("<h1>Invalid quotation range</h1>");
    }
  });

  it("answers an unknown passage with a 404 HTML page and escapes the id it echoes", async () => {
    const res = await app.request(`/p/${encodeURIComponent("<img src=x onerror=alert(1)>")}`);
    expect(res.status).toBe(404);
    expect(res.headers.get("content-type")).toMatch(/^text\/html/u);
    const html = await res.text();
    expect(html).toContain("<h1>Passage not found</h1>");
    expect(html).toContain("&lt;img src=x onerror=alert(1)&gt;");
    expect(html).not.toContain("<img");
  });

  it("answers with a 503 HTML page while the index is loading", async () => {
    const loading = createApp({ state: () => null, status: () => "building index" });
    const res = await loading.request("/p/p123");
    expect(res.status).toBe(503);
    expect(res.headers.get("retry-after")).toBe("5");
    expect(res.headers.get("content-type")).toMatch(/^text\/html/u);
  });
});

describe("contextBounds", () => {
  const raw =
    "First sentence here. Second one follows. The passage itself. After one. After two. The last sentence";
  it("cuts context at sentence ends, never inside a word", () => {
    const start = raw.indexOf("The passage");
    const end = start + "The passage itself.".length;
    const { from, to } = contextBounds(raw, start, end, 30);
    expect(raw.slice(from, start)).toBe("Second one follows. ");
    expect(raw.slice(end, to)).toBe(" After one. After two.");
  });
  it("keeps the whole text when it fits", () => {
    expect(contextBounds(raw, 10, 20, 1000)).toEqual({ from: 0, to: raw.length });
  });
});

describe("passages of a freshly indexed corpus", () => {
  const prose = (topic: string) =>
    `# 1. ${topic}\n\n${Array.from({ length: 12 }, (_, i) => `Sentence ${i + 1} about ${topic} describes firms, universities and laboratories of the region.`).join(" ")}\n\n## 2. Outlook\n\nThe ${topic} outlook depends on venture capital and on skilled engineers returning from abroad.\n`;

  it("keeps every unchanged passage's id (and its page) when the corpus is re-indexed", async () => {
    const files = { "hsinchu.txt": prose("Hsinchu"), "daedeok.md": prose("Daedeok") };
    const first = await indexCorpus(files);
    const again = await indexCorpus(files);
    expect(again.state.qa.passageIdsOf("hsinchu")).toEqual(first.state.qa.passageIdsOf("hsinchu"));
    expect(again.state.qa.passageIdsOf("daedeok")).toEqual(first.state.qa.passageIdsOf("daedeok"));
    // Another document changes and this one gets a new closing paragraph: the passages that did not change keep their ids.
    const changed = await indexCorpus({
      "hsinchu.txt": `${prose("Hsinchu")}\n## 3. Postscript\n\nA new closing paragraph about the park's third phase was added later.\n`,
      "daedeok.md": prose("Daedeok Innopolis"),
    });
    const kept = first.state.qa.passageIdsOf("hsinchu");
    expect(changed.state.qa.passageIdsOf("hsinchu").slice(0, kept.length)).toEqual(kept);
    expect(changed.state.qa.passageIdsOf("hsinchu").length).toBeGreaterThan(kept.length);
    expect(changed.state.qa.passageIdsOf("daedeok")).not.toContain(
      first.state.qa.passageIdsOf("daedeok")[0],
    );
    const later = createApp({ state: () => changed.state, status: () => "ready" });
    expect((await later.request(`/p/${kept[0]}`)).status).toBe(200);
  }, 60_000);

  it("escapes document text and catalog fields, so markup in a source cannot run", async () => {
    const text = `# 1. Markup & safety\n\nThe parser met <script>alert('owned')</script> in a sentence about Hsinchu & Daedeok, and kept going. A second sentence follows about science parks and their "tenants".\n`;
    const catalog = {
      unsafe: {
        source: "unsafe.txt",
        type: "report",
        title: `Tags <i>and</i> & "quotes"`,
        authors: [{ literal: `O'Brien & <Co>` }],
        year: 2020,
      },
    };
    const { state: s } = await indexCorpus({
      "unsafe.txt": text,
      "catalog.json": JSON.stringify(catalog),
    });
    const id = s.qa.passageIdsOf("unsafe")[0]!;
    const html = await (
      await createApp({ state: () => s, status: () => "ready" }).request(`/p/${id}`)
    ).text();
    expect(html.match(/<script/gu)).toHaveLength(1);
    expect(html).toContain("&lt;script&gt;alert(&#39;owned&#39;)&lt;/script&gt;");
    expect(html).toContain("Tags &lt;i&gt;and&lt;/i&gt; &amp; &quot;quotes&quot;");
    expect(html).toContain("O&#39;Brien &amp; &lt;Co&gt;");
    expect(html).not.toMatch(/<i>and<\/i>|<Co>/u);
  }, 60_000);
});
