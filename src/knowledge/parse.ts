import { createHash } from "node:crypto";
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
export type KnowledgeBytes = Readonly<Record<KnowledgeFile, Uint8Array | undefined>>;

const decoder = new TextDecoder("utf-8", { fatal: true });

/**
 * Validates knowledge files already read: `bytes` holds each file's contents (undefined when
 * absent); `dir` only names them in errors.
 *
 * @example
 *   parseKnowledge({ "gazetteer.json": new TextEncoder().encode('{"names":[{"en":["Tainan"],"zh":["臺南"]}]}'),
 *     "dictionary.json": undefined, "table-places.json": undefined, "table-concepts.json": undefined })
 *     .gazetteer[0]?.en // → ["Tainan"]
 */
export function parseKnowledge(bytes: KnowledgeBytes, dir = KNOWLEDGE_DIR): CorpusKnowledge {
  const read = <F extends KnowledgeFile>(
    file: F,
  ): z.infer<(typeof KNOWLEDGE_SCHEMAS)[F]> | null => {
    const raw = bytes[file];
    if (raw === undefined) return null;
    const where = `${dir}/${file}`;
    let json: unknown;
    try {
      json = JSON.parse(decoder.decode(raw));
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

/** Names a table place refers to must exist, and each name may be claimed once. */
function checkAcrossFiles(k: Omit<CorpusKnowledge, "hash">, dir: string): void {
  const where = `${dir}/table-places.json`;
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
      throw invalid(`${dir}/table-concepts.json`, `concepts[${i}].id "${c.id}" is repeated.`);
    ids.add(c.id);
  });
}

function invalid(file: string, detail: string, cause?: unknown): AppError {
  return new AppError("corpus_unreadable", `${file} is invalid: ${detail}`, { cause });
}
