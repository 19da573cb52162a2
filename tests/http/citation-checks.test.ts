import { beforeAll, describe, expect, it } from "vitest";
import type { Chunk } from "../../src/chunks/types.js";
import { chapterAt } from "../../src/cite/chapters.js";
import { checkCitation, scopeOf } from "../../src/cite/check.js";
import { escapeHtml } from "../../src/cite/runs.js";
import type { ReadyState } from "../../src/http/state.js";
import { CHAPTER_ONE_REFERENCES } from "../cite/chapter-references.js";
import { readyApp } from "../fixtures/service.js";

let state: ReadyState;
let app: Awaited<ReturnType<typeof readyApp>>["app"];
beforeAll(async () => {
  ({ state, app } = await readyApp());
}, 120_000);

interface Cited {
  docId: string;
  source: string;
  start: number;
  end: number;
  quote: string;
  passageId: string;
  title: string;
  locator: string;
  locatorDetail: Record<string, unknown>;
  reference: string;
  inText: string | null;
  view: string;
}

async function ask(question: string): Promise<Cited[]> {
  const res = await app.request("/api/ask", {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ question }),
  });
  return (await res.json()).citations;
}

/** Questions of this suite's own, over English prose with footnotes, the Chinese report and its English chapters. */
const QUESTIONS = [
  "Why did Suzhou's local government give priority to large multinational corporations?",
  "How did Shenzhen's government treat small foreign-invested firms?",
  "What role did universities play in Yangpu's redevelopment?",
  "Which Silicon Valley ambition did the state set for Zhongguancun in 1988?",
  "首爾與大德的地方優勢差距為何越來越大？",
  "北京為何成為全國金融決策中心？",
  "濱海新區的發展受到哪些國家政策支持？",
];

const chapterOne = (s: ReadyState): Chunk => {
  const raw = s.rawTexts.get("bohai-rim-science-parks-report.txt")!;
  const entry = s.entryFor("bohai-rim-science-parks-report");
  return s.qa
    .passageIdsOf("bohai-rim-science-parks-report")
    .map((id) => s.qa.passage(id)!.chunk)
    .find(
      (c) =>
        c.kind === "paragraph" &&
        c.lang === "zh" &&
        chapterAt(entry, raw, c.start)?.chapter.number === "第一章" &&
        c.sectionNumbers.includes("三"),
    )!;
};

describe("citations a writer can paste", () => {
  it.each(QUESTIONS)("every citation for %j passes the citation checks", async (question) => {
    for (const c of await ask(question)) {
      const raw = state.rawTexts.get(c.source)!;
      const scope = scopeOf(state.entryFor(c.docId), raw, c.start);
      expect(checkCitation(raw, c as never, scope).problems, c.quote).toEqual([]);
    }
  });

  it("answers these questions with citations from the English papers, the Chinese report and its chapters", async () => {
    const all = (await Promise.all(QUESTIONS.map(ask))).flat();
    expect(all.some((c) => c.source.startsWith("chen-"))).toBe(true);
    const zh = all.filter((c) => /\p{Script=Han}/u.test(c.quote));
    expect(zh.length).toBeGreaterThan(0);
    for (const c of zh) {
      expect(c.quote).not.toMatch(/\p{Script=Han},|,\p{Script=Han}/u);
      expect(c.locator).toMatch(/第\d+段|表/u);
      expect(c.inText).not.toMatch(/, [一二三四五六七八九十]+[,)]/u);
    }
  });

  it("cites text of a chapter with a byline as that chapter, in the in-text form too", async () => {
    const chunk = chapterOne(state);
    const sentence = chunk.sentences[0]!;
    const res = await app.request(
      `/api/cite?passage=${chunk.id}&start=${sentence.rawStart}&end=${sentence.rawEnd}`,
    );
    const body = await res.json();
    expect(body.reference).toBe(CHAPTER_ONE_REFERENCES.apa);
    expect(body.inText).toMatch(
      /^\(Yang & Wang, n\.d\., 第三節(（[一二三四五六七八九十]+）)?, 第\d+段\)$/u,
    );
    expect(body.locatorDetail).toMatchObject({ lang: "zh", paragraph: expect.any(Number) });
  });

  it.each(Object.keys(CHAPTER_ONE_REFERENCES))(
    "gives the chapter's %s reference through /api/cite",
    async (style) => {
      const chunk = chapterOne(state);
      const res = await app.request(`/api/cite?passage=${chunk.id}&style=${style}&format=text`);
      expect(await res.text()).toBe(
        `${CHAPTER_ONE_REFERENCES[style as keyof typeof CHAPTER_ONE_REFERENCES]}\n`,
      );
    },
  );
});

describe("the passage page of a Chinese chapter", () => {
  it("names the chapter and its report, locates in Chinese and shows the text without hard line breaks", async () => {
    const chunk = chapterOne(state);
    const html = await (await app.request(`/p/${chunk.id}`)).text();
    expect(html).toContain(
      '<p class="doc" lang="zh-Hant">仍然是經濟空間分工？環渤海城市區域的治理與矛盾</p>',
    );
    expect(html).toContain(
      '<p class="doc">In [Research report on the pan-Bohai region and science parks]</p>',
    );
    expect(html).not.toContain("bohai-rim-science-parks-report</p>");
    expect(html).toMatch(/<h1 lang="zh-Hant">第三節[^<]*第\d+段<\/h1>/u);
    const context = html.slice(html.indexOf('<div class="context"'), html.indexOf("</div>"));
    expect(context).not.toMatch(/\p{Script=Han}\n\p{Script=Han}/u);
    expect(context).not.toMatch(/\n\p{Script=Han}{1,2}\n/u);
    expect(context).toContain("，");
  });

  it("copies exactly the quoted text with its in-text citation", async () => {
    const chunk = chapterOne(state);
    const sentence = chunk.sentences[1] ?? chunk.sentences[0]!;
    const cite = await (
      await app.request(
        `/api/cite?passage=${chunk.id}&start=${sentence.rawStart}&end=${sentence.rawEnd}`,
      )
    ).json();
    const html = await (await app.request(cite.view)).text();
    expect(html).toContain(`<blockquote lang="zh">${escapeHtml(cite.quote)}</blockquote>`);
    expect(html).toContain(`data-copy="${escapeHtml(`「${cite.quote}」${cite.inText}`)}"`);
  });
});
