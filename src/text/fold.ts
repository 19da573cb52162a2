import { Converter } from "opencc-js";
import simplifiedToTraditional from "opencc-js/dict/STCharacters";

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
 * How a text is written: no Chinese ("latin"), or Chinese in Traditional ("hant") or Simplified
 * ("hans") characters, judged on its Chinese characters alone.
 *
 * @example
 *   scriptOf("天津的港口") // → "hans"
 *   scriptOf("天津的港區") // → "hant"
 */
export function scriptOf(text: string): "latin" | "hant" | "hans" {
  const han = hanOf(text);
  if (!han) return "latin";
  return toSimplified(han) !== han.normalize("NFKC") ? "hant" : "hans";
}

/**
 * Characters only Simplified writing uses (个, 们, 这 …), from OpenCC's character table: a few
 * thousand characters, where OpenCC's Simplified → Traditional converter holds tens of megabytes
 * of phrase tables per worker.
 */
let simplifiedOnly: ReadonlySet<string> | undefined;
function simplifiedOnlyCharacters(): ReadonlySet<string> {
  simplifiedOnly ??= new Set(
    simplifiedToTraditional
      .split("|")
      .map((entry) => entry.split(" "))
      .filter(([simplified, ...traditional]) => simplified && !traditional.includes(simplified))
      .map(([simplified]) => simplified!),
  );
  return simplifiedOnly;
}

/**
 * Whether a text's Chinese characters are written the same in both scripts ("那上海呢？"), so its
 * script says nothing about the writer's; false when it has none.
 *
 * @example
 *   scriptNeutral("那上海呢？") // → true
 *   scriptNeutral("那個呢？")   // → false
 */
export function scriptNeutral(text: string): boolean {
  if (scriptOf(text) !== "hans") return false;
  const only = simplifiedOnlyCharacters();
  return ![...hanOf(text).normalize("NFKC")].some((c) => only.has(c));
}

/** The Chinese characters of a text, in order. */
const hanOf = (text: string): string => text.match(/\p{Script=Han}/gu)?.join("") ?? "";

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

const matchCache = new Map<string, string>();

/**
 * The matching form of any text, shared by passages, questions and table labels: NFKC
 * (compatibility ideographs, full-width forms), lower case, Traditional folded to Simplified, digit
 * groups merged ("1,116" → "1116"), curly quotes and dashes made plain, and a word glued to a number
 * split from it. Display text never goes through this.
 *
 * @example
 *   matchForm("中關村 ＡＢＣ 1,116 GDP13.4%") // → "中关村 abc 1116 gdp 13.4%"
 */
export function matchForm(text: string): string {
  const hit = matchCache.get(text);
  if (hit !== undefined) return hit;
  // toSimplified applies NFKC first; the tw→cn tables hold no cased letters, so the order is immaterial.
  const out = toSimplified(text)
    .toLowerCase()
    .replace(/(\d)[,，](?=\d{3}(?!\d))/gu, "$1")
    .replace(/[‘’′]/gu, "'")
    .replace(/[‐‑‒–—−]/gu, "-")
    // PDF conversions glue words to numbers ("GDP13.4%"); a word and a number are two tokens.
    .replace(/(\p{Script=Latin})(?=\d)|(\d)(?=\p{Script=Latin})/gu, "$1$2 ");
  if (matchCache.size > 50_000) matchCache.clear();
  matchCache.set(text, out);
  return out;
}

/**
 * A string with the characters regular expressions read specially escaped, to match it as written.
 *
 * @example
 *   new RegExp(escapeRegExp("S.I.P.")).test("S.I.P.") // → true
 */
export const escapeRegExp = (text: string): string => text.replace(/[.*+?^${}()|[\]\\]/gu, "\\$&");
