import { describe, expect, it } from "vitest";
import { chunkDocument, textUnits } from "../../src/chunks/chunk.js";
import { loadDocument, listCorpusFiles } from "../../src/ingest/load.js";
import { displayDocument, displaySlice } from "../../src/ingest/display.js";

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

  it("gives every sentence a raw span whose display text is the sentence's display text", () => {
    for (const doc of docs) {
      const shown = displayDocument(doc.raw);
      for (const c of chunkDocument(doc)) {
        expect(displaySlice(shown, c.start, c.end)?.text).toBe(c.display);
        for (const s of c.sentences) {
          const text = displaySlice(shown, s.rawStart, s.rawEnd)?.text ?? "";
          expect(text.length).toBeGreaterThan(0);
          expect(c.display.includes(text)).toBe(true);
        }
      }
    }
  });

  it("keeps the matching text of each sentence inside the chunk's matching text", () => {
    for (const doc of docs)
      for (const c of chunkDocument(doc))
        for (const s of c.sentences) {
          expect(s.start).toBeGreaterThanOrEqual(0);
          expect(s.end).toBeLessThanOrEqual(c.text.length);
          expect(s.end).toBeGreaterThan(s.start);
        }
  });

  it("labels Chinese passages zh and English ones en", () => {
    const report = docs.find((d) => d.source.startsWith("bohai"))!;
    const langs = new Set(chunkDocument(report).map((c) => c.lang));
    expect(langs).toEqual(new Set(["zh", "en"]));
  });
});
