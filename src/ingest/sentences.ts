import type { Sentence } from "./types.js";

const segmenter = new Intl.Segmenter("en", { granularity: "sentence" });
/** Abbreviations after which ICU's sentence rules would wrongly break. */
const ABBREVIATION =
  /(?:\b(?:et al|e\.g|i\.e|cf|etc|vs|Fig|Figs|No|Nos|Vol|pp|p|Dr|Mr|Mrs|Ms|Prof|Inc|Co|Ltd|Corp|Dept|Univ|approx|ca|St|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)\.|\b\p{Lu}\.)\s*$/u;
const CJK_BREAK = /[。！？；!?]+[」』”）)]*/gu;
/** Full stops only: a "；" ends a clause, not a sentence. */
const CJK_FULL_STOP = /[。！？!?]+[」』”）)]*/gu;

/**
 * Sentence ranges of `text[start, end)`: ICU sentence rules, plus breaks after Chinese 。！？ (and
 * after ；, which closes a clause, unless `clauses` is false), without breaking after common
 * abbreviations ("et al.", "Fig.", initials). Table rows (lines) are sentences.
 *
 * @example
 *   splitSentences("Dr. Li came. 他來了。再見。", 0, 21).length // → 3
 *   splitSentences("甲；乙。", 0, 4, { clauses: false }).length // → 1
 */
export function splitSentences(
  text: string,
  start: number,
  end: number,
  { clauses = true }: { clauses?: boolean } = {},
): Sentence[] {
  const breaks = clauses ? CJK_BREAK : CJK_FULL_STOP;
  const out: Sentence[] = [];
  for (const line of ranges(text, start, end, /\n+/gu)) {
    let pending: Sentence | null = null;
    for (const seg of segmenter.segment(text.slice(line.start, line.end))) {
      const s = line.start + seg.index;
      const piece = { start: s, end: s + seg.segment.length };
      for (const sub of ranges(text, piece.start, piece.end, breaks, true)) {
        if (pending) pending.end = sub.end;
        else pending = { ...sub };
        const so = text.slice(pending.start, pending.end);
        if (/[\p{L}\p{N}]/u.test(so) && !ABBREVIATION.test(so)) {
          out.push(trim(text, pending));
          pending = null;
        }
      }
    }
    if (pending) out.push(trim(text, pending));
  }
  return out.filter((s) => s.end > s.start && /[\p{L}\p{N}]/u.test(text.slice(s.start, s.end)));
}

/** Splits `[start, end)` at matches of `sep` (keeping the separator with the left piece when `keep`). */
function ranges(text: string, start: number, end: number, sep: RegExp, keep = false): Sentence[] {
  const out: Sentence[] = [];
  const slice = text.slice(start, end);
  let at = 0;
  sep.lastIndex = 0;
  for (let m = sep.exec(slice); m; m = sep.exec(slice)) {
    const cut = keep ? m.index + m[0].length : m.index;
    if (cut > at) out.push({ start: start + at, end: start + cut });
    at = m.index + m[0].length;
  }
  if (at < slice.length) out.push({ start: start + at, end });
  return out;
}

function trim(text: string, s: Sentence): Sentence {
  let { start, end } = s;
  while (start < end && /\s/u.test(text.charAt(start))) start++;
  while (end > start && /\s/u.test(text.charAt(end - 1))) end--;
  return { start, end };
}
