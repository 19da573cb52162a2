import { MAX_TURN_CHARS } from "../../question/analyse.js";
import type { ChatModel } from "./client.js";
import type { Turn } from "../../question/followup.js";
import { renderPrompt, type Prompts } from "./prompts.js";
import { createThinkingFilter } from "./sentences.js";
import { SENTINEL } from "./verify.js";

/** Earlier turns shown when condensing a follow-up. */
const CONDENSE_TURNS = 6;

/**
 * A follow-up that leans on the conversation, rewritten by the model as one self-contained question
 * (the `condense` prompt: the last turns, citation markers removed, and the follow-up). The
 * question as asked when the model gives nothing usable.
 *
 * @example
 *   await condense(model, prompts, { question: "And the monthly record?", history, lang: "en" }, "English", signal)
 *   // → "What was the record number of new-tech firms registered within a month?"
 */
export async function condense(
  model: ChatModel,
  prompts: Prompts,
  input: { question: string; history?: readonly Turn[] | undefined; lang: "en" | "zh" },
  language: string,
  signal: AbortSignal,
): Promise<string> {
  const history = (input.history ?? [])
    .slice(-CONDENSE_TURNS)
    .map((t) => {
      const text = t.content.replace(/\s*\[\d+\]/gu, "").replace(/\s+/gu, " ");
      return `${t.role === "user" ? "Q" : "A"}: ${text.slice(0, MAX_TURN_CHARS)}`;
    })
    .join("\n");
  const content = renderPrompt(prompts, "condense", input.lang, {
    history,
    question: input.question,
    language,
  });
  let reply = "";
  const thinking = createThinkingFilter();
  for await (const piece of model.reply([{ role: "user", content }], { signal, maxTokens: 200 }))
    reply += thinking.push(piece);
  reply += thinking.end();
  const line = reply
    .split("\n")
    .map((l) => l.trim().replace(/^["“「]|["”」]$/gu, ""))
    .find(Boolean);
  return line && !line.includes(SENTINEL) ? line.slice(0, 1000) : input.question;
}
