import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { displayDocument, displaySlice, wholeSentenceSpan } from "../../src/ingest/display.js";
import { segmentDocument } from "../../src/ingest/segment.js";

const corpus = (name: string) =>
  readFileSync(new URL(`../../corpus/${name}`, import.meta.url), "utf8");
const shown = (raw: string) => displaySlice(displayDocument(raw), 0, raw.length)?.text ?? "";

describe("display text", () => {
  it("keeps full-width punctuation and joins wrapped Chinese lines without a space", () => {
    const raw = "不過，和台灣新竹科學園區比較，南韓大德卻無法吸\n引廠商進駐，廠商還是集聚在首爾。";
    expect(shown(raw)).toBe(
      "不過，和台灣新竹科學園區比較，南韓大德卻無法吸引廠商進駐，廠商還是集聚在首爾。",
    );
  });

  it("keeps ％ and other full-width forms; a line break beside a digit stays a space", () => {
    // Only two CJK characters are joined directly; "0" and "％" keep the break as a space.
    expect(shown("合同額劇升 42.0\n％，2008 年")).toBe("合同額劇升 42.0 ％，2008 年");
    expect(shown("（foreign direct investment,FDI）")).toBe("（foreign direct investment,FDI）");
  });

  it("replaces CJK compatibility ideographs by their unified forms, and nothing else", () => {
    expect(shown("北京遠\n\uF9EA天津：「治\uF9E4」")).toBe("北京遠離天津：「治理」");
  });

  it("undoes line-break hyphenation and drops Markdown emphasis, tags and escapes", () => {
    const raw =
      "Shenzhen was known for its *petit bourgeois* and <b>guerilla</b> develop-\nment, \\$6 million.";
    expect(shown(raw)).toBe(
      "Shenzhen was known for its petit bourgeois and guerilla development, $6 million.",
    );
  });

  it("drops footnote markers after punctuation and shows glued ones as the superscripts they were", () => {
    const raw = [
      "Output grew.¹ It reached 58.4 billion yuan.² Exports followed.3 Then",
      "北京聚集了外資銀行4，而天津成長 16.5%5。比例為1：3。",
    ].join("\n\n");
    expect(shown(raw)).toBe(
      "Output grew. It reached 58.4 billion yuan. Exports followed. Then\n\n" +
        "北京聚集了外資銀行⁴，而天津成長 16.5%⁵。比例為1：3。",
    );
  });

  it("drops symbol markers and <sup> notes after names", () => {
    expect(shown("Yu Zhou\\*, Yifei Sun<sup>†</sup> and Lin<sup>2</sup> wrote")).toBe(
      "Yu Zhou, Yifei Sun and Lin wrote",
    );
  });

  it("joins a paragraph a page break cut in two, and shows a lone footnote number there as a superscript", () => {
    const en =
      "By contrast, the alliance with small foreign firms resulted in the encouragement of\n\nsubcontracting that broke the segregation.";
    expect(shown(en)).toBe(
      "By contrast, the alliance with small foreign firms resulted in the encouragement of subcontracting that broke the segregation.",
    );
    const zh =
      "由於北京與河北長期在產業轉移上互有分歧，直到近年兩地才達成建設「環首都經濟圈」的共識\n16\n\n，並聯手積極遊說中央。";
    expect(shown(zh)).toBe(
      "由於北京與河北長期在產業轉移上互有分歧，直到近年兩地才達成建設「環首都經濟圈」的共識¹⁶，並聯手積極遊說中央。",
    );
  });

  it("keeps tab-separated table rows on their own lines and cells apart", () => {
    const raw = "Table 1. Firms\nRegion\tFirms\nBeijing\t1,200\nShanghai\t900";
    const doc = displayDocument(raw);
    const row = raw.indexOf("Beijing");
    expect(displaySlice(doc, row, row + "Beijing\t1,200".length)?.text).toBe("Beijing\t1,200");
  });

  it("maps each display slice back to the raw span it came from", () => {
    const raw = "One sentence here.\n\nAnother one, in a second para-\ngraph. Last.";
    const doc = displayDocument(raw);
    const at = raw.indexOf("Another");
    const end = raw.indexOf("Last.") - 1;
    expect(displaySlice(doc, at, end)).toEqual({
      text: "Another one, in a second paragraph.",
      start: at,
      end: raw.indexOf("graph.") + "graph.".length,
    });
    expect(displaySlice(doc, raw.indexOf("\n\n"), raw.indexOf("\n\n") + 2)).toBeNull();
  });

  it("gives the display text of the real report without NFKC folding or hard line breaks", () => {
    const raw = corpus("bohai-rim-science-parks-report.txt");
    const { display, normalized } = segmentDocument(raw);
    expect(display.text).toContain("不過，和台灣新竹科學園區比較，南韓大德卻無法吸引廠商進駐");
    expect(display.text).not.toMatch(/[\uF900-\uFAFF]/u);
    expect(display.text).not.toMatch(/\p{Script=Han}\n\p{Script=Han}/u);
    // The matching text is still folded: retrieval reads that one.
    expect(normalized.text).toContain("不過,和台灣新竹科學園區比較,南韓大德卻無法吸引廠商進駐");
  });
});

describe("wholeSentenceSpan", () => {
  const raw = "First sentence. The quick fox jumps; it runs. Third one.\n\n甲乙丙；丁戊。己庚。";
  const doc = displayDocument(raw);

  it("widens a span that starts or ends inside a sentence to the whole sentence", () => {
    const at = raw.indexOf("quick");
    const span = wholeSentenceSpan(doc, at, at + 5);
    expect(raw.slice(span.start, span.end)).toBe("The quick fox jumps; it runs.");
  });

  it("treats a Chinese clause as part of its sentence, not a sentence of its own", () => {
    const at = raw.indexOf("甲");
    const span = wholeSentenceSpan(doc, at, raw.indexOf("；") + 1);
    expect(raw.slice(span.start, span.end)).toBe("甲乙丙；丁戊。");
  });

  it("keeps a span that is already whole", () => {
    const at = raw.indexOf("Third");
    expect(wholeSentenceSpan(doc, at, at + "Third one.".length)).toEqual({
      start: at,
      end: at + "Third one.".length,
    });
  });
});
