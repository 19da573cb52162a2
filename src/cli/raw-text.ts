import { readFile } from "node:fs/promises";
import { extname, join } from "node:path";
import { loadDocument } from "../ingest/load.js";

/** The text that citation offsets of a corpus file point into: the file itself, or a PDF's extracted text. */
export async function loadDocumentText(corpusDir: string, source: string): Promise<string> {
  if (extname(source).toLowerCase() === ".pdf") return (await loadDocument(corpusDir, source)).raw;
  return readFile(join(corpusDir, source), "utf8");
}
