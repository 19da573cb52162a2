import type { AnswerKind } from "./types.js";

/**
 * Interrogative cues of English and Chinese, a general linguistic resource: the first cue that
 * matches decides. Shares come before quantities ("what percentage" is both), reasons before manner
 * ("how come"), dates before places.
 */
const CUES: ReadonlyArray<readonly [AnswerKind, RegExp]> = [
  [
    "share",
    /\b(?:what|which) (?:share|percentage|percent|proportion|fraction|ratio|rate)\b|\bhow (?:large|big|high) (?:a |was the |is the )?(?:share|percentage|proportion)\b|\b(?:share|percentage|proportion) of\b|比例|比重|百分比|百分之|佔|占/iu,
  ],
  [
    "date",
    /\bwhen\b|\b(?:what|which|in what|by what|since what) (?:year|month|date|day|decade)\b|\bsince when\b|\bhow long ago\b|哪一?年|何年|幾年|几年|何時|何时|幾月|几月|什麼時候|什么时候|哪個月|哪个月|哪一天/iu,
  ],
  [
    "reason",
    /\bwhy\b|\bhow come\b|\bfor what reason\b|\bwhat (?:caused|made|led|drove|explains?|prompted|motivated)\b|\breasons?\b|為什麼|为什么|為何|为何|原因|何以|緣故|缘故/iu,
  ],
  [
    "quantity",
    /\bhow (?:many|much|far|large|big|long|high|low|old|fast)\b|\bwhat (?:number|amount|total|sum|size|level|value|figure)\b|\bnumber of\b|多少|幾(?!乎)|几(?!乎)|多大|多高|多遠|多远|多長|多长|多久|數量|数量|金額|金额|規模|规模/iu,
  ],
  ["person", /\bwho\b|\bwhom\b|\bwhose\b|誰|谁|哪位|何人/iu],
  [
    "place",
    /\bwhere\b|\bwhich (?:city|cities|region|province|place|area|country|district|town)\b|哪裡|哪里|哪兒|哪儿|何處|何处|哪個地區|哪个地区|哪個城市|哪个城市/iu,
  ],
  ["manner", /\bhow\b|如何|怎麼|怎么|怎樣|怎样|以什麼方式|以什么方式/iu],
  ["name", /\bwhich\b|\bwhat\b|\bname\b|哪個|哪个|哪些|哪一|什麼|什么|何種|何种/iu],
  [
    "yesno",
    /^\s*(?:is|are|was|were|do|does|did|can|could|has|have|had|will|would|should)\b|是否|是不是|有沒有|有没有|嗎|吗/iu,
  ],
];

/** "What was the GDP / revenue / wage …": a "what" question about something measured asks for a quantity. */
const MEASURED =
  /\bwhat(?:'s|’s|\s+(?:is|was|were|are|will be|had been))\s+(?:the\s+|its\s+|their\s+)?(?:[\p{L}'’-]+\s+){0,4}?(?:gdp|revenue|revenues|sales|output|income|population|employment|investment|expenditure|spending|value|cost|costs|price|wage|wages|salary|profit|budget|size|area|turnover|volume|growth|productivity|count|rent|fee|amount|number|total|average|mean|median|score|z-score|ratio|rate|share|percentage|proportion)\b/iu;

/**
 * What a question asks for, from its interrogative words.
 *
 * @example
 *   answerKind("Roughly what fraction of the firms exported?") // → "share"
 *   answerKind("這個園區是哪一年成立的？")                    // → "date"
 */
export function answerKind(question: string): AnswerKind {
  const text = question.normalize("NFKC");
  const kind = CUES.find(([, re]) => re.test(text))?.[0] ?? "other";
  // "What yearly rent was the mill paying?": a measured noun phrase right after "what" asks an amount too.
  return kind === "name" && (MEASURED.test(text) || measuredPhrase(text) !== "")
    ? "quantity"
    : kind;
}

const COMPARE_EN =
  /\b(?:which|what|who|where)\b[^?]*?\b(highest|most|largest|biggest|greatest|top|leading|lowest|least|smallest|fewest)\b/iu;
const COMPARE_ZH =
  /(?:哪|何|誰|谁)[^？?]*?最(高|多|大|低|少|小)|最(高|多|大|低|少|小)的(?:是|為|为)/u;
const MINIMUM = /^(?:lowest|least|smallest|fewest|低|少|小)$/iu;

/**
 * Whether a question asks which item ranks highest or lowest ("which region had the most …").
 *
 * @example
 *   comparison("Which city had the fewest start-ups?") // → "min"
 */
export function comparison(question: string): "max" | "min" | null {
  const text = question.normalize("NFKC").replace(/\bat (?:least|most)\b/giu, "");
  const m = COMPARE_EN.exec(text) ?? COMPARE_ZH.exec(text);
  const word = m?.[1] ?? m?.[2];
  return word ? (MINIMUM.test(word) ? "min" : "max") : null;
}

const FOCUS_EN =
  /\b(?:how (?:many|much)|what (?:share|percentage|percent|proportion|fraction|number|amount|total|level|value) of(?: the| its| their| all)?)\s+((?:[\p{L}][\p{L}'’-]*\s*){1,3})/iu;
/** Words that end the counted phrase: auxiliaries, prepositions, determiners. */
const FOCUS_END =
  /^(?:did|do|does|was|were|is|are|had|has|have|will|would|could|can|in|on|at|of|for|from|by|to|with|the|a|an|its|their|there|that|this|than|per|during|between|and|or|times)$/iu;
/** "What is the port's yearly rent …", "What daily output did …": the noun phrase after "what". */
const FOCUS_MEASURED =
  /\bwhat(?:'s|’s)?\s+(?:(?:is|was|were|are|will be|had been)\s+)?(?:the\s+|its\s+|their\s+)?((?:[\p{L}][\p{L}'’-]*\s*){1,5})/iu;
/** Nouns that name something measured, with their plurals (a general resource, like `MEASURED`'s). */
const MEASURE_NOUN =
  /\b(?:gdp|revenues?|sales|output|income|population|employment|investments?|expenditures?|spending|costs?|prices?|wages?|salary|salaries|profits?|budgets?|area|turnover|volume|growth|productivity|rent|fees?|score|ratio|rate|share|percentage|proportion)$/iu;
const POSSESSIVE = /['’]s?$/u;
/** A name or a name's possessive in a counted phrase ("Xiamen trawlers", "the port's cranes"). */
const NAME_WORD = new RegExp(`^\\p{Lu}|${POSSESSIVE.source}`, "u");
/** Chinese words that say a share or an amount is asked, not of what. */
const GENERIC_ZH = /^(?:比例|比重|百分比|數量|数量|金額|金额|數目|数目)$/u;
/** Measure words that do not say what is measured: "the total amount", "the average level". */
const GENERIC_MEASURE =
  /^(?:amount|total|number|value|level|size|figure|count|sum|average|mean|share|percentage|proportion|ratio|rate)$/iu;
/** Units and currencies a Chinese quantity question may name after 多少. */
const UNIT_ZH =
  /^[億亿萬万千百]*(?:元|美元|人民幣|人民币|韓元|韩元|台幣|台币|日圓|日元|港幣|港币|噸|吨|公噸|公吨|公斤|公里|公尺|米|公頃|公顷|平方公里|平方米|倍|年|個月|个月|天|小時|小时)*$/u;
const FOCUS_ZH_BEFORE =
  /(\p{Script=Han}{2,10}?)(?:[（(][^）)]*[）)])?(?:大約|大约|約|约|總共|总共|一共|共)*(?:是|為|为|達|达)(?:大約|大约|約|约)?多少/u;
const ZH_ADVERB_END = /(?:大約|大约|大概|約|约|平均)+$/u;
const FOCUS_ZH =
  /(?:多少|幾(?!乎)|几(?!乎))(?:個|个|名|位|家|項|项|件|次|所|座|種|种|艘|台|臺|輛|辆|條|条|張|张|間|间|棟|栋|架|隻)?(\p{Script=Han}{1,6})/u;

/**
 * The phrase a quantity question counts or measures: the words after "how many", "what share of",
 * or after 多少/幾 and a measure word. "" when there is none.
 *
 * @example
 *   quantityFocus("How many cranes stand on the quay?") // → "cranes"
 *   quantityFocus("港口有多少名工人？")                       // → "工人"
 */
export function quantityFocus(question: string): string {
  const text = question.normalize("NFKC");
  const en = FOCUS_EN.exec(text);
  // "How many Xiamen trawlers …" counts trawlers: names and their possessives are where, not what;
  // a multiplier ("times") asks a ratio and counts nothing.
  if (en) return phraseUntilEnd(en[1]!, (w) => !NAME_WORD.test(w));
  const measured = measuredPhrase(text);
  if (measured) return measured;
  // "多少名工人"; in "多少比重的船隻…" what follows 的 is no longer the counted phrase.
  const zh = (FOCUS_ZH.exec(text)?.[1] ?? "").split(/[的之]/u)[0]!.replace(/[是呢嗎吗]+$/u, "");
  if (zh && !UNIT_ZH.test(zh) && !GENERIC_ZH.test(zh)) return zh;
  // "…的漁獲總量為多少" / "…達多少萬噸": what is measured is what "is" how much, after the last 的.
  const before = FOCUS_ZH_BEFORE.exec(text)?.[1]?.replace(ZH_ADVERB_END, "") ?? "";
  return before.split(/[的之]/u).pop() || (GENERIC_ZH.test(zh) ? "" : zh);
}

/**
 * The measured noun phrase of a "what" question ("What were the port's annual fees …" → "annual
 * fees", "What daily output did …" → "daily output"), or "" when the phrase names nothing measured.
 * The owner is a name, not the measure; words that only say something is measured ("the overall
 * amount", "the mean level") are left out.
 */
function measuredPhrase(text: string): string {
  const measured = FOCUS_MEASURED.exec(text);
  if (!measured) return "";
  const phrase = phraseUntilEnd(measured[1]!)
    .split(" ")
    .filter((w) => !POSSESSIVE.test(w) && !GENERIC_MEASURE.test(w))
    .join(" ");
  return MEASURE_NOUN.test(phrase) ? phrase : "";
}

/** The words of a phrase up to the first auxiliary, preposition or determiner (kept if `keep`). */
function phraseUntilEnd(phrase: string, keep: (w: string) => boolean = () => true): string {
  const words: string[] = [];
  for (const w of phrase.trim().split(/\s+/u)) {
    if (FOCUS_END.test(w)) break;
    if (keep(w)) words.push(w);
  }
  return words.join(" ");
}
