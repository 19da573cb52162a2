import { isBlank, type Line } from "./lines.js";
import { cleanText } from "./markup.js";

/** Lines that open a table note: sources, notes, footnote markers. */
const NOTE_START =
  /^\s*(?:\*?\s*(?:資料來源|資料摘取自|资料来源|sources?|souce|notes?|註|注)\s*\*?\s*[:：]|<sup>)/iu;
/** How many note paragraphs, and lines per paragraph, may follow a table. */
const MAX_PARAGRAPHS = 3;
const MAX_LINES = 3;

/** Notes found after a table, and the index of their last line. */
export interface Notes {
  notes: string[];
  lastLine: number;
}

/**
 * Reads the notes after a table body that ends at `lines[after]`: paragraphs that open like a
 * note ("Source:", "資料來源：", "<sup>a</sup>…"), and — right after a tab-separated table — one short
 * sentence, which is how the corpus writes unlabeled notes.
 *
 * @example
 *   readNotes(lines, bodyLastLine, true).notes // → ["Source: Firm sample survey."]
 */
export function readNotes(lines: readonly Line[], after: number, allowPlain: boolean): Notes {
  const notes: string[] = [];
  let lastLine = after;
  let i = after + 1;
  for (let p = 0; p < MAX_PARAGRAPHS; p++) {
    while (i < lines.length && isBlank(lines[i]!)) i++;
    const first = lines[i];
    if (!first) break;
    const plain = p === 0 && allowPlain && isShortSentence(first, lines[i + 1]);
    if (!NOTE_START.test(first.text) && !plain) break;
    const texts: string[] = [];
    for (let k = 0; k < MAX_LINES && lines[i] && !isBlank(lines[i]!); k++, i++) {
      // A note goes on to the next line only when its line does not end a sentence.
      if (k > 0 && (NOTE_START.test(lines[i]!.text) || /[.。]$/u.test(texts.at(-1) ?? ""))) break;
      texts.push(lines[i]!.text.trim());
      lastLine = i;
    }
    notes.push(cleanText(texts.join(" ").replace(/<sup>([^<]{1,3})<\/sup>/gu, "$1 ")));
  }
  return { notes, lastLine };
}

function isShortSentence(line: Line, next: Line | undefined): boolean {
  const text = line.text.trim();
  return (
    text.length < 160 &&
    /^\p{Lu}/u.test(text) &&
    /\.$/u.test(text) &&
    (next === undefined || isBlank(next))
  );
}
