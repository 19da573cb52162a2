import { runInThread } from "./spawn.js";

const PRUNE_ENTRY = new URL(
  import.meta.url.endsWith(".ts") ? "./prune-worker.ts" : "./prune-worker.js",
  import.meta.url,
);

/** CC-CEDICT pruned to a corpus: the entries kept, and the other headwords (for segmentation). */
export interface PrunedDictionary {
  text: string;
  headwords: string;
}

/**
 * CC-CEDICT pruned to the words of `sources` (files of `corpusDir`), worked out in a thread of its
 * own that then ends: an answering worker parses only the kept third of the entries and never holds
 * the whole text or the pruning's garbage (~40 MB of heap less per worker). The entries kept are
 * those that can connect a question to these documents (`pruneCedict`), as in the Worker.
 *
 * @example
 *   const { text, headwords } = await pruneInThread("corpus", ["chen-2014.txt"]);
 */
export function pruneInThread(
  corpusDir: string,
  sources: readonly string[],
): Promise<PrunedDictionary> {
  return runInThread<PrunedDictionary>(
    PRUNE_ENTRY,
    { corpusDir, sources: [...sources] },
    (message) => new Error(`The dictionary could not be pruned: ${message}`),
  );
}
