import { classifyLine, type LineClass, type RawLine } from "./lines.js";
import { superscript } from "./footnotes.js";
import { stripMarkup } from "./markup.js";
import type { BlockKind } from "./types.js";

/** A block before emission: its raw lines, kind and, for headings, the heading's outline facts. */
export interface ProtoBlock {
  kind: BlockKind;
  lines: RawLine[];
  heading?: Extract<LineClass, { kind: "heading" }>;
  /** Front matter (abstract, keywords, author note): outside the body's sections. */
  front?: "label" | "block";
  /** Raw ranges the display text shows differently (see {@link Mark}). */
  marks?: Mark[];
}

/** A raw range the display text leaves out (`shown` ""), or shows as `shown` (a superscript number). */
export interface Mark {
  start: number;
  end: number;
  shown: string;
}

const CN_NUM = "[一二三四五六七八九十百]+";
/**
 * Front-matter labels of scholarly articles: alone on a line they head one block; followed by a colon
 * and text ("Email: …", "Key words: …") the line is a front block itself.
 */
const FRONT_LABEL =
  /^(?:abstract|summary|zusammenfassung|key\s?words|corresponding author|e-?mail|摘要|关键[字词]|關鍵[字詞])(?=\s*[:：]?\s*$|\s*[:：])/iu;
const TERMINAL = /[.。!?！？:：;；"”」』]$/u;

/** A one-cell-per-line table cell: short, with no sentence-final punctuation (see `mergeCellRuns`). */
const isCellLine = (p: ProtoBlock) =>
  p.kind === "paragraph" &&
  p.lines.length <= 3 &&
  p.lines.every((l) => l.plain.length <= 30 && !/[.。!?！？;；]$/u.test(l.plain));

/**
 * Groups classified lines into blocks: blank lines separate paragraphs; headings and captions stand
 * alone; running headers are dropped.
 */
export function groupLines(lines: readonly RawLine[]): ProtoBlock[] {
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
export function mergeCellRuns(protos: readonly ProtoBlock[]): ProtoBlock[] {
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

/**
 * Joins a paragraph that a page break cut in two: the first part runs to the line's end without
 * closing its sentence, and the next paragraph goes on in lower case (or in Chinese). A paragraph cut
 * by a figure, a caption or a footnote between the parts is left cut. Then marks the lone numbers
 * left inside sentences (see {@link inlineNumberMarks}).
 *
 * @example
 *   // "…the encouragement of" / "" / "subcontracting that broke …" → one paragraph
 */
export function joinPageBreaks(protos: readonly ProtoBlock[]): ProtoBlock[] {
  const out: ProtoBlock[] = [];
  for (const p of protos) {
    const prev = out[out.length - 1];
    if (prev && continues(prev, p))
      out[out.length - 1] = { ...prev, lines: [...prev.lines, ...p.lines] };
    else out.push(p);
  }
  return out.map((p) => (p.kind === "paragraph" ? { ...p, marks: inlineNumberMarks(p.lines) } : p));
}

/**
 * A number alone on a line inside a sentence ("…under which" / "46" / "develop.", "…共識" / "16" /
 * "，並聯手") is a footnote marker or a page number the conversion set on its own line. The display
 * text shows it as a superscript: it no longer reads as part of the sentence, and the quote still
 * holds every character of its span.
 */
function inlineNumberMarks(lines: readonly RawLine[]): Mark[] {
  const marks: Mark[] = [];
  for (let i = 1; i + 1 < lines.length; i++) {
    const line = lines[i]!;
    if (!isLoneNumber(line) || TERMINAL.test(shown(lines[i - 1]!))) continue;
    const at = line.raw.indexOf(line.plain);
    marks.push({
      start: line.start + at,
      end: line.start + at + line.plain.length,
      shown: superscript(line.plain),
    });
  }
  return marks;
}

const isLoneNumber = (line: RawLine) => /^\d{1,3}$/u.test(line.plain);
/** Printed width: a CJK character is as wide as two Latin ones. */
const width = (text: string) =>
  text.length + (text.match(/[\p{Script=Han}\u3000-\u303f\uff00-\uffef]/gu)?.length ?? 0);
/** A line as printed: markup dropped, not folded (so "，" stays "，"), trimmed. */
const shown = (line: RawLine) => stripMarkup(line.raw).trim();

function continues(prev: ProtoBlock, next: ProtoBlock): boolean {
  if (prev.kind !== "paragraph" || next.kind !== "paragraph" || prev.front || next.front)
    return false;
  const lines = prev.lines;
  const loneNumber = lines.length >= 2 && isLoneNumber(lines[lines.length - 1]!);
  const last = shown(lines[lines.length - (loneNumber ? 2 : 1)]!);
  const total = lines.reduce((n, l) => n + width(l.plain), 0);
  // Only prose runs to the margin; short lines (table cells, names, "Source: …") end where they end.
  if (width(last) < 20 || total < 60 || TERMINAL.test(last)) return false;
  const first = shown(next.lines[0]!).charAt(0);
  if (/\p{Ll}/u.test(first)) return /[\p{L}\p{N},\-–—]$/u.test(last);
  return /[\p{Script=Han}，、]$/u.test(last) && /[\p{Script=Han}，、]/u.test(first);
}

/**
 * Headings the line shapes alone cannot see: a Chinese section number on its own line followed by
 * its title ("一、" / "前言"), a front-matter label split over two lines ("摘" / "要"), front-matter
 * labels themselves, and — in documents that mark no headings at all — title-case lines standing
 * before a paragraph of prose ("Reframing Industrial Upgrading in a Globalized Era").
 */
export function markHeadings(input: readonly ProtoBlock[]): ProtoBlock[] {
  const protos = splitTrailingNumbers(input);
  const out: ProtoBlock[] = [];
  const marked = protos.filter((p) => p.kind === "heading").length;
  for (let i = 0; i < protos.length; i++) {
    const p = protos[i]!;
    const next = protos[i + 1];
    const single = p.kind === "paragraph" && p.lines.length === 1 ? p.lines[0]!.plain : null;
    const nextSingle =
      next?.kind === "paragraph" && next.lines.length === 1 ? next.lines[0]!.plain : null;
    const number = single !== null ? sectionNumberAlone(single) : null;
    const titleLine = next?.kind === "paragraph" ? next.lines[0]!.plain : "";
    if (number && titleLine && titleLine.length <= 40 && !TERMINAL.test(titleLine)) {
      const nested = /^[（(]/u.test(number);
      const arabic = /^\d/u.test(number);
      // "1." under Chinese headings is the level below "（一）"; in English text it is the top level.
      const han = /\p{Script=Han}/u.test(titleLine);
      out.push({
        kind: "heading",
        lines: [...p.lines, next!.lines[0]!],
        heading: {
          kind: "heading",
          level: arabic ? (han ? 4 : number.split(".").length) : nested ? 3 : 2,
          number: nested ? `（${number.replace(/[（()）]/gu, "")}）` : number,
          title: `${single} ${titleLine}`,
        },
      });
      // The title's paragraph goes on without its first line ("前言" / "國家對於地理空間…").
      if (next!.lines.length > 1) out.push({ ...next!, lines: next!.lines.slice(1) });
      i++;
      continue;
    }
    if (single !== null && nextSingle !== null && isBareLabel(`${single}${nextSingle}`)) {
      out.push(frontLabel([...p.lines, ...next!.lines], `${single}${nextSingle}`));
      i++;
      continue;
    }
    if (single !== null && isBareLabel(single)) {
      out.push(frontLabel(p.lines, single));
      continue;
    }
    if (p.kind === "paragraph" && isBareLabel(p.lines[0]!.plain)) {
      // "摘要" on the paragraph's first line heads the rest of it.
      out.push(frontLabel([p.lines[0]!], p.lines[0]!.plain), { ...p, lines: p.lines.slice(1) });
      continue;
    }
    if (p.kind === "paragraph" && FRONT_LABEL.test(p.lines[0]!.plain)) {
      out.push({ ...p, front: "block" });
      continue;
    }
    if (marked < 3 && single !== null && next && isTitleLine(single) && isProse(next)) {
      out.push({
        kind: "heading",
        lines: p.lines,
        heading: { kind: "heading", level: 1, number: null, title: single },
      });
      continue;
    }
    out.push(p);
  }
  return out;
}

/**
 * A section number set on its own line right under the previous paragraph ("Key words: …" / "一、",
 * then a blank line and "前言") belongs to the next block: it is split off.
 */
function splitTrailingNumbers(protos: readonly ProtoBlock[]): ProtoBlock[] {
  return protos.flatMap((p, i) => {
    const last = p.lines[p.lines.length - 1]!;
    const next = protos[i + 1];
    const title = next?.kind === "paragraph" ? next.lines[0]!.plain : "";
    if (
      p.kind !== "paragraph" ||
      p.lines.length < 2 ||
      !sectionNumberAlone(last.plain) ||
      !title ||
      title.length > 40 ||
      TERMINAL.test(title)
    )
      return [p];
    return [
      { ...p, lines: p.lines.slice(0, -1) },
      { kind: "paragraph" as const, lines: [last] },
    ];
  });
}

/** The section number of a line holding nothing else ("一、", "（二）", "1."), without its punctuation. */
function sectionNumberAlone(line: string): string | null {
  const cn = new RegExp(`^(${CN_NUM})[、．.]$`, "u").exec(line);
  if (cn) return cn[1]!;
  if (new RegExp(`^[（(]${CN_NUM}[）)]$`, "u").test(line)) return line;
  return /^(\d{1,2}(?:\.\d{1,2}){0,2})[.,]$/u.exec(line)?.[1] ?? null;
}

/**
 * The label a front-matter block starts with.
 *
 * @example
 *   frontLabelOf("Key words: State, Globalization"); // "Key words"
 */
export const frontLabelOf = (text: string): string => FRONT_LABEL.exec(text)?.[0] ?? text;

/** A front-matter label with nothing after it but a colon. */
const isBareLabel = (text: string) => FRONT_LABEL.test(text) && /^[^:：]*[:：]?\s*$/u.test(text);

function frontLabel(lines: RawLine[], title: string): ProtoBlock {
  return {
    kind: "heading",
    lines,
    heading: { kind: "heading", level: 1, number: null, title: title.replace(/[:：\s]+$/u, "") },
    front: "label",
  };
}

const MINOR = new Set(
  "a an the and or nor but for of in on at to by from with as into via vs".split(" "),
);

/** A line set in title case: three or more words, most content words capitalised, no sentence end. */
function isTitleLine(text: string): boolean {
  if (text.length > 120 || /[.:;,]$|https?:|@|<|©/u.test(text)) return false;
  if ((text.match(/,/gu) ?? []).length > 1 || !/^\p{Lu}/u.test(text)) return false;
  const words = text.split(/\s+/u).filter((w) => /\p{L}/u.test(w));
  if (words.length < 3) return false;
  const content = words.filter((w) => !MINOR.has(w.toLowerCase()));
  const capitalised = content.filter((w) => /^[“"‘'(]?\p{Lu}/u.test(w)).length;
  return capitalised / Math.max(1, content.length) >= 0.75;
}

/** A paragraph of running prose: long, with a sentence end. */
function isProse(p: ProtoBlock): boolean {
  if (p.kind !== "paragraph") return false;
  const text = p.lines.map((l) => l.plain).join(" ");
  return text.length >= 150 && /[.。!?！？]/u.test(text);
}
