import { describe, expect, it } from "vitest";
import { allTables, DOCS, rawOf, tableAt } from "./corpus.js";

const squash = (s: string) => s.normalize("NFKC").replace(/<[^>]+>|\*\*|\s+|-/gu, "");

describe("raw offsets", () => {
  const tables = allTables();

  it("point every cell at its text in the raw file", () => {
    for (const t of tables) {
      const raw = rawOf(t.docId);
      for (const row of t.rows) {
        for (const cell of row.cells)
          expect(raw.slice(cell.start, cell.end), `${t.id} ${row.label}`).toContain(cell.text);
        expect(squash(raw.slice(row.labelStart, row.labelEnd))).toContain(squash(row.label));
        expect(row.start).toBeLessThanOrEqual(row.labelStart);
        expect(row.end).toBeGreaterThanOrEqual(
          Math.max(row.labelEnd, ...row.cells.map((c) => c.end)),
        );
      }
    }
  });

  it("point captions and header cells at their raw text, markup included", () => {
    for (const t of tables) {
      const raw = rawOf(t.docId);
      expect(squash(raw.slice(t.captionStart, t.captionEnd)), t.id).toContain(
        squash(t.label.replace("Table", "")),
      );
      expect(t.text).toBe(raw.slice(t.start, t.end));
      for (const column of t.columns) {
        const pieces = column.spans.map(([s, e]) => squash(raw.slice(s, e))).join("");
        expect(pieces, `${t.id} ${column.key}`).toBe(squash(column.path.join("")));
      }
    }
    const zhou2 = tableAt(DOCS.zhou, 2);
    expect(rawOf(DOCS.zhou).slice(zhou2.captionStart, zhou2.captionEnd)).toBe(
      "**Table 2.** Sample representative test for ownership",
    );
  });

  it("keep raw offsets in the file with compatibility ideographs", () => {
    const raw = rawOf(DOCS.bohai);
    expect([...raw].some((ch) => ch >= "\uF900" && ch <= "\uFAFF")).toBe(true);
    const t = tableAt(DOCS.bohai, 2);
    const beijing = t.rows[0]!;
    expect(raw.slice(beijing.labelStart, beijing.labelEnd)).toBe("北京市");
    expect(raw.slice(t.captionStart, t.captionEnd)).toBe("表2：天津引進國內資金表（2005-2009年）");
  });

  it("give unparsed tables their caption and raw span", () => {
    for (const t of tables.filter((x) => x.status === "unparsed")) {
      expect(t.reason, t.id).toBeTruthy();
      expect(t.end, t.id).toBeGreaterThan(t.captionEnd);
      expect(t.text.startsWith(rawOf(t.docId).slice(t.captionStart, t.captionEnd))).toBe(true);
    }
  });
});
