import { readdir, readFile } from "node:fs/promises";
import { join } from "node:path";
import { AppError } from "../errors.js";
import { hashKnowledge, parseKnowledge, type KnowledgeBytes } from "./parse.js";
import {
  KNOWLEDGE_DIR,
  KNOWLEDGE_FILES,
  type CorpusKnowledge,
  type KnowledgeFile,
} from "./types.js";

/**
 * Reads `<corpusDir>/knowledge/*.json` and validates each file against its schema, and the files
 * against each other (a table place must be a gazetteer name or have aliases). A missing file, or a
 * missing folder, means "none". Throws an AppError (`corpus_unreadable`) naming the file and the
 * field when a file is not valid JSON, does not fit its schema, or is not a knowledge file at all.
 *
 * @example
 *   const knowledge = await loadKnowledge("corpus");
 *   knowledge.gazetteer.find((n) => n.en[0] === "Tianjin")?.zh // → ["天津"]
 */
export async function loadKnowledge(corpusDir: string): Promise<CorpusKnowledge> {
  const dir = join(corpusDir, KNOWLEDGE_DIR);
  await refuseUnknownFiles(dir);
  return parseKnowledge(await readKnowledgeBytes(corpusDir), dir);
}

/**
 * The hash of the knowledge files as they are on disk (without validating them), to compare with
 * the one an index was built with.
 *
 * @example
 *   await knowledgeHash("corpus") // → "3f1c…" (32 hex digits)
 */
export async function knowledgeHash(corpusDir: string): Promise<string> {
  return hashKnowledge(await readKnowledgeBytes(corpusDir));
}

async function readKnowledgeBytes(corpusDir: string): Promise<KnowledgeBytes> {
  const dir = join(corpusDir, KNOWLEDGE_DIR);
  const entries = await Promise.all(
    KNOWLEDGE_FILES.map(async (file) => {
      try {
        return [file, await readFile(join(dir, file))] as const;
      } catch (cause) {
        if ((cause as NodeJS.ErrnoException).code === "ENOENT") return [file, undefined] as const;
        throw new AppError("corpus_unreadable", `Cannot read ${join(dir, file)}.`, { cause });
      }
    }),
  );
  return Object.fromEntries(entries) as Record<KnowledgeFile, Buffer | undefined>;
}

/** A misspelt file name would otherwise be read as "no such knowledge" without a word. */
async function refuseUnknownFiles(dir: string): Promise<void> {
  let names: string[];
  try {
    names = await readdir(dir);
  } catch (cause) {
    if ((cause as NodeJS.ErrnoException).code === "ENOENT") return;
    throw new AppError("corpus_unreadable", `Cannot read the folder ${dir}.`, { cause });
  }
  const unknown = names.filter(
    (n) => n.endsWith(".json") && !(KNOWLEDGE_FILES as readonly string[]).includes(n),
  );
  if (unknown.length)
    throw new AppError(
      "corpus_unreadable",
      `${join(dir, unknown[0]!)} is not a knowledge file; the folder holds ${KNOWLEDGE_FILES.join(", ")}.`,
    );
}
