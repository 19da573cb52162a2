import { Converter } from "opencc-js";

// Built on first use: a converter compiles its dictionaries when created.
const converters = new Map<"hant" | "hans", (text: string) => string>();

/**
 * A verified sentence in the script the question was asked in: models asked for Traditional
 * Chinese often drift into Simplified, and the reverse. Only Chinese characters change (OpenCC maps
 * one code point to one), so what was verified is what is shown; Latin text is left as it is.
 *
 * @example
 *   inScript("中关村的企业", "hant") // → "中關村的企業"
 */
export function inScript(text: string, script: "latin" | "hant" | "hans"): string {
  if (script === "latin" || !/\p{Script=Han}/u.test(text)) return text;
  let convert = converters.get(script);
  if (!convert) {
    convert =
      script === "hant" ? Converter({ from: "cn", to: "tw" }) : Converter({ from: "tw", to: "cn" });
    converters.set(script, convert);
  }
  return convert(text);
}
