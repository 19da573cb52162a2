import { termsOf } from "./terms.js";

/** What kind of answer a question asks for, as far as tables are concerned. */
export interface Intent {
  /** Asks for a quantity, share, count or value. */
  numeric: boolean;
  /** Asks which row (or column) holds the highest or lowest value. */
  compare: "max" | "min" | null;
}

const NUMERIC_EN =
  /\bhow (?:many|much|large|big|high|low)\b|\bwhat (?:percentage|percent|share|proportion|fraction|ratio|rate|number|amount|value|level|total|average|mean|median|size)\b|\b(?:number|percentage|share|proportion|amount|value|count|total) of\b|\bwhat(?:'s|’s| (?:was|is|were|are))\s[^?]*\b(?:number|share|percentage|proportion|rate|ratio|amount|value|output|gdp|revenue|sales|income|population|employment|investment|expenditure|count|figure|z-score|size|growth|productivity|capital|total|average|mean|median)\b/iu;
const NUMERIC_ZH =
  /多少|幾|几|比例|百分之|百分比|佔|占|比重|數量|数量|數目|数目|金額|金额|規模|规模|多大|多高|數值|数值/u;
const COMPARE_EN =
  /\b(?:which|what)\b[^?]*?\b(?<word>highest|most|largest|biggest|greatest|top|leading|lowest|least|smallest|fewest)\b/iu;
const COMPARE_ZH =
  /(?:哪|何|誰|谁)[^？?]*?最(?<word>高|多|大|低|少|小)|最(?<word2>高|多|大|低|少|小)的(?:是|為|为)/u;
const MIN_WORDS = /^(?:lowest|least|smallest|fewest|低|少|小)$/u;
/** "What was/is …" asks for a number when it names something that is measured. */
const WHAT_IS = /^\s*what(?:'s|’s|\s+(?:was|is|were|are))\b/iu;
const MEASURES = [
  "~percent",
  "~employment",
  "~number",
  "~revenue",
  "~output",
  "~gdp",
  "~investment",
  "~expenditure",
  "~population",
  "~patent",
  "~transaction",
  "~average",
  "~total",
];

/**
 * Reads whether a question asks for a number ("how many", "what share", "多少", "比例") or for
 * the row with the highest or lowest value ("which region has the most…", "哪個…最高").
 *
 * @example
 *   questionIntent("Which region had the lowest R&D share?") // → { numeric: true, compare: "min" }
 *   questionIntent("2007 年天津從北京引進多少國內資金？")       // → { numeric: true, compare: null }
 *   questionIntent("What does 'ji mao jie he' mean?")        // → { numeric: false, compare: null }
 */
export function questionIntent(question: string): Intent {
  const text = question.normalize("NFKC");
  const en = COMPARE_EN.exec(text.replace(/\bat (?:least|most)\b/giu, ""))?.groups?.word;
  const zh = COMPARE_ZH.exec(text)?.groups;
  const word = (en ?? zh?.word ?? zh?.word2)?.toLowerCase();
  const compare = word ? (MIN_WORDS.test(word) ? "min" : "max") : null;
  const measured = WHAT_IS.test(text) && MEASURES.some((m) => termsOf(text).has(m));
  return {
    numeric: compare !== null || measured || NUMERIC_EN.test(text) || NUMERIC_ZH.test(text),
    compare,
  };
}
