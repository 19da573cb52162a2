import { detectLanguage } from "../chunks/chunk.js";
import type { Translator } from "../lexicon/types.js";
import { toSimplified } from "../text/fold.js";
import { matchForm } from "../text/fold.js";
import { findEntities } from "./entities.js";
import { followUpContext, substituteNames, type Turn } from "./followup.js";
import { answerKind, comparison } from "./kind.js";
import { splitQuestion } from "./parts.js";
import { pointedSources, type SourceIndex } from "./sources.js";
import type { QuestionAnalysis, QuestionWord } from "./types.js";
import { contentWordsWithAlts } from "./words.js";

/** What analysis reads besides the question: the dictionary and gazetteer, and the sources' names. */
export interface AnalysisResources {
  translator: Translator | null;
  sources?: SourceIndex;
}

/** Longest earlier turn read, in characters: context beyond it adds work, not meaning. */
export const MAX_TURN_CHARS = 600;
/** Weight of an earlier turn's words relative to the question's own. */
const CONTEXT_WEIGHT = 0.5;

const YEAR = /(?<![\d.,])(1[89]\d\d|20\d\d)(?![\d.,]?\d)(?!s|年代)/gu;
const NUMBER = /\d+(?:[.,]\d+)*/gu;

/**
 * Reads a question, with the conversation before it, into one typed analysis.
 *
 * @example
 *   const a = analyseQuestion("And in Dongguan?", [{ role: "user", content: "What share of Shenzhen's firms export?" }], res);
 *   a.followUp // → "rewritten"; a.text // → "What share of Dongguan's firms export?"; a.asks // → "share"
 */
export function analyseQuestion(
  question: string,
  history: readonly Turn[],
  res: AnalysisResources,
): QuestionAnalysis {
  const turns = history.map((t) => ({ ...t, content: t.content.slice(0, MAX_TURN_CHARS) }));
  const context = followUpContext(question, turns);
  const rewritten =
    context && res.translator ? substituteNames(question, context, res.translator.names) : null;
  const text = rewritten ?? question;
  const followUp = rewritten ? "rewritten" : context ? "continues" : "none";
  const lang = detectLanguage(question) === "zh" ? "zh" : "en";
  const han = question.match(/\p{Script=Han}/gu)?.join("") ?? "";
  const script = !han ? "latin" : toSimplified(han) !== han.normalize("NFKC") ? "hant" : "hans";
  let asks = answerKind(text);
  if (context && (asks === "other" || asks === "name")) {
    const earlier = answerKind(context);
    if (earlier !== "other") asks = earlier;
  }
  const own = rewritten ?? question;
  const years = [...new Set([...own.matchAll(YEAR)].map((m) => m[1]!))];
  const numbers = [...new Set(matchForm(`${context} ${question}`).match(NUMBER) ?? [])].map((n) =>
    n.replace(/,/gu, ""),
  );
  let entities = findEntities(own, res.translator);
  if (!entities.length && context) entities = findEntities(context, res.translator);
  const sources = res.sources ? pointedSources(`${context} ${question}`, res.sources) : [];
  const words = new Map<string, QuestionWord>();
  const nameTokens = res.sources?.nameTokens ?? new Set<string>();
  const put = (source: string, weight: number) => {
    for (const w of contentWordsWithAlts(source, res.translator))
      words.set(w.term, { ...w, weight: nameTokens.has(w.term) ? weight * 0.3 : weight });
  };
  if (context && !rewritten) put(context, CONTEXT_WEIGHT);
  put(own, 1);
  return {
    question,
    text,
    context,
    followUp,
    lang,
    script,
    asks,
    compare: comparison(text),
    years,
    numbers,
    entities,
    sources,
    parts: splitQuestion(question),
    words: [...words.values()],
  };
}
