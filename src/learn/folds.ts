/**
 * Assigns each question to one of `k` folds, so that cross-validation never splits a question's rows
 * between training and testing. Questions are spread by stratum (their type) in a seeded order, so
 * every fold holds every kind of question in about the same proportion.
 *
 * @example
 *   groupFolds([{ id: "q1", stratum: "fact" }, { id: "q2", stratum: "fact" }], 2) // → Map { "q1" → 0, "q2" → 1 }
 */
export function groupFolds(
  groups: ReadonlyArray<{ id: string; stratum: string }>,
  k: number,
  seed = 1,
): Map<string, number> {
  const random = mulberry32(seed);
  const byStratum = new Map<string, string[]>();
  for (const g of groups) byStratum.set(g.stratum, [...(byStratum.get(g.stratum) ?? []), g.id]);
  const out = new Map<string, number>();
  let next = 0;
  for (const stratum of [...byStratum.keys()].sort()) {
    const ids = byStratum.get(stratum)!;
    for (let i = ids.length - 1; i > 0; i--) {
      const j = Math.floor(random() * (i + 1));
      [ids[i], ids[j]] = [ids[j]!, ids[i]!];
    }
    for (const id of ids) out.set(id, next++ % k);
  }
  return out;
}

function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
