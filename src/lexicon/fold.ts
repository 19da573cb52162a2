import { Converter } from "opencc-js";

// Built on first use: the converter compiles its dictionaries when created.
let convert: ((text: string) => string) | undefined;

/**
 * The project's one script fold: NFKC (the report uses CJK compatibility ideographs such as
 * U+F963 北, and full-width forms), then OpenCC's Taiwan → Mainland conversion of characters and
 * variants. Other scripts pass through unchanged, so callers add their own steps (lower case, digit
 * groups) on top.
 *
 * The `tw` preset, not `twp`: `twp` also rewrites Taiwan IT vocabulary, which mangles the report's
 * prose (許多工廠 → 许多任务厂, 資料來源 → 数据源) and changes text length, whereas `tw` maps one
 * code point to one, so positions found in folded text stay comparable.
 *
 * @example
 *   toSimplified("私募股權基金、海澱") // → "私募股权基金、海淀"
 */
export function toSimplified(text: string): string {
  convert ??= Converter({ from: "tw", to: "cn" });
  return convert(text.normalize("NFKC"));
}

/**
 * Whether a character code is a CJK unified (or compatibility) ideograph.
 *
 * @example
 *   isHan("北".charCodeAt(0)) // → true
 */
export function isHan(code: number): boolean {
  return (
    (code >= 0x3400 && code <= 0x9fff) ||
    (code >= 0xf900 && code <= 0xfaff) ||
    (code >= 0x20000 && code <= 0x2ffff)
  );
}

/**
 * Whether a text contains at least one CJK ideograph.
 *
 * @example
 *   hasHan("Motorola 只有 7%") // → true
 */
export function hasHan(text: string): boolean {
  return /[\u3400-\u9fff\uf900-\ufaff]/.test(text);
}
