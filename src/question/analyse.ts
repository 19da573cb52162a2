import { detectLanguage } from "../chunks/chunk.js";
import type { Translator } from "../lexicon/types.js";
import { scriptNeutral, scriptOf } from "../text/fold.js";
import { matchForm } from "../text/fold.js";
import { findEntities } from "./entities.js";
import { followUpContext, lastAnswer, substitutionReadings, type Turn } from "./followup.js";
import { answerKind, comparison, quantityFocus } from "./kind.js";
import { splitQuestion } from "./parts.js";
import { pointedSources, type SourceIndex } from "./sources.js";
import type { Entity, QuestionAnalysis, QuestionWord } from "./types.js";
import { tokenize } from "../text/tokens.js";
import { contentWordsWithAlts } from "./words.js";

/** What analysis reads besides the question: the dictionary and gazetteer, and the sources' names. */
export interface AnalysisResources {
  translator: Translator | null;
  sources?: SourceIndex;
  /** Whether the corpus never uses any of a name's forms (names the dictionary alone knows count then). */
  unusedName?: (forms: readonly string[]) => boolean;
}

/**
 * The question with capitalised words one letter away from a gazetteer name respelled as the
 * gazetteer spells them ("Shenzen" → "Shenzhen"); everything after analysis reads this spelling.
 */
function respelled(question: string, translator: Translator | null): string {
  if (!translator?.spelling) return question;
  return question.replace(/(?<![\p{L}'’])\p{Lu}[\p{L}'’-]{4,}/gu, (word) => {
    const bare = word.replace(/['’]s$/u, "");
    const fixed = translator.spelling!(bare);
    return fixed ? word.replace(bare, fixed) : word;
  });
}

/** Longest earlier turn read, in characters: context beyond it adds work, not meaning. */
export const MAX_TURN_CHARS = 600;
/** Weight of an earlier turn's words relative to the question's own. */
const CONTEXT_WEIGHT = 0.5;
/** Weight of words that name a source (authors, journals, an "according to" clause). */
const SOURCE_WEIGHT = 0.3;
/** Most names taken from the last answer as what a follow-up may refer to. */
const MAX_REFERRED = 3;
/** An attribution clause: "according to …" up to the next comma or the end; 根據／據…，. */
const ATTRIBUTION =
  /\baccording to\b[^,;?]*|(?:根據|根据|依據|依据|按照)[^，,；;？?]*|[^，,；;？?。]*(?:論文|论文|文章|報告|报告|研究|調查|调查|一章|章節|章节)(?:裡|里|中|內|内)(?=[，,])/iu;

const YEAR = /(?<![\d.,])(1[89]\d\d|20\d\d)(?![\d.,]?\d)(?!s|年代)/gu;
const NUMBER = /\d+(?:[.,]\d+)*/gu;

/**
 * Reads a question, with the conversation before it, into one typed analysis. A follow-up that
 * may be read several ways is read the likeliest way unless `reading` asks for another of them.
 *
 * @example
 *   const a = analyseQuestion("And in Dongguan?", [{ role: "user", content: "What share of Shenzhen's firms export?" }], res);
 *   a.followUp // → "rewritten"; a.text // → "What share of Dongguan's firms export?"; a.asks // → "share"
 */
export function analyseQuestion(
  asked: string,
  history: readonly Turn[],
  res: AnalysisResources,
  reading = 0,
): QuestionAnalysis {
  const question = respelled(asked, res.translator);
  const turns = history.map((t) => ({ ...t, content: t.content.slice(0, MAX_TURN_CHARS) }));
  // Whether the question names anything of its own is asked only when there is a conversation.
  const named = !turns.length || findEntities(question, res.translator).length > 0;
  const earlier = followUpContext(question, turns, named);
  // A follow-up with several readings is analysed in the one asked for (`reading`, 0 the likeliest);
  // the likeliest lists the others.
  const all =
    earlier && res.translator ? substitutionReadings(question, earlier, res.translator.names) : [];
  const rewritten = all[reading] ?? null;
  const readings = reading === 0 ? all.slice(1) : [];
  // A follow-up may refer back to what the last answer named ("that firm", "why did it …").
  const referred =
    earlier && !rewritten
      ? findEntities(lastAnswer(turns).replace(/\[\d+\]/gu, " "), res.translator)
          .slice(0, MAX_REFERRED)
          .map((e) => e.name)
      : [];
  const context = [earlier, ...referred].join(" ").trim();
  const text = rewritten ?? question;
  const followUp = rewritten ? "rewritten" : context ? "continues" : "none";
  const lang = detectLanguage(question) === "zh" ? "zh" : "en";
  // "那上海呢？" is written the same in both scripts: the conversation's earlier questions say which.
  const askedBefore = turns
    .filter((t) => t.role === "user")
    .map((t) => t.content)
    .join(" ");
  const script =
    scriptNeutral(question) && scriptOf(askedBefore) !== "latin"
      ? scriptOf(askedBefore)
      : scriptOf(question);
  let asks = answerKind(text);
  if (context && (asks === "other" || asks === "name")) {
    const earlier = answerKind(context);
    if (earlier !== "other") asks = earlier;
  }
  const own = rewritten ?? question;
  let years = [...new Set([...own.matchAll(YEAR)].map((m) => m[1]!))];
  // "And the following year?": the year the conversation was about, moved; the earlier question is read
  // with the new year in place of the old.
  const shift = years.length ? 0 : relativeYears(question);
  const before = shift ? [...context.matchAll(YEAR)].map((m) => m[1]!) : [];
  let earlierText = context;
  if (shift && before.length) {
    const from = before.at(-1)!;
    const to = String(Number(from) + shift);
    years = [to];
    earlierText = context.replace(new RegExp(`(?<!\\d)${from}(?!\\d)`, "gu"), to);
  }
  const numbers = [...new Set(matchForm(`${context} ${question}`).match(NUMBER) ?? [])].map((n) =>
    n.replace(/,/gu, ""),
  );
  // Names of sources (authors, journals) say where to look, not what the answer must mention.
  const nameTokens = res.sources?.nameTokens ?? new Set<string>();
  const topical = (e: Entity) => !e.forms.some((f) => tokenize(f).every((t) => nameTokens.has(t)));
  // Names in an attribution clause ("…, according to the harbour survey of A and B") say where to look; they are not
  // names the answer must speak of either.
  const attribution = ATTRIBUTION.exec(own)?.[0] ?? "";
  let entities = findEntities(own.replace(attribution, " "), res.translator, res.unusedName).filter(
    topical,
  );
  // The earlier question and each name the last answer gave are read apart: a Chinese name beside
  // an English question would otherwise make every Latin word of it read as a name.
  if (!entities.length && context) {
    const found = new Map<string, Entity>();
    for (const piece of [earlier, ...referred])
      for (const e of findEntities(piece, res.translator, res.unusedName))
        if (topical(e) && !found.has(matchForm(e.name))) found.set(matchForm(e.name), e);
    entities = [...found.values()];
  }
  const sources = res.sources ? pointedSources(`${context} ${question}`, res.sources) : [];
  const words = new Map<string, QuestionWord>();
  const put = (source: string, weight: number) => {
    for (const w of contentWordsWithAlts(source, res.translator)) {
      const weighed = nameTokens.has(w.term) ? weight * SOURCE_WEIGHT : weight;
      if ((words.get(w.term)?.weight ?? 0) < weighed) words.set(w.term, { ...w, weight: weighed });
    }
  };
  if (context && !rewritten) put(earlierText, CONTEXT_WEIGHT);
  // "…, according to the harbour chapter": words that say where to look, not what is asked.
  put(attribution, SOURCE_WEIGHT);
  put(own.replace(attribution, " "), 1);
  return {
    question: asked,
    text,
    context: earlierText,
    followUp,
    readings,
    lang,
    script,
    asks,
    compare: comparison(text),
    years,
    numbers,
    entities,
    sources,
    attribution,
    parts: splitQuestion(question),
    words: [...words.values()],
    focus: contentWordsWithAlts(quantityFocus(text) || quantityFocus(context), res.translator).map(
      (w) => ({ ...w, weight: 1 }),
    ),
  };
}

/**
 * Relative years of English and Chinese (a general linguistic resource): how many years a phrase
 * such as "the following year", 次年 or 兩年前 moves from the year spoken of.
 */
const RELATIVE_YEARS: ReadonlyArray<readonly [RegExp, number]> = [
  [/\b(?:two|2) years (?:later|after(?:wards)?)\b|兩年後|两年后|兩年之後|两年之后/iu, 2],
  [/\b(?:two|2) years (?:earlier|before)\b|兩年前|两年前/iu, -2],
  [
    /\b(?:a|one|1) year (?:later|after(?:wards)?)\b|\bthe (?:following|next|subsequent) year\b|\bthe year after\b|次年|隔年|翌年|第二年|一年後|一年后|一年之後|一年之后|後一年|后一年/iu,
    1,
  ],
  [
    /\b(?:a|one|1) year (?:earlier|before)\b|\bthe (?:previous|preceding|prior) year\b|\bthe year before\b|前一年|上一年|一年前/iu,
    -1,
  ],
];

/** The years a question's relative phrase moves by, 0 when it has none. */
function relativeYears(question: string): number {
  return RELATIVE_YEARS.find(([re]) => re.test(question))?.[1] ?? 0;
}
