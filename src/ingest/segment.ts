import { markupRanges } from "./markup.js";
import {
  classifyLine,
  isReferenceTitle,
  splitLines,
  type LineClass,
  type RawLine,
} from "./lines.js";
import { MappedTextBuilder } from "./mapped-builder.js";
import type { Block, BlockKind, MappedText, SectionRef } from "./types.js";

interface ProtoBlock {
  kind: BlockKind;
  lines: RawLine[];
  heading?: Extract<LineClass, { kind: "heading" }>;
}

const CJK = /[\p{Script=Han}\u3000-\u303f\uff00-\uffef]/u;
const LETTER = /\p{L}/u;
const LOWER = /\p{Ll}/u;
/**
 * A one-cell-per-line table cell: short, with no sentence-final punctuation. Conversion sometimes
 * loses the blank line between two cells ("0.3" / " 2007"), so up to three such lines count too.
 */
const isCellLine = (p: ProtoBlock) =>
  p.kind === "paragraph" &&
  p.lines.length <= 3 &&
  p.lines.every((l) => l.plain.length <= 30 && !/[.。!?！？;；]$/u.test(l.plain));
const REFERENCE_LINE =
  /^\p{Lu}[\p{L}'’-]+,?\s+(\p{Lu}\.|\p{Lu}[\p{L}-]+[,.])|\(?(19|20)\d\d[a-z]?\)?[.,]/u;
const FOOTNOTE_START = /^\d{1,2}\s+\p{Lu}/u;

/**
 * Splits a raw document into structural blocks and builds its normalized text with an offset map:
 * NFKC, markup dropped, hard-wrapped lines joined (Chinese without a space), line-break hyphenation undone.
 *
 * @example
 *   const { normalized, blocks } = segmentDocument("## 1. Intro\n\nThe develop-\nment of ZGC.");
 *   normalized.text // → "1. Intro\n\nThe development of ZGC."
 */
export function segmentDocument(
  raw: string,
  pageStarts: readonly number[] = [],
): { normalized: MappedText; blocks: Block[] } {
  const protos = mergeCellRuns(groupLines(splitLines(raw)));
  const builder = new MappedTextBuilder();
  const blocks: Block[] = [];
  const stack: Array<{ level: number; number: string | null; title: string }> = [];
  let special: { kind: BlockKind; level: number } | null = null;

  for (const p of protos) {
    let kind = p.kind;
    if (p.heading) {
      const h = p.heading;
      if (special && h.level <= special.level) special = null;
      while (stack.length && stack[stack.length - 1]!.level >= h.level) stack.pop();
      stack.push({ level: h.level, number: h.number, title: h.title });
      if (isReferenceTitle(h.title))
        special = {
          kind: /note/iu.test(h.title) || /註|注/u.test(h.title) ? "footnote" : "references",
          level: h.level,
        };
    } else if (special && kind !== "heading") {
      kind = special.kind;
    } else if (kind === "paragraph") {
      kind = refineParagraph(p.lines);
    }
    const top = stack[stack.length - 1];
    const section: SectionRef | null = top
      ? { number: top.number, title: top.title, path: stack.map((s) => s.title) }
      : null;
    if (builder.length) builder.push("\n\n", p.lines[0]!.start, p.lines[0]!.start);
    const start = builder.length;
    emitBlock(builder, p.lines, kind);
    builder.trimEnd();
    if (builder.length === start) continue;
    blocks.push({
      kind,
      start,
      end: builder.length,
      section,
      page: pageOf(pageStarts, p.lines[0]!.start),
    });
  }
  return { normalized: builder.build(), blocks };
}

function groupLines(lines: RawLine[]): ProtoBlock[] {
  const out: ProtoBlock[] = [];
  let current: ProtoBlock | null = null;
  const flush = () => {
    if (current) out.push(current);
    current = null;
  };
  let openHeading: ProtoBlock | null = null;
  for (const line of lines) {
    const c = classifyLine(line);
    // A heading hyphenated at its line end goes on in the next line ("… and inno-" / "vation").
    if (openHeading && c.kind !== "blank") {
      openHeading.lines.push(line);
      openHeading.heading!.title = `${openHeading.heading!.title.replace(/-$/u, "")}${line.plain}`;
      if (!/\p{L}-$/u.test(line.plain)) openHeading = null;
      continue;
    }
    if (c.kind === "running") continue;
    if (c.kind === "blank") flush();
    else if (c.kind === "heading") {
      flush();
      const block: ProtoBlock = { kind: "heading", lines: [line], heading: { ...c } };
      out.push(block);
      if (/\p{L}-$/u.test(line.plain)) openHeading = block;
    } else if (c.kind === "caption") {
      flush();
      out.push({ kind: "caption", lines: [line] });
    } else {
      const kind: BlockKind = c.kind === "table-row" ? "table" : "paragraph";
      if (current && (current as ProtoBlock).kind !== kind) flush();
      current ??= { kind, lines: [] };
      (current as ProtoBlock).lines.push(line);
    }
  }
  flush();
  return out;
}

/** Runs of four or more one-line, cell-like paragraphs are a table flattened to one cell per line. */
function mergeCellRuns(protos: ProtoBlock[]): ProtoBlock[] {
  const out: ProtoBlock[] = [];
  for (let i = 0; i < protos.length;) {
    let j = i;
    while (j < protos.length && isCellLine(protos[j]!)) j++;
    if (j - i >= 4) {
      out.push({ kind: "table", lines: protos.slice(i, j).flatMap((p) => p.lines) });
      i = j;
    } else {
      out.push(protos[i]!);
      i++;
    }
  }
  return out;
}

function refineParagraph(lines: RawLine[]): BlockKind {
  const refLike = lines.filter(
    (l) => REFERENCE_LINE.test(l.plain) && /(19|20)\d\d/u.test(l.plain),
  ).length;
  if (
    lines.length >= 2 &&
    refLike / lines.length >= 0.6 &&
    lines.every((l) => l.plain.length < 400)
  )
    return "references";
  if (
    FOOTNOTE_START.test(lines[0]!.plain) &&
    lines.length <= 4 &&
    /[.)]$/u.test(lines[lines.length - 1]!.plain)
  )
    return "footnote";
  return "paragraph";
}

function pageOf(pageStarts: readonly number[], at: number): number | null {
  if (!pageStarts.length) return null;
  let page = 0;
  while (page + 1 < pageStarts.length && pageStarts[page + 1]! <= at) page++;
  return page + 1;
}

function emitBlock(b: MappedTextBuilder, lines: RawLine[], kind: BlockKind): void {
  lines.forEach((line, i) => {
    if (i > 0) joinLines(b, line, kind);
    emitLine(b, line, kind === "table");
  });
}

function joinLines(b: MappedTextBuilder, next: RawLine, kind: BlockKind): void {
  b.trimEnd();
  const prev = b.lastChar();
  const first = firstVisible(next);
  if (kind === "table") {
    b.push(next.raw.includes("\t") ? "\n" : " | ", next.start - 1, next.start);
    return;
  }
  if ((prev === "-" || prev === "\u00ad") && LOWER.test(first)) {
    const text = b.build().text;
    if (LETTER.test(text.charAt(text.length - 2))) {
      b.popChar();
      return;
    }
  }
  if (CJK.test(prev) && CJK.test(first)) return;
  b.push(" ", next.start - 1, next.start);
}

function firstVisible(line: RawLine): string {
  const m = /\S/u.exec(line.plain);
  return m ? m[0] : "";
}

function emitLine(b: MappedTextBuilder, line: RawLine, table: boolean): void {
  const skip = markupRanges(line.raw);
  let r = 0;
  const text = line.raw;
  for (let i = 0; i < text.length;) {
    while (r < skip.length && skip[r]![1] <= i) r++;
    const range = skip[r];
    if (range && range[0] <= i) {
      i = range[1];
      continue;
    }
    const cp = text.codePointAt(i)!;
    const width = cp > 0xffff ? 2 : 1;
    const ch = String.fromCodePoint(cp);
    const at = line.start + i;
    if (ch === "\t" && table) {
      b.trimEnd();
      b.push(" | ", at, at + 1);
    } else if (/\s/u.test(ch) || ch === "\u00ad") {
      const last = b.lastChar();
      if (ch !== "\u00ad" && last && !/\s/u.test(last) && !last.endsWith("| "))
        b.push(" ", at, at + width);
    } else {
      b.push(ch.normalize("NFKC"), at, at + width);
    }
    i += width;
  }
}
