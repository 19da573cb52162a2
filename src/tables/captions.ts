import { cleanText } from "./markup.js";
import type { Line } from "./lines.js";

/** A table caption: the line that names a table, possibly continued on the next line. */
export interface Caption {
  /** "Table 2", "表2", "表一". */
  label: string;
  /** Caption text with markup removed. */
  caption: string;
  /** Caption without its label. */
  title: string;
  start: number;
  end: number;
  /** Index of the caption's last line in the line list. */
  lastLine: number;
}

/** "Table 2.", "TABLE 1.", "Tab. 1:" — the number must be followed by "." or ":", so prose like
 * "Table 3 summarizes…" or the placeholder "Table 2 is here" is not a caption. */
const ENGLISH = /^(?<word>Table|TABLE|Tab\.)\s*(?<num>\d{1,2})\s*[.:：]\s*(?<title>\S.*)$/u;
/** "表2：…", "表 4：…", "表一 …". */
const CHINESE =
  /^表\s*(?<num>\d{1,2}|[一二三四五六七八九十]{1,3})\s*(?:[：:]\s*|\s+)(?<title>[^\s）)，。].*)$/u;

/**
 * Reads a caption from `lines[i]`, or returns null when the line is not one.
 *
 * @example
 *   readCaption([{ start: 0, end: 20, text: "**Table 2.** Sample" }], 0)?.label // → "Table 2"
 */
export function readCaption(lines: readonly Line[], i: number): Caption | null {
  const line = lines[i];
  if (!line) return null;
  const text = cleanText(line.text);
  const en = ENGLISH.exec(text)?.groups;
  const zh = en ? undefined : CHINESE.exec(text)?.groups;
  const num = en?.num ?? zh?.num;
  const title = en?.title ?? zh?.title;
  if (!num || !title) return null;
  const label = en ? `Table ${num}` : `表${num}`;
  const labelLength = text.length - title.length;
  let caption = text;
  let end = line.end;
  let lastLine = i;
  const next = lines[i + 1];
  // An upper-case caption that breaks at a hyphen ("REAL-" / "ISTIC NETWORK …") goes on.
  if (
    en?.word === "TABLE" &&
    next &&
    /-$/u.test(text) &&
    /^[\p{Lu}\s\W]+$/u.test(next.text.trim())
  ) {
    caption = `${caption.slice(0, -1)}${next.text.trim()}`;
    end = next.end;
    lastLine = i + 1;
  }
  const start = line.start + (line.text.length - line.text.trimStart().length);
  return { label, caption, title: caption.slice(labelLength).trim(), start, end, lastLine };
}
