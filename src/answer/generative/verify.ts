import { findEntities } from "../../question/entities.js";
import type { Translator } from "../../lexicon/types.js";
import { containsNumber, entityForms, entityFound } from "../../retrieve/match.js";
import { viewOf } from "../../retrieve/views.js";
import { matchForm } from "../../text/fold.js";
import type { Evidence, EvidenceSentence } from "./evidence.js";
import { parseCited } from "./sentences.js";

/** What the model replies, alone, when the evidence does not answer: the same in every language. */
export const SENTINEL = "INSUFFICIENT_EVIDENCE";

/** A sentence of the reply that passed every check, with the evidence it cites. */
export interface VerifiedSentence {
  body: string;
  cited: EvidenceSentence[];
}

export type Verdict = { ok: true; sentence: VerifiedSentence } | { ok: false; reason: string };

const NUMBER_WORDS: Record<string, string> = {
  two: "2",
  three: "3",
  four: "4",
  five: "5",
  six: "6",
  seven: "7",
  eight: "8",
  nine: "9",
  ten: "10",
  eleven: "11",
  twelve: "12",
  thirteen: "13",
  fourteen: "14",
  fifteen: "15",
  sixteen: "16",
  seventeen: "17",
  eighteen: "18",
  nineteen: "19",
  twenty: "20",
  thirty: "30",
  forty: "40",
  fifty: "50",
  sixty: "60",
  seventy: "70",
  eighty: "80",
  ninety: "90",
  dozen: "12",
};
/** Magnitudes: a figure's scale must be the source's too ("3.2 million" is not "3.2 billion"). */
const SCALES = /(?<=\d\s?)(hundred|thousand|million|billion|trillion|[百千万亿])/gu;
const DIGITS = /(?<![\d.])\d+(?:\.\d+)?/gu;
const WORDS = new RegExp(`\\b(${Object.keys(NUMBER_WORDS).join("|")})\\b`, "gu");
const YEAR = /^(1[89]|20)\d\d$/u;

/** The numbers a text states, as digits: figures, and number words from "two" up ("one" is too often a pronoun). */
function numbersIn(folded: string): string[] {
  return [
    ...(folded.match(DIGITS) ?? []),
    ...[...folded.matchAll(WORDS)].map((m) => NUMBER_WORDS[m[1]!]!),
  ];
}

const hasNumber = (folded: string, n: string) =>
  containsNumber(folded, n) ||
  Object.entries(NUMBER_WORDS).some(
    ([w, d]) => d === n && new RegExp(`\\b${w}\\b`, "u").test(folded),
  );

/**
 * Checks one sentence of the reply against the evidence: it cites at least one id, every id it
 * cites was sent, and every number (a year included), magnitude and proper name it states is in
 * one of the sentences it cites — compared in matching form (`matchForm`: script, case, width and
 * digit groups folded), names in every spelling and script the gazetteer and dictionary give
 * (`findEntities`), so a Chinese answer may name 中關村 from an English "Zhongguancun".
 *
 * @example
 *   verifySentence("Eleven firms were there by 1983 [1.1].", evidence, translator)
 *   // → { ok: true, sentence: { body: "Eleven firms were there by 1983.", cited: [1.1] } }
 *   verifySentence("Twelve firms were there by 1983 [1.1].", evidence, translator)
 *   // → { ok: false, reason: "number 12 is not in [1.1]" }
 */
export function verifySentence(
  text: string,
  evidence: Evidence,
  translator: Translator | null,
): Verdict {
  if (text.includes(SENTINEL)) return { ok: false, reason: "the sentinel" };
  const { body, ids, malformed } = parseCited(text);
  if (!body.replace(/[\p{P}\s]/gu, "")) return { ok: false, reason: "no text" };
  if (malformed.length) return { ok: false, reason: `malformed id [${malformed.join(", ")}]` };
  if (!ids.length) return { ok: false, reason: "no id" };
  const unknown = ids.filter((id) => !evidence.byId.has(id));
  if (unknown.length) return { ok: false, reason: `unknown id [${unknown.join(", ")}]` };
  const cited = ids.map((id) => evidence.byId.get(id)!);
  const where = `[${ids.join(", ")}]`;
  const source = cited.map((s) => s.text).join("\n");
  const folded = matchForm(source);
  const said = matchForm(body);
  for (const n of numbersIn(said))
    if (!hasNumber(folded, n))
      return { ok: false, reason: `${YEAR.test(n) ? "year" : "number"} ${n} is not in ${where}` };
  for (const [scale] of said.matchAll(SCALES))
    if (!folded.includes(scale)) return { ok: false, reason: `"${scale}" is not in ${where}` };
  const view = viewOf(source);
  for (const e of findEntities(body, translator))
    if (!entityFound(view, entityForms(e)))
      return { ok: false, reason: `the name ${e.name} is not in ${where}` };
  return { ok: true, sentence: { body, cited } };
}
