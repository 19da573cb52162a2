import { describe, expect, it } from "vitest";
import type { Chunk } from "../../src/chunks/types.js";
import { kindCue } from "../../src/retrieve/cues.js";
import { createChunkViews, viewOf, withoutReferences } from "../../src/retrieve/views.js";
import type { Table } from "../../src/tables/types.js";

const prose: Chunk = {
  id: "p1",
  docId: "d",
  source: "d.txt",
  kind: "paragraph",
  lang: "en",
  section: "Ports",
  sectionNumber: null,
  sectionPath: ["Ports"],
  sectionNumbers: [null],
  page: null,
  paragraph: 1,
  start: 0,
  end: 94,
  text: "The port opened in 1984 (Lee, 2001: 4). By then eleven berths were in use, 40% of them private.",
  display:
    "The port opened in 1984 (Lee, 2001: 4). By then eleven berths were in use, 40% of them private.",
  sentences: [
    { start: 0, end: 40, rawStart: 0, rawEnd: 40, paragraph: 1 },
    { start: 41, end: 94, rawStart: 41, rawEnd: 94, paragraph: 1 },
  ],
  seq: 0,
};

describe("createChunkViews", () => {
  const [view] = createChunkViews([prose]);
  it("reads a passage's sentences with their figures and years, not those of references", () => {
    expect(view!.sentences.map((s) => s.years)).toEqual([["1984"], []]);
    expect(view!.sentences[0]!.figures).toEqual(["1984"]);
    expect(view!.sentences[1]!.figures).toEqual(["40", "eleven"]);
    expect(view!.section.tokens.has("port")).toBe(true);
  });

  it("reads a table passage row by row, each row with its caption and headings as context", () => {
    const raw = "Table 9. Berths\nPort\tBerths\tShare (%)\nAmoy\t12\t30.5\nFuzhou\t8\t20.1\n";
    const table = {
      source: "t.txt",
      status: "parsed",
      caption: "Table 9. Berths",
      start: 0,
      end: raw.length,
      text: raw,
      columns: [
        { key: "c1", label: "Berths", path: ["Berths"] },
        { key: "c2", label: "Share (%)", path: ["Share (%)"] },
      ],
      rows: [
        { label: "Amoy", group: null, start: 38, end: 50 },
        { label: "Fuzhou", group: null, start: 51, end: 64 },
      ],
    } as unknown as Table;
    const chunk = {
      ...prose,
      source: "t.txt",
      kind: "table" as const,
      start: 0,
      end: raw.length,
      text: raw,
    };
    const [t] = createChunkViews([chunk], [table]);
    expect(t!.sentences.map((s) => [s.text, s.rawStart, s.rawEnd])).toEqual([
      ["Amoy 12 30.5", 38, 50],
      ["Fuzhou 8 20.1", 51, 64],
    ]);
    expect(t!.sentences[0]!.context?.tokens.has("berth")).toBe(true);
    expect(t!.sentences[0]!.tokens.has("berth")).toBe(false);
    // A share asked of a row whose headings are in percent is stated by the row.
    expect(kindCue("share", t!.sentences[0]!, { numbers: [], years: [], folded: "" })).toBe(true);
  });
});

describe("kindCue", () => {
  const s = (text: string) =>
    createChunkViews([
      {
        ...prose,
        text,
        sentences: [{ start: 0, end: text.length, rawStart: 0, rawEnd: text.length, paragraph: 1 }],
      },
    ])[0]!.sentences[0]!;
  const q = { numbers: ["1990"], years: ["1990"], folded: "how many firms opened in 1990 in amoy" };
  it("wants a new figure for a quantity, a share for a share, a new date for a date", () => {
    expect(kindCue("quantity", s("In 1990, 320 firms opened."), q)).toBe(true);
    expect(kindCue("quantity", s("In 1990, many firms opened."), q)).toBe(false);
    expect(kindCue("share", s("Some 12% were foreign."), q)).toBe(true);
    expect(kindCue("share", s("Some 12 were foreign."), q)).toBe(false);
    expect(kindCue("date", s("It opened in May."), q)).toBe(true);
    expect(kindCue("date", s("It opened in 1990."), q)).toBe(false);
  });
  it("wants a cause for a reason and a name not in the question for a name", () => {
    expect(kindCue("reason", s("Land was cheap because the state owned it."), q)).toBe(true);
    expect(kindCue("reason", s("Land was cheap."), q)).toBe(false);
    expect(kindCue("name", s("The first investor was Philips Electronics."), q)).toBe(true);
    expect(kindCue("name", s("The first investor came from Amoy."), q)).toBe(false);
  });
});

describe("viewOf and withoutReferences", () => {
  it("fold text for matching and blank parenthetical references", () => {
    expect(viewOf("廈門港 in 1984").folded).toBe("厦门港 in 1984");
    expect(withoutReferences("grew (Lee, 2001: 4) fast")).toBe("grew   fast");
    expect(withoutReferences("grew (by 40%) fast")).toBe("grew (by 40%) fast");
  });
});
