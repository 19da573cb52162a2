/** One measured figure of `npm run bench`, with the target it is held to (none: for information). */
export interface Metric {
  name: string;
  value: number;
  /** The value must be at most this; absent for figures shown for information only. */
  atMost?: number;
  /** The value must be at least this (e.g. a throughput ratio). */
  atLeast?: number;
  /** What the figure measured, when the name alone does not say (e.g. "54 KB, 48 passages"). */
  note?: string;
}

/** A step of the benchmark: measures something and returns its figures. */
export type Measure = () => Promise<Metric[]>;
