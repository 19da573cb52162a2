/**
 * Arithmetic checks that confirm (or refute) a grid rebuilt from a flattened table: totals,
 * row sums, ratio rows and shares adding up to 100, plus a sanity check on percentages.
 */

/** A numeric view of a rebuilt table. */
export interface NumericGrid {
  rowLabels: string[];
  columnLabels: string[];
  /** Unit per row / column ("%" marks a percentage row or column). */
  rowUnits: (string | null)[];
  columnUnits: (string | null)[];
  values: (number | null)[][];
  decimals: number[][];
}

type Cell = { value: number; decimals: number };

/** One confirmation; `totalRow` is set when a row proved to be the sum of other rows. */
export interface Confirmation {
  text: string;
  totalRow?: number;
}

/**
 * True when `targets[j] ≈ computed[j]` for most positions and every position is within 1 %.
 * Tables are printed with rounded figures (and the odd typo), so one strict rule would reject
 * real totals; requiring three quarters strict and all loose keeps coincidences out.
 */
function holds(
  pairs: Array<{ target: Cell; computed: number; terms: number }>,
  minCount = 2,
): boolean {
  if (pairs.length < minCount) return false;
  let strict = 0;
  for (const { target, computed, terms } of pairs) {
    const rounding = 0.5 * 10 ** -target.decimals * (terms + 1);
    const diff = Math.abs(target.value - computed);
    if (diff > 0.01 * Math.abs(target.value) + rounding) return false;
    if (diff <= Math.max(rounding, 0.0025 * Math.abs(target.value))) strict++;
  }
  return strict >= Math.ceil(0.75 * pairs.length);
}

function cellAt(grid: NumericGrid, r: number, c: number): Cell | null {
  const value = grid.values[r]?.[c];
  return value === null || value === undefined
    ? null
    : { value, decimals: grid.decimals[r]?.[c] ?? 0 };
}

function transpose(grid: NumericGrid): NumericGrid {
  const cols = grid.columnLabels.length;
  const rows = grid.rowLabels.length;
  const flip = <T>(m: T[][]) =>
    Array.from({ length: cols }, (_, c) => Array.from({ length: rows }, (_, r) => m[r]![c]!));
  return {
    rowLabels: grid.columnLabels,
    columnLabels: grid.rowLabels,
    rowUnits: grid.columnUnits,
    columnUnits: grid.rowUnits,
    values: flip(grid.values),
    decimals: flip(grid.decimals),
  };
}

/** Rows equal to the sum of a run of at least two rows directly above or below them. */
function sumLines(grid: NumericGrid, noun: string, across: string): Confirmation[] {
  const found: Confirmation[] = [];
  const n = grid.rowLabels.length;
  for (let t = 0; t < n; t++) {
    for (const [from, to] of runsAround(t, n)) {
      const pairs = grid.columnLabels.flatMap((_, c) => {
        const target = cellAt(grid, t, c);
        const terms = range(from, to).map((r) => cellAt(grid, r, c));
        if (!target || terms.some((x) => x === null)) return [];
        return [{ target, computed: terms.reduce((s, x) => s + x!.value, 0), terms: terms.length }];
      });
      if (holds(pairs)) {
        found.push({
          text: `${noun} "${grid.rowLabels[t]}" is the sum of the ${to - from} ${noun}s ${from < t ? "before" : "after"} it in ${pairs.length} ${across}`,
          totalRow: t,
        });
        break;
      }
    }
  }
  return found;
}

/** Rows equal to 100 × one row ÷ another (a share row). */
function ratioLines(grid: NumericGrid, noun: string): Confirmation[] {
  const found: Confirmation[] = [];
  const n = grid.rowLabels.length;
  for (let t = 0; t < n; t++) {
    search: for (let a = 0; a < n; a++) {
      for (let b = 0; b < n; b++) {
        if (a === b || a === t || b === t) continue;
        const pairs = grid.columnLabels.flatMap((_, c) => {
          const [target, x, y] = [cellAt(grid, t, c), cellAt(grid, a, c), cellAt(grid, b, c)];
          return target && x && y && y.value !== 0
            ? [{ target, computed: (100 * x.value) / y.value, terms: 1 }]
            : [];
        });
        if (holds(pairs)) {
          found.push({
            text: `${noun} "${grid.rowLabels[t]}" is 100 × "${grid.rowLabels[a]}" ÷ "${grid.rowLabels[b]}"`,
          });
          break search;
        }
      }
    }
  }
  return found;
}

/** Percentage columns whose non-total cells add up to 100. */
function shareSums(grid: NumericGrid, noun: string): Confirmation[] {
  return grid.columnLabels.flatMap((label, c) => {
    if (grid.columnUnits[c] !== "%") return [];
    const cells = grid.rowLabels.map((_, r) => cellAt(grid, r, c));
    if (cells.length < 2 || cells.some((x) => x === null)) return [];
    const decimals = Math.max(...cells.map((x) => x!.decimals));
    const target = { value: 100, decimals };
    const computed = cells.reduce((s, x) => s + x!.value, 0);
    return holds([{ target, computed, terms: cells.length }], 1)
      ? [{ text: `the shares in ${noun} "${label}" add up to 100` }]
      : [];
  });
}

/**
 * Arithmetic evidence that the grid is read correctly; an empty list means nothing confirms it.
 *
 * @example
 *   confirmations(grid)[0]?.text // → 'row "廣義環渤海" is the sum of the 6 rows before it in 5 columns'
 */
export function confirmations(grid: NumericGrid): Confirmation[] {
  const flipped = transpose(grid);
  const columnSums = sumLines(flipped, "column", "rows").map(({ text }) => ({ text }));
  return [
    ...sumLines(grid, "row", "columns"),
    ...columnSums,
    ...ratioLines(grid, "row"),
    ...ratioLines(flipped, "column"),
    ...shareSums(grid, "column"),
    ...shareSums(flipped, "row"),
  ];
}

const GROWTH = /growth|increase|change|rate|成長|增長|增长|增加|變化|变化|增幅/iu;

/**
 * Why the grid cannot be right, or null: a percentage row or column (other than a growth rate)
 * holding a value over 100 means cells were misplaced or misread.
 *
 * @example
 *   implausible(grid) // → 'row "Account for firms’ total (percentage)" is a percentage but holds 104'
 */
export function implausible(grid: NumericGrid): string | null {
  for (const [lines, noun] of [
    [grid, "row"],
    [transpose(grid), "column"],
  ] as const) {
    for (let r = 0; r < lines.rowLabels.length; r++) {
      const label = lines.rowLabels[r] ?? "";
      if (lines.rowUnits[r] !== "%" || GROWTH.test(label)) continue;
      const bad = (lines.values[r] ?? []).filter((v) => v !== null && Math.abs(v) > 100.5);
      if (bad.length) return `${noun} "${label}" is a percentage but holds ${bad.join(", ")}`;
    }
  }
  return null;
}

function runsAround(t: number, n: number): Array<[number, number]> {
  const runs: Array<[number, number]> = [];
  for (let k = t; k >= 2; k--) runs.push([t - k, t]);
  for (let k = n - t - 1; k >= 2; k--) runs.push([t + 1, t + 1 + k]);
  return runs;
}

function range(from: number, to: number): number[] {
  return Array.from({ length: to - from }, (_, i) => from + i);
}
