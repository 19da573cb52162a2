import type { LinearModel } from "./linear.js";

/** Options of {@link fitLogistic}. */
export interface LogisticOptions {
  /** L2 penalty on the standardised weights (not on the bias). */
  l2: number;
  /** Newton iterations; the fit stops earlier once the log-likelihood settles. */
  iterations: number;
  /** Weight of each row (e.g. to balance questions with many candidates); 1 by default. */
  rowWeights?: readonly number[];
  /**
   * The sign each feature's weight may take (1, -1, or 0 for either): what the feature means fixes
   * the direction of its effect, the data only its size. A feature whose fitted weight has the wrong
   * sign is dropped (weight 0, the most wrongly signed first) and the rest refitted.
   */
  signs?: readonly number[];
}
export const DEFAULT_LOGISTIC: LogisticOptions = { l2: 1, iterations: 50 };

/**
 * Fits an L2-regularised logistic regression by Newton's method on standardised features.
 *
 * @example
 *   const model = fitLogistic(["x"], [[0], [1], [2], [3]], [0, 0, 1, 1]);
 *   linearScore(model, [3]) > 0 // → true
 */
export function fitLogistic(
  names: readonly string[],
  rows: readonly (readonly number[])[],
  labels: readonly number[],
  opts: Partial<LogisticOptions> = {},
): LinearModel {
  const active = names.map(() => true);
  for (;;) {
    const model = fitActive(names, rows, labels, opts, active);
    // The most wrongly signed feature goes first: which ones go must not depend on their order.
    let wrong = -1;
    model.weights.forEach((w, j) => {
      const against = (opts.signs?.[j] ?? 0) * w;
      if (
        active[j] &&
        against < 0 &&
        (wrong < 0 || against < (opts.signs![wrong] ?? 0) * model.weights[wrong]!)
      )
        wrong = j;
    });
    if (wrong < 0) return model;
    active[wrong] = false;
  }
}

function fitActive(
  names: readonly string[],
  rows: readonly (readonly number[])[],
  labels: readonly number[],
  opts: Partial<LogisticOptions>,
  active: readonly boolean[],
): LinearModel {
  const { l2, iterations, rowWeights } = { ...DEFAULT_LOGISTIC, ...opts };
  const d = names.length;
  const n = rows.length;
  const mean = new Array<number>(d).fill(0);
  const scale = new Array<number>(d).fill(0);
  for (const r of rows) for (let j = 0; j < d; j++) mean[j]! += (r[j] ?? 0) / Math.max(1, n);
  for (const r of rows)
    for (let j = 0; j < d; j++) scale[j]! += ((r[j] ?? 0) - mean[j]!) ** 2 / Math.max(1, n);
  for (let j = 0; j < d; j++) scale[j] = Math.sqrt(scale[j]!) || 1;
  const X = rows.map((r) => [1, ...r.map((v, j) => (active[j] ? (v - mean[j]!) / scale[j]! : 0))]);
  const w = new Array<number>(d + 1).fill(0);
  let previous = Infinity;
  for (let it = 0; it < iterations; it++) {
    const grad = new Array<number>(d + 1).fill(0);
    const hess = Array.from({ length: d + 1 }, () => new Array<number>(d + 1).fill(0));
    let loss = 0;
    for (let i = 0; i < n; i++) {
      const x = X[i]!;
      const c = rowWeights?.[i] ?? 1;
      let z = 0;
      for (let j = 0; j <= d; j++) z += w[j]! * x[j]!;
      const p = 1 / (1 + Math.exp(-z));
      const y = labels[i]!;
      loss -= c * (y * Math.log(p + 1e-12) + (1 - y) * Math.log(1 - p + 1e-12));
      const g = c * (p - y);
      const h = c * Math.max(p * (1 - p), 1e-9);
      for (let j = 0; j <= d; j++) {
        grad[j]! += g * x[j]!;
        const hj = h * x[j]!;
        const row = hess[j]!;
        for (let k = j; k <= d; k++) row[k]! += hj * x[k]!;
      }
    }
    for (let j = 1; j <= d; j++) {
      loss += 0.5 * l2 * w[j]! ** 2;
      grad[j]! += l2 * w[j]!;
      hess[j]![j]! += l2;
    }
    for (let j = 0; j <= d; j++) for (let k = 0; k < j; k++) hess[j]![k] = hess[k]![j]!;
    const step = solve(hess, grad);
    for (let j = 0; j <= d; j++) w[j]! -= step[j]!;
    if (Math.abs(previous - loss) < 1e-7 * Math.max(1, Math.abs(loss))) break;
    previous = loss;
  }
  return { features: [...names], mean, scale, weights: w.slice(1), bias: w[0]! };
}

/** Solves A x = b for a symmetric positive-definite A (Gaussian elimination with partial pivoting). */
function solve(A: number[][], b: number[]): number[] {
  const n = b.length;
  const M = A.map((row, i) => [...row, b[i]!]);
  for (let c = 0; c < n; c++) {
    let pivot = c;
    for (let r = c + 1; r < n; r++) if (Math.abs(M[r]![c]!) > Math.abs(M[pivot]![c]!)) pivot = r;
    [M[c], M[pivot]] = [M[pivot]!, M[c]!];
    const p = M[c]![c]! || 1e-12;
    for (let r = c + 1; r < n; r++) {
      const f = M[r]![c]! / p;
      if (f === 0) continue;
      for (let k = c; k <= n; k++) M[r]![k]! -= f * M[c]![k]!;
    }
  }
  const x = new Array<number>(n).fill(0);
  for (let r = n - 1; r >= 0; r--) {
    let s = M[r]![n]!;
    for (let k = r + 1; k < n; k++) s -= M[r]![k]! * x[k]!;
    x[r] = s / (M[r]![r]! || 1e-12);
  }
  return x;
}

/** One question's candidates for a listwise fit: feature rows and which of them are right. */
export interface Group {
  rows: readonly (readonly number[])[];
  labels: readonly number[];
}

/**
 * Fits a conditional logit (listwise) model by Newton's method: within each group, the softmax of
 * the linear scores should put its mass on the right candidates. Groups without a right candidate
 * carry no information and are skipped. The bias is 0 (it cancels within a group).
 *
 * @example
 *   const model = fitConditionalLogit(["x"], [{ rows: [[0], [1]], labels: [0, 1] }]);
 *   linearScore(model, [1]) > linearScore(model, [0]) // → true
 */
export function fitConditionalLogit(
  names: readonly string[],
  groups: readonly Group[],
  opts: Partial<Pick<LogisticOptions, "l2" | "iterations"> & { exclude: readonly string[] }> = {},
): LinearModel {
  const { l2, iterations } = { ...DEFAULT_LOGISTIC, ...opts };
  // Excluded features keep weight 0: the model is fitted as if they were not computed.
  const off = names.map((n) => opts.exclude?.includes(n) ?? false);
  const d = names.length;
  const useful = groups.filter((g) => g.labels.some((y) => y > 0) && g.rows.length > 1);
  const all = useful.flatMap((g) => g.rows);
  const n = Math.max(1, all.length);
  const mean = new Array<number>(d).fill(0);
  const scale = new Array<number>(d).fill(0);
  for (const r of all) for (let j = 0; j < d; j++) mean[j]! += (r[j] ?? 0) / n;
  for (const r of all) for (let j = 0; j < d; j++) scale[j]! += ((r[j] ?? 0) - mean[j]!) ** 2 / n;
  for (let j = 0; j < d; j++) scale[j] = Math.sqrt(scale[j]!) || 1;
  const X = useful.map((g) =>
    g.rows.map((r) => r.map((v, j) => (off[j] ? 0 : (v - mean[j]!) / scale[j]!))),
  );
  const objective = (w: readonly number[], withDerivatives: boolean) => {
    const grad = w.map((v) => l2 * v);
    const hess = withDerivatives
      ? Array.from({ length: d }, (_, j) => Array.from({ length: d }, (_, k) => (j === k ? l2 : 0)))
      : [];
    let loss = 0.5 * l2 * w.reduce((a, v) => a + v * v, 0);
    useful.forEach((g, gi) => {
      const xs = X[gi]!;
      const z = xs.map((x) => x.reduce((a, v, j) => a + v * w[j]!, 0));
      const top = Math.max(...z);
      const e = z.map((v) => Math.exp(v - top));
      const sum = e.reduce((a, b) => a + b, 0);
      const p = e.map((v) => v / sum);
      const positive = g.labels.map((y) => y > 0);
      const posMass = p.reduce((a, v, i) => a + (positive[i] ? v : 0), 0);
      loss -= Math.log(posMass + 1e-300);
      if (!withDerivatives) return;
      // Gradient of -log(mass on the right candidates): E_p[x] - E_{p | right}[x].
      const mu = new Array<number>(d).fill(0);
      const nu = new Array<number>(d).fill(0);
      xs.forEach((x, i) => {
        const r = positive[i] ? p[i]! / posMass : 0;
        for (let j = 0; j < d; j++) {
          mu[j]! += p[i]! * x[j]!;
          nu[j]! += r * x[j]!;
        }
      });
      for (let j = 0; j < d; j++) grad[j]! += mu[j]! - nu[j]!;
      // Cov_p[x] bounds the Hessian from above; with the line search below it gives safe steps.
      xs.forEach((x, i) => {
        for (let j = 0; j < d; j++) {
          const a = p[i]! * (x[j]! - mu[j]!);
          if (a === 0) continue;
          const row = hess[j]!;
          for (let k = 0; k < d; k++) row[k]! += a * (x[k]! - mu[k]!);
        }
      });
    });
    return { loss, grad, hess };
  };
  let w = new Array<number>(d).fill(0);
  let current = objective(w, true);
  for (let it = 0; it < iterations; it++) {
    const step = solve(current.hess, current.grad);
    let t = 1;
    let next = w.map((v, j) => v - t * step[j]!);
    let trial = objective(next, false).loss;
    while (!(trial <= current.loss) && t > 1e-6) {
      t /= 2;
      next = w.map((v, j) => v - t * step[j]!);
      trial = objective(next, false).loss;
    }
    if (!(trial <= current.loss)) break;
    const settled = current.loss - trial < 1e-7 * Math.max(1, Math.abs(current.loss));
    w = next;
    current = objective(w, true);
    if (settled) break;
  }
  return { features: [...names], mean, scale, weights: w, bias: 0 };
}
