import { describe, expect, it } from "vitest";
import { chunkDocument, textUnits } from "../../src/chunks/chunk.js";
import { loadDocument, listCorpusFiles } from "../../src/ingest/load.js";
import { quoteKey } from "../../src/answer/verify.js";

const dir = new URL("../../corpus/", import.meta.url).pathname;

describe("chunkDocument on the corpus", async () => {
  const files = await listCorpusFiles(dir);
  const docs = await Promise.all(files.map((f) => loadDocument(dir, f)));

  it("keeps chunks within the size limits and stable across runs", () => {
    for (const doc of docs) {
      const a = chunkDocument(doc);
      const b = chunkDocument(doc);
      expect(a.map((c) => c.id)).toEqual(b.map((c) => c.id));
      expect(new Set(a.map((c) => c.id)).size).toBe(a.length);
      for (const c of a.filter((c) => c.kind !== "table"))
        expect(textUnits(c.text)).toBeLessThanOrEqual(300 * 1.2 + 80);
    }
  });

  it("never lets a chunk cross a section boundary", () => {
    for (const doc of docs)
      for (const c of chunkDocument(doc)) {
        const inside = doc.blocks.filter(
          (b) =>
            b.kind === "heading" &&
            doc.normalized.starts[b.start]! > c.start &&
            doc.normalized.starts[b.start]! < c.end,
        );
        expect(inside).toEqual([]);
      }
  });

  it("gives every sentence a raw span whose text matches it", () => {
    for (const doc of docs)
      for (const c of chunkDocument(doc))
        for (const s of c.sentences) {
          const raw = doc.raw.slice(s.rawStart, s.rawEnd);
          const shown = c.text.slice(s.start, s.end);
          // Markup is dropped from the display text, so compare with markup removed from both.
          const strip = (t: string) =>
            quoteKey(t.replace(/<\/?[a-z]+>/giu, "")).replace(/[*#_|\\<>]/gu, "");
          expect(strip(raw).length).toBeGreaterThan(0);
          expect(strip(raw).includes(strip(shown).slice(0, 10))).toBe(true);
        }
  });

  it("labels Chinese passages zh and English ones en", () => {
    const report = docs.find((d) => d.source.startsWith("bohai"))!;
    const langs = new Set(chunkDocument(report).map((c) => c.lang));
    expect(langs).toEqual(new Set(["zh", "en"]));
  });
});
