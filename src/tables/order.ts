/**
 * Share of a label's neighbouring term pairs that stand close together (in either order, since
 * Chinese puts them the other way round) in the query: "percentage of revenue from new products"
 * fits "how large a share of revenue new products brought" and "新产品收入占比" better than
 * "percentage of firms with new products" does.
 *
 * @example
 *   orderFit(["~percent", "~revenue"], ["~firm", "~percent", "~revenue"]) // → 1
 */
export function orderFit(label: readonly string[], query: readonly string[], reach = 2): number {
  const seq = label.filter((t, i) => t !== label[i - 1]);
  if (seq.length < 2) return 0;
  let fits = 0;
  for (let i = 0; i + 1 < seq.length; i++) {
    const [a, b] = [seq[i], seq[i + 1]];
    const near = query.some(
      (t, j) =>
        (t === a || t === b) && query.slice(j + 1, j + 1 + reach).includes(t === a ? b! : a!),
    );
    if (near) fits++;
  }
  return fits / (seq.length - 1);
}
