import { describe, expect, it } from "vitest";
import { answerKey, createAnswerCache } from "../../src/http/answer-cache.js";
import type { AskResponse } from "../../src/http/state.js";

const answer = (text: string): AskResponse => ({
  answer: text,
  abstained: false,
  citations: [],
  passages: [],
});
const open = () => new AbortController().signal;

describe("answerKey", () => {
  it("ignores spacing and Unicode composition, and keeps the index, history and options apart", () => {
    const base = answerKey("b1", { question: "Where is ZGC?" });
    expect(answerKey("b1", { question: "  Where   is\nZGC? " })).toBe(base);
    expect(answerKey("b1", { question: "Cafe\u0301?" })).toBe(
      answerKey("b1", { question: "Café?" }),
    );
    expect(answerKey("b2", { question: "Where is ZGC?" })).not.toBe(base);
    expect(answerKey("b1", { question: "Where is ZGC?", k: 3 })).not.toBe(base);
    expect(answerKey("b1", { question: "Where is ZGC?", style: "mla" })).not.toBe(base);
    expect(
      answerKey("b1", { question: "Where is ZGC?", history: [{ role: "user", content: "Hi" }] }),
    ).not.toBe(base);
  });
});

describe("the answer cache", () => {
  it("computes a question once and answers repeats from memory, least recently used evicted first", async () => {
    const cache = createAnswerCache({ maxEntries: 2 });
    let computed = 0;
    const run = (key: string) =>
      cache.run(key, async () => answer(`${key} #${++computed}`), open());
    expect((await run("a")).answer).toBe("a #1");
    expect((await run("a")).answer).toBe("a #1");
    await run("b");
    await run("a"); // a is now the most recently used
    await run("c"); // evicts b
    expect((await run("a")).answer).toBe("a #1");
    expect((await run("b")).answer).toBe("b #4");
    expect(cache.stats()).toMatchObject({ entries: 2, hits: 3, misses: 4 });
  });

  it("lets askers of the same question at the same moment share one computation", async () => {
    const cache = createAnswerCache({ maxEntries: 10 });
    let computed = 0;
    let release = () => {};
    const gate = new Promise<void>((r) => (release = r));
    const compute = async () => {
      computed++;
      await gate;
      return answer("shared");
    };
    const asks = Array.from({ length: 5 }, () => cache.run("q", compute, open()));
    release();
    expect((await Promise.all(asks)).map((a) => a.answer)).toEqual(Array(5).fill("shared"));
    expect(computed).toBe(1);
    expect(cache.stats().shared).toBe(4);
  });

  it("aborts a shared computation only when every one of its askers has gone", async () => {
    const cache = createAnswerCache({ maxEntries: 10 });
    let aborted = false;
    const compute = (signal: AbortSignal) =>
      new Promise<AskResponse>((resolve, reject) => {
        signal.addEventListener("abort", () => {
          aborted = true;
          reject(new Error("aborted"));
        });
        setTimeout(() => resolve(answer("late")), 200);
      });
    const first = new AbortController();
    const second = new AbortController();
    const a = cache.run("q", compute, first.signal).catch((e: Error) => e.name);
    const b = cache.run("q", compute, second.signal).catch((e: Error) => e.name);
    first.abort();
    expect(await a).toBe("AbortError");
    expect(aborted).toBe(false);
    second.abort();
    expect(await b).toBe("AbortError");
    expect(aborted).toBe(true);
  });

  it("forgets everything when cleared (a new index), and never stores an answer computed before", async () => {
    const cache = createAnswerCache({ maxEntries: 10 });
    let release = () => {};
    const gate = new Promise<void>((r) => (release = r));
    const slow = cache.run("q", async () => (await gate, answer("old index")), open());
    await cache.run("other", async () => answer("x"), open());
    cache.clear();
    release();
    await slow;
    expect(cache.stats().entries).toBe(0);
    expect((await cache.run("q", async () => answer("new index"), open())).answer).toBe(
      "new index",
    );
  });

  it("keeps its size as JSON under maxBytes", async () => {
    const cache = createAnswerCache({ maxEntries: 1000, maxBytes: 40_000 });
    for (let i = 0; i < 20; i++)
      await cache.run(`k${i}`, async () => answer("x".repeat(4000)), open());
    expect(cache.stats().bytes).toBeLessThanOrEqual(40_000);
    expect(cache.stats().entries).toBeLessThan(20);
  });
});
