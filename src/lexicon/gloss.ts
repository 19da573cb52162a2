import { toSimplified } from "../text/fold.js";
import type { Gazetteer } from "./names.js";
import { segmentChinese } from "./segment.js";
import type { Cedict } from "./types.js";

/** Particles with no English counterpart; glossing them only adds noise for the encoder. */
const SILENT = new Set([
  "的",
  "了",
  "着",
  "吗",
  "呢",
  "吧",
  "啊",
  "呀",
  "之",
  "地",
  "得",
  "所",
  "么",
  "个",
  "些",
]);
/** After a number, measure words are silent and units read as units, not as their first sense. */
const AFTER_NUMBER: Readonly<Record<string, string>> = {
  年: "year",
  月: "month",
  日: "day",
  号: "day",
  岁: "years old",
  倍: "times",
  元: "yuan",
  万: "ten thousand",
  千: "thousand",
  百: "hundred",
  亿: "hundred million",
  万亿: "trillion",
  千亿: "hundred billion",
  家: "",
  个: "",
  项: "",
  件: "",
  位: "",
  名: "",
  座: "",
  所: "",
  间: "",
  种: "",
  条: "",
  台: "",
  部: "",
  次: "times",
  人: "people",
};
const MULTIPLIERS = new Set(["万", "千", "百", "亿", "万亿", "千亿"]);
const PUNCTUATION: Readonly<Record<string, string>> = {
  "。": ".",
  "、": ",",
  "「": '"',
  "」": '"',
  "『": '"',
  "』": '"',
  "《": '"',
  "》": '"',
  "〈": '"',
  "〉": '"',
  "—": "-",
};

/**
 * A word-by-word English rendering of a Chinese passage, for embedding it with an English-only
 * encoder: gazetteer names in their English form, otherwise each word's main dictionary sense;
 * numbers and Latin text stay as they are.
 *
 * @example
 *   glossChinese("2010 年北京所管理的基金規模 1.04 萬億元", { dict, names })
 *   // → "2010 year Beijing supervise fund scale 1.04 ten thousand hundred million yuan"
 */
export function glossChinese(
  text: string,
  { dict, names }: { dict: Cedict; names: Gazetteer },
): string {
  const parts: string[] = [];
  let afterNumber = false;
  for (const token of segmentChinese(
    toSimplified(text),
    (w) => dict.words.has(w),
    dict.maxWordLength,
  )) {
    if (afterNumber && token.kind === "other" && /^\s+$/.test(token.text)) continue;
    const unit: string | undefined = afterNumber ? AFTER_NUMBER[token.text] : undefined;
    // "1.04 万亿 元": multipliers keep the number going, other units end it.
    afterNumber =
      (token.kind === "latin" && /^\d/.test(token.text)) ||
      (unit !== undefined && MULTIPLIERS.has(token.text));
    if (unit !== undefined) parts.push(unit);
    else if (token.kind === "latin") parts.push(token.text);
    else if (token.kind === "other")
      parts.push(/^\s+$/.test(token.text) ? " " : punctuation(token.text));
    else if (token.kind === "word" && !SILENT.has(token.text)) {
      const english = names.englishName(token.text) ?? dict.words.get(token.text)?.glosses[0];
      if (english) parts.push(tidy(english));
    }
  }
  return parts
    .join(" ")
    .replace(/\s+/g, " ")
    .replace(/ ([,.;:!?)]) /g, "$1 ")
    .trim();
}

/** Drops the infinitive "to", articles and "sb"/"sth" placeholders from a gloss. */
function tidy(gloss: string): string {
  return gloss
    .replace(/^(?:to|the|a|an) /i, "")
    .replace(/\b(?:sb|sth|one's)\b ?/g, "")
    .trim();
}

function punctuation(text: string): string {
  return [...text].map((c) => PUNCTUATION[c] ?? c).join("");
}
