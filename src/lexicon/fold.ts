import { Converter } from "opencc-js";

let convert: ((text: string) => string) | undefined;

/**
 * Folds Chinese text to Simplified: NFKC first (the report uses CJK compatibility ideographs such
 * as U+F963 北), then OpenCC's Taiwan → Mainland conversion. Other scripts pass through.
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
  return (code >= 0x3400 && code <= 0x9fff) || (code >= 0xf900 && code <= 0xfaff) || (code >= 0x20000 && code <= 0x2ffff);
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
