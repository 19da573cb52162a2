import type { Config } from "../config.js";
import type { Embedder } from "../embed/types.js";
import type { ReadyState } from "../http/state.js";
import type { GeneratorSetup } from "../serve/state.js";
import type { LanguageSource, PruneDictionary } from "./wire.js";

/** What a served state needs besides the index: loaded once per process (or worker), reused by every reload. */
export interface Models {
  embedder: Embedder;
  /** The corpus knowledge and dictionary, loaded again only when the knowledge files change. */
  languages: LanguageSource;
  /** The optional generative answerer's client and prompts (GENERATOR_URL), or null. */
  generator: GeneratorSetup | null;
}

/**
 * The configured embedder, then the corpus language (knowledge and dictionary), then the generator's client and prompts
 * (when configured). One after the other: loaded side by side, their promise chains starve the
 * event loop for seconds (3 s measured); in turn, no pause exceeds ~0.2 s. `generatorLog` hears the
 * generator's messages while it answers (its setup line is the listener's to print).
 * `loadEmbedder` replaces the configured embedder's loading (a worker that never embeds defers it);
 * with `prune`, the dictionary is pruned to the served index's documents.
 *
 * @example
 *   const models = await loadModels(config, log);
 */
export async function loadModels(
  config: Config,
  log: (m: string) => void,
  generatorLog: (m: string) => void = log,
  { loadEmbedder, prune }: { loadEmbedder?: () => Promise<Embedder>; prune?: PruneDictionary } = {},
): Promise<Models> {
  const { embedderFromConfig, languageSource } = await import("./wire.js");
  const { generatorFromConfig } = await import("./generator.js");
  const embedder = await (loadEmbedder ? loadEmbedder() : embedderFromConfig(config, log));
  // An invalid knowledge file fails the state load that needs it (retried by the next reload).
  // A pruned dictionary waits for the index's documents.
  const languages = languageSource(config.CORPUS_DIR, prune);
  if (!prune) await languages.current().catch(() => undefined);
  let set = false;
  const generator = await generatorFromConfig(config, (m) => set && generatorLog(m));
  set = true;
  return { embedder, languages, generator };
}

/**
 * The state the app answers from, loaded from the configured index with `models`. A wrapper, so
 * that `loadState`'s parameters stay its owner's business.
 *
 * @example
 *   const state = await loadServingState(config, await loadModels(config, log));
 */
export async function loadServingState(config: Config, models: Models): Promise<ReadyState> {
  const { loadState } = await import("./load-state.js");
  const { readManifest } = await import("../store/load-index.js");
  const manifest = await readManifest(config.INDEX_DIR);
  const language = await models.languages.current(manifest?.files);
  return loadState(config, models.embedder, language, undefined, models.generator);
}
