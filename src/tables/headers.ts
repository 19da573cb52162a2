import { isYear, parseNumber } from "./numbers.js";
import { makeColumn } from "./rows.js";
import { unitFromLabel } from "./units.js";
import type { TableColumn } from "./types.js";

/** One header cell of a table flattened to one cell per line. */
export interface HeaderToken {
  text: string;
  start: number;
  end: number;
}

/** Options of {@link assembleHeader}. */
export interface HeaderOptions {
  /** Rows are keyed by years, so years in the header are not column groups. */
  rowKeysAreYears: boolean;
  /** True when the document's prose writes `head tail` as a phrase (supports merging two fragments). */
  phraseSupported: (head: string, tail: string) => boolean;
}

export type HeaderResult =
  | { ok: true; stub: HeaderToken | null; columns: TableColumn[]; warnings: string[] }
  | { ok: false; reason: string };

/** Generic headers of the row-header column. */
const STUB =
  /^(?:year|years|年|年份|年度|region|regions|區域|区域|地區|地区|city|cities|城市|item|items|項目|项目|indicator|indicators)$/iu;

/**
 * Turns the header cells of a one-cell-per-line table into `n` value columns, or says why it
 * cannot. Three shapes are recognised: one cell per column; repeated leaf cells under group cells
 * ("1952 / 工業總產值 輕工業 重工業", "1970 / …"); and two-line headers whose first lines come before
 * their second lines ("Computers &", …, "Peripherals"). Columns whose text stays ambiguous are kept
 * with an empty label and `certain: false`.
 *
 * @example
 *   const t = (text: string) => ({ text, start: 0, end: 0 });
 *   const r = assembleHeader([t("年份"), t("天津市"), t("河北省")], 2, { rowKeysAreYears: true, phraseSupported: () => false });
 *   r.ok && r.columns.map((c) => c.label) // → ["天津市", "河北省"]
 */
export function assembleHeader(
  tokens: readonly HeaderToken[],
  n: number,
  options: HeaderOptions,
): HeaderResult {
  const cells = tokens.flatMap(splitCjk);
  const first = cells[0];
  const hasStub =
    first !== undefined &&
    !parseNumber(first.text) &&
    (cells.length === n + 1 || STUB.test(first.text));
  const stub = hasStub ? first : null;
  const rest = hasStub ? cells.slice(1) : cells;
  if (rest.length === n)
    return {
      ok: true,
      stub,
      columns: rest.map((t, i) => makeColumn(i + 1, [t.text], [[t.start, t.end]])),
      warnings: [],
    };
  if (rest.length < n)
    return { ok: false, reason: `${rest.length} header cells for ${n} value columns` };
  const fragments = rest.every((t) => !parseNumber(t.text));
  const fallback: HeaderResult = {
    ok: false,
    reason: `${rest.length} header cells for ${n} value columns`,
  };
  return (
    grouped(rest, n, options, stub) ?? (fragments ? twoLine(rest, n, options, stub) : fallback)
  );
}

/** PDF text runs sometimes join two Chinese header cells with a space ("工業總產值 輕工業"). */
function splitCjk(token: HeaderToken): HeaderToken[] {
  const parts = token.text.split(/\s+/u);
  const cjkWord = (p: string) => /^[\p{Script=Han}]{2,}$/u.test(p);
  if (parts.length < 2 || !parts.every(cjkWord)) return [token];
  const out: HeaderToken[] = [];
  let at = 0;
  for (const part of parts) {
    const offset = token.text.indexOf(part, at);
    out.push({ text: part, start: token.start + offset, end: token.start + offset + part.length });
    at = offset + part.length;
  }
  return out;
}

/** Group cells (years over repeated leaves, or cells stating a unit) spread evenly over identical leaf runs. */
function grouped(
  rest: readonly HeaderToken[],
  n: number,
  options: HeaderOptions,
  stub: HeaderToken | null,
): HeaderResult | null {
  const isGroup = (t: HeaderToken) =>
    (isYear(t.text) && !options.rowKeysAreYears) ||
    (/[)）]$/u.test(t.text) && unitFromLabel(t.text) !== null);
  const groups = rest.filter(isGroup);
  const leaves = rest.filter((t) => !isGroup(t));
  if (groups.length === 0 || leaves.length !== n) return null;
  const size = n / groups.length;
  const runs = groups.map((_, g) =>
    leaves
      .slice(g * size, (g + 1) * size)
      .map((t) => t.text)
      .join("|"),
  );
  if (!Number.isInteger(size) || runs.some((r) => r !== runs[0])) {
    return {
      ok: false,
      reason: `${leaves.length} header cells under ${groups.length} group cells do not repeat evenly, so their columns are uncertain`,
    };
  }
  const columns = leaves.map((leaf, i) => {
    const group = groups[Math.floor(i / size)]!;
    return makeColumn(
      i + 1,
      [group.text, leaf.text],
      [
        [group.start, group.end],
        [leaf.start, leaf.end],
      ],
    );
  });
  return { ok: true, stub, columns, warnings: [] };
}

/** A header fragment that must be continued ("Computers &", "Research and"). */
const OPEN_END = /(?:[&/,-]|\band|\bof|\bfor|\bin|\bthe)$/iu;
/** A fragment that continues another ("-cations", "and others"). */
const CONTINUES = /^[-\p{Ll}]/u;

type Item = { head: HeaderToken; tail: HeaderToken | null };
interface Segmentation {
  items: Item[];
  score: number;
}

/** Segmentations whose score is the best found; the search stops after this many partial paths. */
const SEARCH_LIMIT = 20_000;

/**
 * Two-line header cells: a run of first lines followed by the run of their second lines. Every
 * segmentation into `n` columns is scored by the merges it can justify (an open end, a
 * continuation, or the merged phrase occurring in the prose), then by how few blocks it needs;
 * columns on which all best segmentations agree are certain.
 */
function twoLine(
  rest: readonly HeaderToken[],
  n: number,
  options: HeaderOptions,
  stub: HeaderToken | null,
): HeaderResult {
  const memo = new Map<string, boolean>();
  const evidence = (head: HeaderToken, tail: HeaderToken) => {
    const key = `${head.start}:${tail.start}`;
    if (!memo.has(key))
      memo.set(
        key,
        OPEN_END.test(head.text) ||
          CONTINUES.test(tail.text) ||
          options.phraseSupported(head.text, joinText(head.text, tail.text)),
      );
    return memo.get(key)!;
  };
  const best: Segmentation[] = [];
  let bestScore = Number.NEGATIVE_INFINITY;
  let steps = 0;
  const walk = (p: number, items: Item[], score: number) => {
    if (++steps > SEARCH_LIMIT) return;
    if (items.length > n) return;
    if (p === rest.length) {
      if (items.length !== n) return;
      if (score > bestScore) best.length = 0;
      if (score >= bestScore) {
        bestScore = score;
        best.push({ items: [...items], score });
      }
      return;
    }
    const single = rest[p]!;
    if (!OPEN_END.test(single.text) && !CONTINUES.test(single.text))
      walk(p + 1, [...items, { head: single, tail: null }], score);
    for (let b = 1; p + 2 * b <= rest.length; b++) {
      const heads = rest.slice(p, p + b);
      const tails = rest.slice(p + b, p + 2 * b);
      if (heads.some((h) => CONTINUES.test(h.text)) || tails.some((t) => OPEN_END.test(t.text)))
        continue;
      const justified = heads.filter((h, i) => evidence(h, tails[i]!)).length;
      if (b > 1 && justified === 0) continue;
      // Justified joins count most; among equals, fewer blocks (first lines printed together) win.
      walk(
        p + 2 * b,
        [...items, ...heads.map((head, i) => ({ head, tail: tails[i]! }))],
        score + 10 * justified - 1,
      );
    }
  };
  walk(0, [], 0);
  if (best.length === 0)
    return {
      ok: false,
      reason: `${rest.length} header cells cannot be joined into ${n} column headers`,
    };
  const uncertain: string[] = [];
  const columns = best[0]!.items.map((item, i) => {
    const label = itemText(item);
    const agreed = best.every((s) => s.items[i] && itemText(s.items[i]!) === label);
    const spans: TableColumn["spans"] = item.tail
      ? [
          [item.head.start, item.head.end],
          [item.tail.start, item.tail.end],
        ]
      : [[item.head.start, item.head.end]];
    if (!agreed) uncertain.push(`c${i + 1}`);
    return agreed ? makeColumn(i + 1, [label], spans) : makeColumn(i + 1, [], [], false);
  });
  const warnings = uncertain.length
    ? [
        `header of ${uncertain.join(", ")} is ambiguous among the cells ${[...new Set(best.flatMap((s) => uncertain.map((k) => itemText(s.items[Number(k.slice(1)) - 1]!))))].map((t) => `"${t}"`).join(", ")}`,
      ]
    : [];
  return { ok: true, stub, columns, warnings };
}

function itemText(item: Item): string {
  return item.tail ? joinText(item.head.text, item.tail.text) : item.head.text;
}

/** "Tele-Communi" + "-cations" → "Tele-Communications"; "Computers &" + "Peripherals" → "Computers & Peripherals". */
function joinText(head: string, tail: string): string {
  if (tail.startsWith("-") && /\p{L}$/u.test(head)) return `${head}${tail.slice(1)}`;
  if (head.endsWith("-")) return `${head}${tail}`;
  return `${head} ${tail}`;
}
