import { AppError } from "../../errors.js";
import type { Translator } from "../../lexicon/types.js";
import type { Turn } from "../../question/followup.js";
import type { QuestionAnalysis } from "../../question/types.js";
import type { Hit } from "../../retrieve/types.js";
import type { ChunkView } from "../../retrieve/views.js";
import { abstention, type AnswerContext } from "../extractive.js";
import type { Answer } from "../types.js";
import type { ChatMessage, ChatModel } from "./client.js";
import { numberEvidence, renderEvidence } from "./evidence.js";
import { renderPrompt, type PromptLang, type Prompts } from "./prompts.js";
import { createCiter } from "./cite.js";
import { condense } from "./condense.js";
import { createSentenceSplitter, createThinkingFilter } from "./sentences.js";
import { SENTINEL, verifySentence } from "./verify.js";

/** What the generative answerer is built from, once per loaded index. */
export interface GenerativeDeps {
  model: ChatModel;
  prompts: Prompts;
  /** The dictionary and gazetteer, so names are checked in every spelling and script. */
  translator: Translator | null;
  /** Raw corpus texts (quotes come from them) and titles. */
  cite: AnswerContext;
  /** The fitted answerability threshold: below it the extractive pipeline abstains and no model is called. */
  threshold: number;
  /** Longest one answer may take, condensing a follow-up included. */
  timeoutMs: number;
  /** How many of the top-ranked passages the model reads. */
  passages: number;
  log: (message: string) => void;
}

/** A question the extractive stage decided to answer, with what it found. */
export interface GenerateInput {
  question: string;
  history?: readonly Turn[] | undefined;
  analysis: QuestionAnalysis;
  hits: readonly Hit[];
  views: readonly ChunkView[];
}

export interface GenerateOptions {
  /** Called with each verified sentence as it is accepted (with the separator before it). */
  onText?: (text: string) => void | Promise<void>;
  /** Aborts the model call (a client that went away). */
  signal?: AbortSignal;
}

/** Most sentences the prompt asks for. */
const MAX_SENTENCES = 6;
/** Most tokens the model may write (an answer of six sentences needs far fewer). */
const MAX_TOKENS = 700;
/** Most characters of evidence: about 3,000 tokens, within an 8k context with the prompt and reply. */
const MAX_EVIDENCE_CHARS = 12_000;

/** The answer's language as each prompt language names it. */
const LANGUAGE_NAMES: Record<PromptLang, Record<QuestionAnalysis["script"], string>> = {
  en: {
    latin: "English",
    hant: "Traditional Chinese (繁體中文)",
    hans: "Simplified Chinese (简体中文)",
  },
  zh: { latin: "英文", hant: "繁體中文", hans: "简体中文" },
};

/**
 * The generative answerer: the top passages' sentences, numbered and verified, go to the model,
 * which answers in the question's language citing ids; every sentence of its reply is checked
 * (`verifySentence`) before it reaches the user, and citations are the cited sentences' verified
 * quotes. Nothing surviving, or the sentinel, is an abstention. Any failure (unreachable, HTTP
 * error, malformed stream, timeout) throws, and the caller answers extractively.
 *
 * @example
 *   const generative = createGenerativeAnswerer({ model, prompts, translator, cite, threshold, timeoutMs: 60_000, passages: 5, log });
 *   const answer = await generative.answer({ question, analysis, hits, views }, { onText: send });
 */
export function createGenerativeAnswerer(deps: GenerativeDeps) {
  const { model, prompts } = deps;

  async function answer(input: GenerateInput, opts: GenerateOptions = {}): Promise<Answer> {
    const { analysis } = input;
    const lang = analysis.lang;
    const timeout = AbortSignal.timeout(deps.timeoutMs);
    const signal = opts.signal ? AbortSignal.any([opts.signal, timeout]) : timeout;
    const evidence = numberEvidence(input.hits, input.views, deps.cite, {
      passages: deps.passages,
      maxChars: MAX_EVIDENCE_CHARS,
    });
    if (!evidence.byId.size)
      throw new AppError("generator_failed", "no sentence of the top passages could be quoted");
    const language = LANGUAGE_NAMES[lang][analysis.script];
    // A follow-up the analysis rewrote ("And in Dongguan?") is self-contained already; one that
    // leans on the conversation in other ways is condensed by the model first.
    const question =
      analysis.followUp === "rewritten"
        ? analysis.text
        : analysis.followUp === "continues" && input.history?.length
          ? await condense(model, prompts, { ...input, lang }, language, signal)
          : input.question;
    const messages: ChatMessage[] = [
      {
        role: "system",
        content: renderPrompt(prompts, "system", lang, {
          language,
          max_sentences: String(MAX_SENTENCES),
          sentinel: SENTINEL,
        }),
      },
      {
        role: "user",
        content: renderPrompt(prompts, "answer", lang, {
          evidence: renderEvidence(evidence),
          question,
          language,
          sentinel: SENTINEL,
        }),
      },
    ];

    const cited = createCiter(deps.cite);
    const split = createSentenceSplitter();
    const dropped: string[] = [];
    let kept = 0;
    let reply = "";
    let text = "";
    const take = async (sentences: readonly string[]) => {
      for (const s of sentences) {
        const verdict = verifySentence(s, evidence, deps.translator);
        if (!verdict.ok) {
          dropped.push(`${verdict.reason} (“${s.trim().slice(0, 60)}”)`);
          continue;
        }
        kept += 1;
        const piece = (text ? " " : "") + cited.render(verdict.sentence, analysis.script);
        text += piece;
        await opts.onText?.(piece);
      }
    };
    const thinking = createThinkingFilter();
    for await (const piece of model.reply(messages, { signal, maxTokens: MAX_TOKENS })) {
      const said = thinking.push(piece);
      reply += said;
      await take(split.push(said));
    }
    const rest = thinking.end();
    reply += rest;
    await take([...split.push(rest), ...split.end()]);

    const what = `generator (${model.name})`;
    if (reply.trim().startsWith(SENTINEL)) {
      deps.log(`${what}: the model found the evidence insufficient; abstained.`);
      return abstention(lang, analysis.script);
    }
    if (dropped.length)
      deps.log(
        `${what}: kept ${kept} of ${kept + dropped.length} sentence(s); dropped: ${dropped.join("; ")}`,
      );
    if (!kept) return abstention(lang, analysis.script);
    return { answer: text, abstained: false, citations: cited.citations };
  }

  return { answer, threshold: deps.threshold, log: deps.log, model: model.name };
}
export type GenerativeAnswerer = ReturnType<typeof createGenerativeAnswerer>;
