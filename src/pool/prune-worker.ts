import { parentPort, workerData } from "node:worker_threads";
import { loadDocumentText } from "../cli/raw-text.js";
import { readCedictText } from "../lexicon/cedict-file.js";
import { pruneCedict } from "../lexicon/prune.js";

/**
 * A short-lived thread that prunes CC-CEDICT to the words of the served documents (see
 * `pruneInThread`) and ends, taking the full dictionary's text and the pruning's garbage with it.
 */
const { corpusDir, sources } = workerData as { corpusDir: string; sources: string[] };
try {
  const texts = await Promise.all(sources.map((s) => loadDocumentText(corpusDir, s)));
  const { text, headwords } = pruneCedict(await readCedictText(), texts);
  parentPort?.postMessage({ result: { text, headwords } });
} catch (e) {
  parentPort?.postMessage({ error: e instanceof Error ? e.message : String(e) });
}
process.exit(0);
