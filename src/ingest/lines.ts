import { stripMarkup } from "./markup.js";

/** One raw line: `[start, end)` in the raw file (without its line break) and its markup-free text. */
export interface RawLine {
  start: number;
  end: number;
  raw: string;
  plain: string;
}

export type LineClass =
  | { kind: "blank" }
  | { kind: "heading"; level: number; number: string | null; title: string }
  | { kind: "caption" }
  | { kind: "table-row" }
  | { kind: "running" }
  | { kind: "text" };

/**
 * Splits raw text into lines, keeping offsets (a `\r` before `\n` is left out of the line).
 *
 * @example
 *   splitLines("a\r\nbc")[1] // → { start: 3, end: 5, raw: "bc", plain: "bc" }
 */
export function splitLines(raw: string, from = 0, to = raw.length): RawLine[] {
  const lines: RawLine[] = [];
  let at = from;
  while (at <= to) {
    let nl = raw.indexOf("\n", at);
    if (nl < 0 || nl > to) nl = to;
    const end = nl > at && raw.charCodeAt(nl - 1) === 13 ? nl - 1 : nl;
    const text = raw.slice(at, end);
    lines.push({ start: at, end, raw: text, plain: stripMarkup(text).normalize("NFKC").trim() });
    if (nl >= to) break;
    at = nl + 1;
  }
  return lines;
}

const REFERENCE_TITLES =
  /^(references?|bibliography|works cited|literature( cited)?|notes|endnotes|參考文獻|参考文献|參考書目|参考书目|註釋|注释)$/iu;
const CN_NUM = "[一二三四五六七八九十百]+";
const CAPTION = new RegExp(
  `^(Table|TABLE|Figure|FIGURE|Fig\\.|Chart|表|圖|图)\\s*(\\d+|${CN_NUM})(\\s*[.:：．、]|\\s|$)`,
  "u",
);

/** Whether a heading title opens a reference list or endnotes. */
export const isReferenceTitle = (title: string): boolean =>
  REFERENCE_TITLES.test(title.replace(/[#*:：\s]+$/u, "").trim());

/**
 * Classifies one line by its shape. Headings need to look like headings (short, numbered or marked,
 * no sentence-final punctuation), because numbered list items and footnotes look similar.
 */
export function classifyLine(line: RawLine): LineClass {
  const t = line.plain;
  if (!t) return { kind: "blank" };
  // Running page headers and footers of scanned journals ("128 DEVELOPMENT AND SOCIETY").
  if (/^\d{1,4}\s+[\p{Lu}][\p{Lu}\s,:&'’-]{8,}$|^[\p{Lu}][\p{Lu}\s,:&'’-]{8,}\s+\d{1,4}$/u.test(t))
    return { kind: "running" };
  if (line.raw.includes("\t") && t.split("\t").filter((c) => c.trim()).length >= 2)
    return { kind: "table-row" };
  if (CAPTION.test(t) && t.length <= 200) return { kind: "caption" };
  const md = /^\s{0,3}(#{1,6})\s+/u.exec(line.raw);
  if (md) return heading(md[1]!.length, t);
  if (isReferenceTitle(t)) return { kind: "heading", level: 1, number: null, title: t };
  if (
    t.length <= 60 &&
    /^[\p{Lu}\d][\p{Lu}\d\s,:&'’—–-]+$/u.test(t) &&
    (t.match(/\p{Lu}/gu) ?? []).length >= 6
  )
    return { kind: "heading", level: 1, number: null, title: t };
  // Chinese headings may end in a colon ("第一章：", "（一）資本運動建構的經濟空間結構：").
  const cn = t.length <= 40 && !/[.。,，;；!?！？)"”」]$/u.test(t);
  let m = new RegExp(`^第(${CN_NUM}|\\d+)[章節篇部][:：]?\\s*(.*)$`, "u").exec(t);
  if (m && cn) return { kind: "heading", level: 1, number: `第${m[1]}章`, title: t };
  m = new RegExp(`^(${CN_NUM})[、．.]\\s*(\\S.*)$`, "u").exec(t);
  if (m && cn) return { kind: "heading", level: 2, number: m[1]!, title: t };
  m = new RegExp(`^[（(](${CN_NUM})[）)]\\s*(\\S.*)$`, "u").exec(t);
  if (m && cn) return { kind: "heading", level: 3, number: `（${m[1]}）`, title: t };
  if (t.length > 80 || /[.。,，;；:：!?！？)）"”」]$/u.test(t)) return { kind: "text" };
  m = /^(\d{1,2}(?:\.\d{1,2}){0,3})[.,]?\s+(\p{Lu}[^\t]*)$/u.exec(t);
  if (m && t.split(/\s+/u).length <= 12)
    return { kind: "heading", level: m[1]!.split(".").length, number: m[1]!, title: t };
  return { kind: "text" };
}

function heading(level: number, title: string): LineClass {
  const num = /^(\d{1,2}(?:\.\d{1,2}){0,3})\.?\s/u.exec(title);
  // Converted files mark levels inconsistently ("### 3." after "## 2."); a section number is more reliable.
  return {
    kind: "heading",
    level: num ? num[1]!.split(".").length + 1 : level,
    number: num ? num[1]! : null,
    title,
  };
}
