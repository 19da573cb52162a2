import type { RawLine } from "./lines.js";

/**
 * A note marker found in the raw text: `[start, end)`, for numbered notes its number, and how the
 * display text shows it: `""` (left out) or the number in superscript digits.
 */
export interface NoteMarker {
  start: number;
  end: number;
  number: number | null;
  shown: string;
  /** A symbol, superscript or `<sup>` marker: a marker wherever it appears. */
  always: boolean;
}

/**
 * Superscript digits, `<sup>…</sup>`, note symbols after a word ("Zhou\*,", "Sun†") and a "#" after
 * punctuation ("yuan.# The") are markers wherever they appear.
 */
const ALWAYS =
  /[\u00b9\u00b2\u00b3\u2070-\u2079]+|<sup>[^<\n]{1,8}<\/sup>|(?<=[\p{L}\p{N}.,;:)’”])(?:\\\*|[†‡§])+(?=[\s,.;:)]|$)/gu;
/**
 * Digits glued to the end of a word or a clause, as conversion leaves footnote numbers: after a Han
 * character, a per-cent sign or a closing bracket before Chinese punctuation ("天津6，", "…%11。"; not a
 * ratio's "為1：3"), after
 * English punctuation ("zones.21 In") or a number ("863,2 a": a digit group has three digits), or after a lower-case
 * word at a line end ("…Compared19"). Decimals ("2.5") and digit groups ("1,023") are not candidates.
 */
const GLUED =
  /(?<=[\p{Script=Han}%％)）」』])\d{1,3}(?=[，。、；！？）」]|[：,.;:](?!\d)|\s|$)|(?<=\p{L}[.,;:!?)’”"])\d{1,3}(?=\s|$)|(?<=\d,)\d{1,2}(?=\s)|(?<=\p{Ll})\d{1,3}(?=\s*$)/gu;
/** Punctuation after which a number followed by a space can only be a note marker ("zones.21 In"). */
const CLOSING = /[.,;:!?)\]"'\u201d\u2019\u3002\uff0c\uff1b\uff1a\uff09]$/u;
/** How far a footnote number may run ahead of the next expected one (markers lost in conversion). */
const MAX_SKIP = 4;

/**
 * Footnote and note markers of a document, in order. Symbols and superscripts are always markers;
 * a glued number is one only when it continues the document's footnote numbering (1, 2, 3, … with
 * small gaps), which tells "…天津6，" (footnote 6) from "…比例為1：3" (a ratio). Lines that are only a
 * number (footnote bodies' numbers, page numbers) and table rows hold no markers.
 *
 * The display text leaves a marker out where nothing could mistake its absence — symbols,
 * superscripts, and numbers after closing punctuation and before a space ("zones.21 In"). A number
 * glued into running text ("之一15，正如", "42.5%13。") is shown as the superscript it was printed as
 * ("之一¹⁵，正如"): the digits are still the source's, so the quote stays verifiable character for
 * character, and no reader takes them for part of a figure.
 *
 * @example
 *   noteMarkers(splitLines("China grew.¹ Then zones.2 Next")).map((m) => m.number); // [1, 2]
 */
export function noteMarkers(lines: readonly RawLine[]): NoteMarker[] {
  const candidates: NoteMarker[] = [];
  for (const line of lines) {
    if (line.raw.includes("\t") || /^\s*\d+\s*$/u.test(line.raw)) continue;
    const found: NoteMarker[] = [];
    for (const m of line.raw.matchAll(ALWAYS))
      found.push({
        start: m.index,
        end: m.index + m[0].length,
        number: superscriptValue(m[0]),
        shown: "",
        always: true,
      });
    for (const m of line.raw.matchAll(GLUED)) {
      const end = m.index + m[0].length;
      const clean =
        CLOSING.test(line.raw.slice(0, m.index)) &&
        (end === line.raw.length || /\s/u.test(line.raw.charAt(end)));
      found.push({
        start: m.index,
        end,
        number: Number(m[0]),
        shown: clean ? "" : superscript(m[0]),
        always: false,
      });
    }
    found.sort((a, b) => a.start - b.start);
    for (const c of found)
      candidates.push({ ...c, start: line.start + c.start, end: line.start + c.end });
  }
  return inSequence(candidates);
}

/**
 * Keeps symbol markers and the numbers that continue the footnote numbering: the next number, a few
 * ahead of it (markers lost in conversion), or a jump confirmed by the number right after it
 * ("蔡青蓉68、陳俊銘69" after note 56).
 */
function inSequence(candidates: readonly NoteMarker[]): NoteMarker[] {
  const kept: NoteMarker[] = [];
  let expected = 1;
  candidates.forEach((c, i) => {
    const n = c.number;
    // Symbols and superscripts are markers whatever their number; superscripts still count.
    if (n === null || c.always) {
      if (n !== null && n >= expected) expected = n + 1;
      kept.push(c);
      return;
    }
    const next = candidates.slice(i + 1).find((x) => x.number !== null)?.number ?? null;
    const confirmed = next !== null && next > n && next <= n + 2;
    if (n < expected || (n > expected + MAX_SKIP && !confirmed)) return;
    expected = n + 1;
    kept.push(c);
  });
  return kept;
}

const SUPERSCRIPTS = "⁰¹²³⁴⁵⁶⁷⁸⁹";

/**
 * Digits in superscript form.
 *
 * @example
 *   superscript("15"); // "¹⁵"
 */
export const superscript = (digits: string): string =>
  [...digits].map((d) => SUPERSCRIPTS[Number(d)] ?? d).join("");

/** The number a run of superscript digits spells, else null (symbols, `<sup>†</sup>`). */
function superscriptValue(marker: string): number | null {
  const inner = marker.replace(/^<sup>|<\/sup>$/gu, "");
  const digits = [...inner].map((c) => (/\d/u.test(c) ? c : String(SUPERSCRIPTS.indexOf(c))));
  return digits.every((d) => /^\d$/u.test(d)) ? Number(digits.join("")) : null;
}
