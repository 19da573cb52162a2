import { createHash } from "node:crypto";
import { readdir, readFile } from "node:fs/promises";
import { extname, join, relative, sep } from "node:path";
import { AppError } from "../errors.js";
import { KNOWLEDGE_DIR } from "../knowledge/types.js";
import { loadPdfPages } from "./load-pdf.js";
import { joinPages } from "./pages.js";
import { segmentDocument } from "./segment.js";
import type { CorpusDocument } from "./types.js";

/** File types the indexer reads from `corpus/`. */
export const CORPUS_EXTENSIONS = [".txt", ".md", ".pdf"] as const;
export { PAGE_SEPARATOR } from "./pages.js";

/**
 * Corpus files (relative paths with `/`), sorted: `.txt`, `.md` and `.pdf` files, skipping hidden
 * files and the corpus knowledge folder (`knowledge/`, which may hold notes beside its JSON files).
 */
export async function listCorpusFiles(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true });
  return entries
    .filter(
      (e) =>
        e.isFile() &&
        !e.name.startsWith(".") &&
        (CORPUS_EXTENSIONS as readonly string[]).includes(extname(e.name).toLowerCase()),
    )
    .map((e) => relative(dir, join(e.parentPath, e.name)).split(sep).join("/"))
    .filter((source) => !source.startsWith(`${KNOWLEDGE_DIR}/`))
    .sort();
}

/** sha256 of a file's bytes, used by the manifest to detect corpus changes. */
export const sha256 = (data: Uint8Array | string): string =>
  createHash("sha256").update(data).digest("hex");

/**
 * Reads and normalizes one corpus file. Text files are read as UTF-8; PDFs through pdf-parse, with
 * page boundaries kept so that passages can be cited by page.
 *
 * @example
 *   const doc = await loadDocument("corpus", "chen-2014.txt");
 */
export async function loadDocument(dir: string, source: string): Promise<CorpusDocument> {
  let bytes: Buffer;
  try {
    bytes = await readFile(join(dir, source));
  } catch (cause) {
    throw new AppError("corpus_unreadable", `Cannot read corpus file ${source}.`, { cause });
  }
  let raw: string;
  let pageStarts: number[] = [];
  if (extname(source).toLowerCase() === ".pdf") {
    let pages: string[];
    try {
      pages = await loadPdfPages(new Uint8Array(bytes));
    } catch (cause) {
      throw new AppError(
        "corpus_unreadable",
        `Cannot extract text from PDF ${source}: ${String(cause)}`,
        { cause },
      );
    }
    ({ text: raw, pageStarts } = joinPages(pages));
  } else {
    raw = bytes.toString("utf8");
  }
  const { normalized, display, blocks } = segmentDocument(raw, pageStarts);
  return {
    id: source.replace(/\.[^.]+$/u, ""),
    source,
    raw,
    sha256: sha256(bytes),
    normalized,
    display,
    blocks,
    pageStarts,
  };
}
