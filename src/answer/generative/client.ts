import { EventSourceParserStream } from "eventsource-parser/stream";
import { z } from "zod";
import { AppError } from "../../errors.js";

/** One message of an OpenAI-compatible chat request. */
export interface ChatMessage {
  role: "system" | "user" | "assistant";
  content: string;
}

/** A chat model that streams its reply as pieces of text. */
export interface ChatModel {
  /** The model's name, for log lines. */
  readonly name: string;
  /** The reply in pieces as they arrive; throws (AppError `generator_failed`) on any failure. */
  reply(
    messages: readonly ChatMessage[],
    opts: { signal: AbortSignal; maxTokens: number },
  ): AsyncIterable<string>;
}

export interface ChatClientOptions {
  /** `…/v1` or the full `…/v1/chat/completions`; a bare host gets `/v1/chat/completions`. */
  url: string;
  model: string;
  apiKey?: string | undefined;
}

/** One streamed chunk (or, from a server that ignores `stream`, the whole completion). */
const ChunkSchema = z.object({
  choices: z
    .array(
      z.object({
        delta: z.object({ content: z.string().nullish() }).nullish(),
        message: z.object({ content: z.string().nullish() }).nullish(),
      }),
    )
    .optional(),
  error: z.unknown().optional(),
});

/**
 * The chat-completions endpoint of a base URL.
 *
 * @example
 *   completionsUrl("http://127.0.0.1:11434/v1") // → "http://127.0.0.1:11434/v1/chat/completions"
 *   completionsUrl("http://127.0.0.1:8080") // → "http://127.0.0.1:8080/v1/chat/completions"
 */
export function completionsUrl(url: string): string {
  const base = url.replace(/\/+$/u, "");
  if (/\/chat\/completions$/u.test(base)) return base;
  return /\/v\d+$/u.test(base) ? `${base}/chat/completions` : `${base}/v1/chat/completions`;
}

const failed = (detail: string, cause?: unknown) =>
  new AppError("generator_failed", detail, { cause });

/** The text of one parsed chunk; an `error` member or an unexpected shape is a failure. */
function contentOf(data: string): string {
  let json: unknown;
  try {
    json = JSON.parse(data);
  } catch (cause) {
    throw failed(`the model server sent malformed JSON: ${data.slice(0, 80)}`, cause);
  }
  const chunk = ChunkSchema.safeParse(json);
  if (!chunk.success) throw failed("the model server sent a chunk of an unexpected shape");
  if (chunk.data.error !== undefined)
    throw failed(
      `the model server reported an error: ${JSON.stringify(chunk.data.error).slice(0, 200)}`,
    );
  const choice = chunk.data.choices?.[0];
  return choice?.delta?.content ?? choice?.message?.content ?? "";
}

/**
 * A client of an OpenAI-compatible `/v1/chat/completions` (Ollama, llama.cpp's server, vLLM, hosted
 * APIs), streaming with server-sent events. A server that answers with one JSON completion instead
 * is read too. Temperature 0: the answer should follow the evidence, not vary.
 *
 * @example
 *   const model = createChatClient({ url: "http://127.0.0.1:11434/v1", model: "qwen2.5:7b-instruct" });
 *   for await (const piece of model.reply(messages, { signal, maxTokens: 600 })) process.stdout.write(piece);
 */
export function createChatClient(opts: ChatClientOptions): ChatModel {
  const endpoint = completionsUrl(opts.url);
  const headers: Record<string, string> = {
    "content-type": "application/json",
    accept: "text/event-stream, application/json",
    ...(opts.apiKey ? { authorization: `Bearer ${opts.apiKey}` } : {}),
  };
  return {
    name: opts.model,
    async *reply(messages, { signal, maxTokens }) {
      let res: Response;
      try {
        res = await fetch(endpoint, {
          method: "POST",
          headers,
          signal,
          body: JSON.stringify({
            model: opts.model,
            messages,
            stream: true,
            temperature: 0,
            max_tokens: maxTokens,
          }),
        });
      } catch (cause) {
        throw failed(`the model server could not be reached: ${reason(cause)}`, cause);
      }
      if (!res.ok || !res.body) {
        const text = await res.text().catch(() => "");
        throw failed(`the model server answered HTTP ${res.status}: ${text.slice(0, 200)}`);
      }
      try {
        if (!/text\/event-stream/iu.test(res.headers.get("content-type") ?? "")) {
          yield contentOf(await res.text());
          return;
        }
        const events = res.body
          .pipeThrough(new TextDecoderStream())
          .pipeThrough(new EventSourceParserStream());
        for await (const event of events) {
          if (event.data.trim() === "[DONE]") return;
          const text = contentOf(event.data);
          if (text) yield text;
        }
      } catch (cause) {
        if (cause instanceof AppError) throw cause;
        throw failed(`reading the model's reply failed: ${reason(cause)}`, cause);
      }
    },
  };
}

const reason = (e: unknown) =>
  e instanceof Error ? (e.name === "TimeoutError" ? "timed out" : e.message) : String(e);
