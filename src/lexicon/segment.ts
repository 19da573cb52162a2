import { isHan } from "../text/fold.js";
import { chineseWords } from "../text/tokens.js";

/** A piece of (Simplified) Chinese text after segmentation. */
export interface ChineseToken {
  readonly text: string;
  /** `word`: a dictionary headword; `unknown`: Chinese not in the dictionary; `latin`: letters or digits. */
  readonly kind: "word" | "unknown" | "latin" | "other";
}

/** Most ICU segments joined into one dictionary word ("东北|亚" → 东北亚). */
const MAX_JOINED_SEGMENTS = 4;

const RUN =
  /[\u3400-\u9fff\uf900-\ufaff]+|[A-Za-z0-9]+(?:[.,'’&-][A-Za-z0-9]+)*|\s+|[^\s\u3400-\u9fff\uf900-\ufaffA-Za-z0-9]+/g;

/**
 * Segments Simplified Chinese text into dictionary words: ICU word segmentation, then adjacent
 * segments are joined when they form a longer headword, and segments unknown to the dictionary
 * are split by greedy longest match. Latin words and numbers pass through whole.
 * Chinese runs are segmented one at a time: ICU is quadratic on long mixed-script strings.
 *
 * @example
 *   segmentChinese("东北亚商业中心", (w) => dict.words.has(w), 8).map((t) => t.text)
 *   // → ["东北亚", "商业", "中心"]
 */
export function segmentChinese(
  text: string,
  has: (word: string) => boolean,
  maxWordLength: number,
): ChineseToken[] {
  const tokens: ChineseToken[] = [];
  for (const match of text.matchAll(RUN)) {
    const run = match[0];
    const code = run.codePointAt(0) ?? 0;
    if (isHan(code)) segmentRun(run, has, maxWordLength, tokens);
    else if (/^[A-Za-z0-9]/.test(run)) tokens.push({ text: run, kind: "latin" });
    else tokens.push({ text: run, kind: "other" });
  }
  return tokens;
}

function segmentRun(
  run: string,
  has: (word: string) => boolean,
  maxWordLength: number,
  out: ChineseToken[],
): void {
  const segments = chineseWords(run).map((w) => w.word);
  for (let i = 0; i < segments.length;) {
    let joined = 0;
    let text = segments[i] ?? "";
    for (let k = Math.min(MAX_JOINED_SEGMENTS, segments.length - i); k >= 2; k--) {
      const candidate = segments.slice(i, i + k).join("");
      if (candidate.length <= maxWordLength && has(candidate)) {
        joined = k;
        text = candidate;
        break;
      }
    }
    if (joined > 0) {
      out.push({ text, kind: "word" });
      i += joined;
      continue;
    }
    if (has(text)) out.push({ text, kind: "word" });
    else longestMatch(text, has, maxWordLength, out);
    i++;
  }
}

/** Forward maximum matching inside one segment that the dictionary does not know. */
function longestMatch(
  text: string,
  has: (word: string) => boolean,
  maxWordLength: number,
  out: ChineseToken[],
): void {
  for (let i = 0; i < text.length;) {
    let length = Math.min(maxWordLength, text.length - i);
    while (length > 1 && !has(text.slice(i, i + length))) length--;
    const piece = text.slice(i, i + length);
    out.push({ text: piece, kind: has(piece) ? "word" : "unknown" });
    i += length;
  }
}
