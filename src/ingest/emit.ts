import { markupRanges, stripMarkup } from "./markup.js";
import type { RawLine } from "./lines.js";
import type { Mark } from "./structure.js";
import type { TwinBuilder } from "./twin-builder.js";
import type { BlockKind } from "./types.js";

const CJK = /[\p{Script=Han}\u3000-\u303f\uff00-\uffef]/u;
const LETTER = /\p{L}/u;
const SUPERSCRIPT = /[\u00b9\u00b2\u00b3\u2070-\u2079]/u;
const LOWER = /\p{Ll}/u;
/** Spacing the display text collapses: ASCII spaces and tabs, and the soft hyphen (dropped). */
const SPACE = /[ \t\r\f\v]/u;

/**
 * Emits the lines of one block into both texts, joining wrapped lines. `marks` (sorted) are raw
 * ranges the display text leaves out or shows differently (footnote markers, page numbers); the
 * matching text keeps them.
 */
export function emitBlock(
  b: TwinBuilder,
  lines: readonly RawLine[],
  kind: BlockKind,
  marks: readonly Mark[],
): void {
  lines.forEach((line, i) => {
    if (i > 0) joinLines(b, line, kind);
    emitLine(b, line, kind === "table", marks);
  });
}

/**
 * The joint between two lines of a block: a space, as the line break was whitespace, except between
 * two CJK characters (Han, CJK punctuation, full-width forms: "吸" + "引", "，" + "並"), which are
 * joined directly. Line-break hyphenation ("develop-" + "ment") is undone. Table lines: rows of a tab
 * table go on new lines; cells of a one-cell-per-line table are separated by tabs in the display text.
 */
function joinLines(b: TwinBuilder, next: RawLine, kind: BlockKind): void {
  b.trimEnd();
  const at = next.start - 1;
  if (kind === "table") {
    const row = next.raw.includes("\t");
    b.push(row ? "\n" : " | ", row ? "\n" : "\t", at, next.start);
    return;
  }
  const prev = b.match.lastChar();
  const first = /\S/u.exec(next.plain)?.[0] ?? "";
  if ((prev === "-" || prev === "\u00ad") && LOWER.test(first)) {
    if (LETTER.test(b.match.charFromEnd(2))) {
      b.match.popChar();
      if (b.display.lastChar() === prev) b.display.popChar();
      return;
    }
  }
  // A superscript note number joins as the word it is attached to would ("共識¹⁶" + "，").
  let back = 1;
  while (SUPERSCRIPT.test(b.display.charFromEnd(back))) back++;
  const prevShown = b.display.charFromEnd(back);
  const firstShown = /\S/u.exec(stripMarkup(next.raw))?.[0] ?? "";
  const displaySpace = CJK.test(prevShown) && CJK.test(firstShown) ? "" : " ";
  b.push(CJK.test(prev) && CJK.test(first) ? "" : " ", displaySpace, at, next.start);
}

function emitLine(b: TwinBuilder, line: RawLine, table: boolean, marks: readonly Mark[]): void {
  const markup = markupRanges(line.raw);
  const text = line.raw;
  let r = 0;
  let k = firstEndingAfter(marks, line.start);
  // Indentation and the leading space conversion puts on some lines are not the text's spacing.
  const indent = /^\s*/u.exec(text)![0].length;
  for (let i = 0; i < text.length;) {
    while (r < markup.length && markup[r]![1] <= i) r++;
    const range = markup[r];
    if (range && range[0] <= i) {
      i = range[1];
      continue;
    }
    const cp = text.codePointAt(i)!;
    const width = cp > 0xffff ? 2 : 1;
    const ch = String.fromCodePoint(cp);
    const at = line.start + i;
    while (k < marks.length && marks[k]!.end <= at) k++;
    const mark = k < marks.length && marks[k]!.start <= at ? marks[k]! : null;
    i += width;
    if (ch === "\t" && table) {
      b.trimEnd();
      b.push(" | ", "\t", at, at + 1);
      continue;
    }
    const match = matchForm(b, ch);
    if (mark) {
      // A marker attaches to the word before it: no space between them.
      if (mark.start === at && mark.shown) {
        b.display.trimEnd();
        b.display.push(mark.shown, mark.start, mark.end);
      }
      b.push(match, "", at, at + width);
      continue;
    }
    b.push(match, i - width < indent ? "" : displayForm(b, ch), at, at + width);
  }
}

/** NFKC; whitespace collapsed to one space (none after a table bar); soft hyphens dropped. */
function matchForm(b: TwinBuilder, ch: string): string {
  if (!/\s/u.test(ch) && ch !== "\u00ad") return ch.normalize("NFKC");
  const last = b.match.lastChar();
  return ch !== "\u00ad" && last && !/\s/u.test(last) && !last.endsWith("| ") ? " " : "";
}

/**
 * The source's character, except that CJK compatibility ideographs become their unified forms (NFC
 * maps exactly those; full-width punctuation and ％ are left alone), runs of spaces become one space
 * and soft hyphens are dropped.
 */
function displayForm(b: TwinBuilder, ch: string): string {
  if (ch === "\u00ad") return "";
  if (!SPACE.test(ch)) return ch.normalize("NFC");
  const last = b.display.lastChar();
  return last && !/\s/u.test(last) ? " " : "";
}

function firstEndingAfter(ranges: readonly Mark[], at: number): number {
  let lo = 0;
  let hi = ranges.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (ranges[mid]!.end <= at) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}
