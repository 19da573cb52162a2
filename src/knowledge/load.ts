import { createHash } from "node:crypto";
import { readdir, readFile } from "node:fs/promises";
import { join } from "node:path";
import { z } from "zod";
import { AppError } from "../errors.js";
import {
  KNOWLEDGE_DIR,
  KNOWLEDGE_FILES,
  KNOWLEDGE_SCHEMAS,
  type CorpusKnowledge,
  type KnowledgeFile,
} from "./types.js";

/** The bytes of each knowledge file, or undefined for a file the corpus does not have. */
export type KnowledgeBytes = Readonly<Record<KnowledgeFile, Buffer | undefined>>;

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

/**
 * Validates knowledge files already read: `bytes` holds each file's contents (undefined when
 * absent); `dir` only names them in errors.
 *
 * @example
 *   parseKnowledge({ "gazetteer.json": Buffer.from('{"names":[{"en":["Tainan"],"zh":["臺南"]}]}'),
 *     "dictionary.json": undefined, "table-places.json": undefined, "table-concepts.json": undefined })
 *     .gazetteer[0]?.en // → ["Tainan"]
 */
export function parseKnowledge(bytes: KnowledgeBytes, dir = KNOWLEDGE_DIR): CorpusKnowledge {
  const read = <F extends KnowledgeFile>(
    file: F,
  ): z.infer<(typeof KNOWLEDGE_SCHEMAS)[F]> | null => {
    const raw = bytes[file];
    if (raw === undefined) return null;
    const where = join(dir, file);
    let json: unknown;
    try {
      json = JSON.parse(raw.toString("utf8"));
    } catch (cause) {
      throw invalid(where, `it is not valid JSON (${(cause as Error).message})`, cause);
    }
    const parsed = KNOWLEDGE_SCHEMAS[file].safeParse(json);
    if (!parsed.success) throw invalid(where, z.prettifyError(parsed.error), parsed.error);
    return parsed.data as z.infer<(typeof KNOWLEDGE_SCHEMAS)[F]>;
  };
  const gazetteer = read("gazetteer.json")?.names ?? [];
  const dictionary = read("dictionary.json")?.terms ?? [];
  const tablePlaces = read("table-places.json")?.places ?? [];
  const concepts = read("table-concepts.json")?.concepts ?? [];
  const knowledge = { gazetteer, dictionary, tablePlaces, concepts, hash: hashKnowledge(bytes) };
  checkAcrossFiles(knowledge, dir);
  return knowledge;
}

/** sha256 over each file's name and bytes ("absent" for a missing file), 32 hex digits. */
export function hashKnowledge(bytes: KnowledgeBytes): string {
  const hash = createHash("sha256");
  for (const file of KNOWLEDGE_FILES) {
    hash.update(`${file}\n`);
    hash.update(bytes[file] ?? "absent");
    hash.update("\n");
  }
  return hash.digest("hex").slice(0, 32);
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

/** Names a table place refers to must exist, and each name may be claimed once. */
function checkAcrossFiles(k: Omit<CorpusKnowledge, "hash">, dir: string): void {
  const where = join(dir, "table-places.json");
  const canonical = new Set(k.gazetteer.map((e) => e.en[0]));
  const claimed = new Map<string, string>();
  k.tablePlaces.forEach((place, i) => {
    const field = `places[${i}]`;
    const claim = (name: string, at: string) => {
      const earlier = claimed.get(name);
      if (earlier) throw invalid(where, `${at} "${name}" is already named by ${earlier}.`);
      claimed.set(name, at);
    };
    if (!canonical.has(place.name) && !place.aliases?.length)
      throw invalid(
        where,
        `${field}.name "${place.name}" is not the first English form of a gazetteer name, and the place has no aliases.`,
      );
    claim(place.name, `${field}.name`);
    place.includes?.forEach((name, j) => {
      if (!canonical.has(name))
        throw invalid(
          where,
          `${field}.includes[${j}] "${name}" is not the first English form of a gazetteer name.`,
        );
      claim(name, `${field}.includes[${j}]`);
    });
  });
  const ids = new Set<string>();
  k.concepts.forEach((c, i) => {
    if (ids.has(c.id))
      throw invalid(join(dir, "table-concepts.json"), `concepts[${i}].id "${c.id}" is repeated.`);
    ids.add(c.id);
  });
}

function invalid(file: string, detail: string, cause?: unknown): AppError {
  return new AppError("corpus_unreadable", `${file} is invalid: ${detail}`, { cause });
}
