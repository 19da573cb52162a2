import { readFileSync } from "node:fs";
import { extractTables } from "../../src/tables/extract.js";
import type { Table } from "../../src/tables/types.js";
import { CORPUS_TABLES } from "../fixtures/knowledge.js";

/** The five corpus files, by document id (file name without ".txt"). */
export const DOCS = {
  zhou: "zhou-2010-decentering-spatial-fix",
  chen: "chen-2014-varieties-of-global-capital",
  liefner: "liefner-kroll-2019-regional-innovation",
  bohai: "bohai-rim-science-parks-report",
  zgc: "zhongguancun-1997-innovation-milieu",
} as const;

const corpusDir = new URL("../../corpus/", import.meta.url);
const raws = new Map<string, string>();
const extracted = new Map<string, Table[]>();

/** The raw text of a corpus file. */
export function rawOf(docId: string): string {
  let raw = raws.get(docId);
  if (raw === undefined) {
    raw = readFileSync(new URL(`${docId}.txt`, corpusDir), "utf8");
    raws.set(docId, raw);
  }
  return raw;
}

/** The tables of one corpus file (extracted once per test run). */
export function tablesOf(docId: string): Table[] {
  let tables = extracted.get(docId);
  if (!tables) {
    tables = extractTables(docId, `${docId}.txt`, rawOf(docId), CORPUS_TABLES);
    extracted.set(docId, tables);
  }
  return tables;
}

/** The tables of the whole corpus. */
export function allTables(): Table[] {
  return Object.values(DOCS).flatMap(tablesOf);
}

/** One table by document and table number (1-based, file order). */
export function tableAt(docId: string, n: number): Table {
  const table = tablesOf(docId)[n - 1];
  if (!table) throw new Error(`${docId} has no table ${n}`);
  return table;
}
