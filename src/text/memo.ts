/**
 * A bounded memo of a pure function of one string: at most `size` results are kept, the oldest
 * going first. Translating and matching see the same words in question after question, so a
 * word's work is done once per process, not once per question. A hit is one map lookup (no
 * recency bookkeeping: the memo sits on hot paths).
 *
 * Results are shared between callers: they must treat them as read-only.
 *
 * @example
 *   const toChinese = memoize((en: string) => lexicon.toChinese(en), 5000);
 *   toChinese("investment") === toChinese("investment") // → true (the second call is a lookup)
 */
export function memoize<T>(fn: (key: string) => T, size: number): (key: string) => T {
  const kept = new Map<string, T>();
  return (key) => {
    const hit = kept.get(key);
    if (hit !== undefined) return hit;
    const value = fn(key);
    if (value === undefined) return value;
    kept.set(key, value);
    if (kept.size > size) kept.delete(kept.keys().next().value as string);
    return value;
  };
}
