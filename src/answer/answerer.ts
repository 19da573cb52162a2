import type { GenerateOptions, GenerativeAnswerer } from "./generative/answer.js";
import type { AskInput, AskResult, QaService } from "./service.js";

/** Which answerer produced an answer. */
export const ANSWERERS = ["extractive", "generative"] as const;
export type AnswererName = (typeof ANSWERERS)[number];

/** What a request may ask for: `auto` (the generative answerer when one is configured) or `extractive`. */
export const ANSWERER_CHOICES = ["auto", "extractive"] as const;
export type AnswererChoice = (typeof ANSWERER_CHOICES)[number];

export interface AnswerInput extends AskInput {
  answerer?: AnswererChoice | undefined;
}

export type Answered = AskResult & { answerer: AnswererName };

const message = (e: unknown) => (e instanceof Error ? e.message : String(e));

/**
 * Answers a question: the extractive pipeline always runs first — its calibrated answerability
 * decides whether the corpus answers at all — and only when it would answer from passages (not
 * abstain, not a table cell) and a generative answerer is configured and not declined does the
 * model write the answer from the same passages. Any failure of the generative answerer is logged
 * and the extractive answer is given instead.
 *
 * @example
 *   const result = await answerQuestion(state.qa, state.generative, { question, answerer: "auto" });
 *   result.answerer // → "generative" | "extractive"
 */
export async function answerQuestion(
  qa: Pick<QaService, "ask" | "inspect">,
  generative: GenerativeAnswerer | null | undefined,
  input: AnswerInput,
  opts: GenerateOptions = {},
): Promise<Answered> {
  const extractive = await qa.ask(input);
  const fallback: Answered = { ...extractive, answerer: "extractive" };
  if (!generative || input.answerer === "extractive") return fallback;
  // Retrieval-time abstention comes first: the model is not asked what the corpus does not answer.
  if (extractive.abstained || extractive.probability < generative.threshold) return fallback;
  // A table cell's value, row and column are read, not written: nothing for a model to add.
  if (extractive.table) return fallback;
  try {
    const analysis = qa.inspect.analyse(input.question, input.history);
    const answer = await generative.answer(
      {
        question: input.question,
        history: input.history,
        analysis,
        hits: extractive.hits,
        views: qa.inspect.views,
      },
      opts,
    );
    return { ...extractive, ...answer, answerer: "generative" };
  } catch (e) {
    generative.log(`generator (${generative.model}): ${message(e)}; answered extractively.`);
    return fallback;
  }
}
