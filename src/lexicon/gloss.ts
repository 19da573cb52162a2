import { toSimplified } from "./fold.js";
import { englishName } from "./names.js";
import { segmentChinese } from "./segment.js";
import type { Cedict } from "./types.js";

/** Particles with no English counterpart; glossing them only adds noise for the encoder. */
const SILENT = new Set(["的", "了", "着", "吗", "呢", "吧", "啊", "呀", "之", "地", "得", "所", "么", "个", "些"]);
const PUNCTUATION: Readonly<Record<string, string>> = { "。": ".", "、": ",", "「": '"', "」": '"', "『": '"', "』": '"', "《": '"', "》": '"', "〈": '"', "〉": '"', "—": "-" };

/**
 * A word-by-word English rendering of a Chinese passage, for embedding it with an English-only
 * encoder: gazetteer names in their English form, otherwise each word's main dictionary sense;
 * numbers and Latin text stay as they are.
 *
 * @example
 *   glossChinese("截至2005年底，北京共有外資銀行分行25家", dict)
 *   // → "by 2005 end of the year, Beijing altogether foreign bank branch 25 …"
 */
export function glossChinese(text: string, dict: Cedict): string {
  const parts: string[] = [];
  for (const token of segmentChinese(toSimplified(text), (w) => dict.words.has(w), dict.maxWordLength)) {
    if (token.kind === "latin") parts.push(token.text);
    else if (token.kind === "other") parts.push(/^\s+$/.test(token.text) ? " " : punctuation(token.text));
    else if (token.kind === "word" && !SILENT.has(token.text)) {
      const english = englishName(token.text) ?? dict.words.get(token.text)?.glosses[0];
      if (english) parts.push(english.replace(/^(?:to|the|a|an) /i, "").replace(/\b(?:sb|sth|one's)\b ?/g, "").trim());
    }
  }
  return parts
    .join(" ")
    .replace(/\s+/g, " ")
    .replace(/ ([,.;:!?)"]) /g, "$1 ")
    .trim();
}

function punctuation(text: string): string {
  return [...text].map((c) => PUNCTUATION[c] ?? c).join("");
}
