import { noteMarkers } from "./footnotes.js";
import { emitBlock } from "./emit.js";
import { isReferenceTitle, splitLines, type RawLine } from "./lines.js";
import { pageAt } from "./pages.js";
import {
  groupLines,
  joinPageBreaks,
  markHeadings,
  frontLabelOf,
  mergeCellRuns,
  type Mark,
  type ProtoBlock,
} from "./structure.js";
import { TwinBuilder } from "./twin-builder.js";
import type { Block, BlockKind, MappedText, SectionRef } from "./types.js";

/**
 * A line of a reference list: an author first ("Harvey, D."), or a year of publication ("1985.",
 * "(2001a),"), which a decade ("the 1990s.") is not.
 */
const REFERENCE_LINE =
  /^\p{Lu}[\p{L}'’-]+,?\s+(\p{Lu}\.|\p{Lu}[\p{L}-]+[,.])|\(?(19|20)\d\d(?!s\b)[a-z]?\)?[.,]/u;
const FOOTNOTE_START = /^\d{1,2}\s+\p{Lu}/u;

interface OpenSection {
  level: number;
  number: string | null;
  title: string;
  rawStart: number;
  front: boolean;
}

/**
 * Splits a raw document into structural blocks and builds its two texts, each with an offset map back
 * to the raw file: the matching text (NFKC, markup dropped, hard-wrapped lines joined, Chinese without
 * a space, line-break hyphenation undone) and the display text (the same joins, but the source's own
 * characters, and footnote markers left out).
 *
 * @example
 *   const { normalized, display, blocks } = segmentDocument("## 1. Intro\n\nThe develop-\nment of ZGC.");
 *   normalized.text // → "1. Intro\n\nThe development of ZGC."
 */
export function segmentDocument(
  raw: string,
  pageStarts: readonly number[] = [],
): { normalized: MappedText; display: MappedText; blocks: Block[] } {
  const lines = splitLines(raw);
  const protos = joinPageBreaks(markHeadings(mergeCellRuns(groupLines(lines))));
  const marks: Mark[] = [...noteMarkers(lines), ...protos.flatMap((p) => p.marks ?? [])].sort(
    (x, y) => x.start - y.start,
  );
  const b = new TwinBuilder();
  const blocks: Block[] = [];
  const stack: OpenSection[] = [];
  let special: { kind: BlockKind; level: number } | null = null;

  for (const proto of protos) {
    // Inside notes or references, numbered lines ("45. Interview JS 036") are entries, not headings.
    const p: ProtoBlock =
      special && proto.heading && /^\d/u.test(proto.heading.number ?? "")
        ? { kind: "paragraph", lines: proto.lines }
        : proto;
    const rawStart = p.lines[0]!.start;
    if (b.length) b.pushBoth("\n\n", rawStart, rawStart);
    const start = b.length;
    const displayStart = b.display.length;
    let kind = p.kind;
    if (!p.heading && special) kind = special.kind;
    else if (kind === "paragraph" && !p.front) kind = refineParagraph(p.lines);
    emitBlock(b, p.lines, kind, marks);
    b.trimEnd();
    if (b.length <= start) continue;
    const displayEnd = b.display.length;
    if (p.heading) {
      const h = p.heading;
      const title = b.display.lastChars(displayEnd - displayStart) || h.title;
      if (special && h.level <= special.level) special = null;
      if (p.front) popFront(stack);
      else while (stack.length && stack[stack.length - 1]!.level >= h.level) stack.pop();
      // A front-matter label heads one block and nests under whatever is open (a chapter, say).
      stack.push({
        level: p.front ? Number.MAX_SAFE_INTEGER : h.level,
        number: h.number,
        title,
        rawStart,
        front: p.front === "label",
      });
      if (isReferenceTitle(h.title))
        special = {
          kind: /note/iu.test(h.title) || /註|注/u.test(h.title) ? "footnote" : "references",
          level: h.level,
        };
    }
    let section = sectionOf(stack);
    if (p.front === "block") {
      const label = frontLabelOf(b.display.lastChars(displayEnd - displayStart));
      section = {
        number: null,
        title: label,
        path: [...(section?.path ?? []), label],
        numbers: [...(section?.numbers ?? []), null],
        rawStart,
      };
    }
    blocks.push({
      kind,
      start,
      end: b.length,
      displayStart,
      displayEnd,
      section,
      page: pageAt(pageStarts, rawStart),
    });
    // The block a front-matter label heads is done: the body resumes outside it.
    if (!p.heading) popFront(stack);
  }
  const { match, display } = b.build();
  return { normalized: match, display, blocks };
}

function popFront(stack: OpenSection[]): void {
  while (stack.length && stack[stack.length - 1]!.front) stack.pop();
}

function sectionOf(stack: readonly OpenSection[]): SectionRef | null {
  const top = stack[stack.length - 1];
  return top
    ? {
        number: top.number,
        title: top.title,
        path: stack.map((s) => s.title),
        numbers: stack.map((s) => s.number),
        rawStart: top.rawStart,
      }
    : null;
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
