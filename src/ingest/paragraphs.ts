import type { Block } from "./types.js";

/**
 * Identity of a block's section: blocks with equal keys are in the same section ("" before the first
 * heading and after front matter).
 */
export const sectionKey = (b: Block): string =>
  b.section ? `${b.section.rawStart}\u0000${b.section.title}` : "";

/**
 * Paragraph numbers within each section as a reader counts them from the section's heading: prose
 * paragraphs only (headings, tables, captions and notes are not counted; they take the number of the
 * paragraph before them, at least 1), and a paragraph that resumes after a figure or a table
 * ("…generate local" / figure / "linkages increased…") keeps its number.
 *
 * @example
 *   paragraphNumbers(doc.blocks, doc.display.text).get(doc.blocks[3]); // 2
 */
export function paragraphNumbers(blocks: readonly Block[], display: string): Map<Block, number> {
  const numbers = new Map<Block, number>();
  let para = 0;
  let lastSection = "";
  let previous = "";
  for (const b of blocks) {
    if (sectionKey(b) !== lastSection) {
      para = 0;
      previous = "";
    }
    lastSection = sectionKey(b);
    if (b.kind === "heading") continue;
    const text = display.slice(b.displayStart, b.displayEnd);
    if (b.kind === "paragraph") {
      if (!previous || !resumes(previous, text)) para++;
      previous = text;
    }
    numbers.set(b, Math.max(1, para));
  }
  return numbers;
}

/** Whether `next` carries on the sentence `previous` left open. */
function resumes(previous: string, next: string): boolean {
  if (/[.。!?！？:：;；"”」』)）]$/u.test(previous)) return false;
  const first = next.charAt(0);
  if (/\p{Ll}/u.test(first)) return true;
  return /[\p{Script=Han}，、]$/u.test(previous) && /[\p{Script=Han}，、]/u.test(first);
}
