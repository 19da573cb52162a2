import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { rawSpan } from "../../src/ingest/mapped-builder.js";
import { segmentDocument } from "../../src/ingest/segment.js";

const corpus = (name: string) =>
  readFileSync(new URL(`../../corpus/${name}`, import.meta.url), "utf8");

describe("segmentDocument", () => {
  it("undoes line-break hyphenation and keeps offsets into the raw text", () => {
    const raw = "The develop-\nment of ZGC\nwas fast.";
    const { normalized } = segmentDocument(raw);
    expect(normalized.text).toBe("The development of ZGC was fast.");
    const at = normalized.text.indexOf("development");
    const span = rawSpan(normalized, at, at + "development".length);
    expect(raw.slice(span.start, span.end)).toBe("develop-\nment");
  });

  it("joins wrapped Chinese lines without a space and folds compatibility ideographs", () => {
    const raw = "北京遠\n\uF9EA天津。";
    const { normalized } = segmentDocument(raw);
    expect(normalized.text).toBe("北京遠離天津。");
    const span = rawSpan(normalized, 3, 4);
    expect(raw.slice(span.start, span.end)).toBe("\uF9EA");
  });

  it("drops markup but maps the remaining text to its raw position", () => {
    const raw = "## 2. Methods\n\nWe used **bold** and <b>tags</b> here.";
    const { normalized, blocks } = segmentDocument(raw);
    expect(blocks[0]!.kind).toBe("heading");
    expect(blocks[1]!.section?.number).toBe("2");
    const text = normalized.text.slice(blocks[1]!.start, blocks[1]!.end);
    expect(text).toBe("We used bold and tags here.");
    const at = normalized.text.indexOf("tags");
    const span = rawSpan(normalized, at, at + 4);
    expect(raw.slice(span.start, span.end)).toBe("tags");
  });

  it("recognises headings, captions, tab tables, cell-per-line tables and reference lists", () => {
    const raw = [
      "一、前言",
      "",
      "Table 1. Firms by region",
      "Region\tFirms\tShare",
      "Beijing\t10\t5%",
      "",
      "表2：資金表",
      "",
      "2005",
      "",
      "2006",
      "",
      "北京市",
      "",
      "133.1",
      "",
      "161.6",
      "",
      "References",
      "",
      "Harvey, D. (1985) The urbanization of capital. Oxford.",
      "Zhou, Y. (2008) The inside story. Lanham.",
    ].join("\n");
    const { blocks } = segmentDocument(raw);
    expect(blocks.map((b) => b.kind)).toEqual([
      "heading",
      "caption",
      "table",
      "caption",
      "table",
      "heading",
      "references",
    ]);
    expect(blocks[0]!.section?.number).toBe("一");
  });

  it("reads prose that speaks of decades as prose, not as a reference list", () => {
    const raw = [
      "## Growers",
      "",
      "The first growers came from the coast in the 1970s.",
      "Most had farmed rice before the 1960s.",
      "",
      "Hsu, M. (1998) Orchids of the plain. Tainan.",
      "Lo, K. (2003a) Cut flowers. Taipei.",
    ].join("\n");
    expect(segmentDocument(raw).blocks.map((b) => b.kind)).toEqual([
      "heading",
      "paragraph",
      "references",
    ]);
  });

  it("maps every normalized character of a real document back inside the raw file", () => {
    const raw = corpus("bohai-rim-science-parks-report.txt");
    const { normalized } = segmentDocument(raw);
    for (let i = 0; i < normalized.text.length; i += 997) {
      expect(normalized.starts[i]).toBeGreaterThanOrEqual(0);
      expect(normalized.ends[i]).toBeLessThanOrEqual(raw.length);
    }
    expect(normalized.text).not.toMatch(/[\uF900-\uFAFF]/u);
  });
});
