import { readFile } from "node:fs/promises";
import { join } from "node:path";
import type { GenerativeDeps } from "../answer/generative/answer.js";
import { createChatClient } from "../answer/generative/client.js";
import {
  parsePrompts,
  PROMPT_LANGS,
  PROMPT_NAMES,
  promptFile,
} from "../answer/generative/prompts.js";
import type { Config } from "../config.js";

/** What the generative answerer needs from configuration; the rest comes with each loaded index. */
export type GeneratorSetup = Omit<GenerativeDeps, "translator" | "cite" | "threshold">;

/**
 * The configured generator — the chat client and the prompt templates, read and checked now — or
 * null when `GENERATOR_URL` is not set (then no model is ever called). Throws, naming each
 * problem, when a prompt file is missing or uses the wrong placeholders.
 *
 * @example
 *   const generator = await generatorFromConfig(config, log); // null without GENERATOR_URL
 */
export async function generatorFromConfig(
  config: Config,
  log: (message: string) => void,
): Promise<GeneratorSetup | null> {
  if (!config.GENERATOR_URL || !config.GENERATOR_MODEL) return null;
  const files = new Map<string, string>();
  for (const name of PROMPT_NAMES)
    for (const lang of PROMPT_LANGS) {
      const file = promptFile(name, lang);
      try {
        files.set(file, await readFile(join(config.PROMPTS_DIR, file), "utf8"));
      } catch (e) {
        if ((e as NodeJS.ErrnoException).code !== "ENOENT") throw e;
      }
    }
  const prompts = parsePrompts((f) => files.get(f));
  const model = createChatClient({
    url: config.GENERATOR_URL,
    model: config.GENERATOR_MODEL,
    apiKey: config.GENERATOR_API_KEY,
  });
  log(
    `generator: ${config.GENERATOR_MODEL} at ${new URL(config.GENERATOR_URL).origin} writes answers ` +
      `from the top ${config.GENERATOR_PASSAGES} passages (every sentence verified; extractive on any failure).`,
  );
  return {
    model,
    prompts,
    timeoutMs: config.GENERATOR_TIMEOUT_SECONDS * 1000,
    passages: config.GENERATOR_PASSAGES,
    log,
  };
}
