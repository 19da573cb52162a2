import type { BlockKind } from "../ingest/types.js";

export const LANGUAGES = ["en", "zh"] as const;
export type Language = (typeof LANGUAGES)[number];

/** A sentence of a chunk: `[start, end)` in `Chunk.text` and `[rawStart, rawEnd)` in the raw file. */
export interface ChunkSentence {
  start: number;
  end: number;
  rawStart: number;
  rawEnd: number;
}

/** The unit of retrieval. Offsets carried from ingest; never searched for afterwards. */
export interface Chunk {
  /** Stable: derived from the document id and the text, so unchanged passages keep their id across re-indexing. */
  id: string;
  docId: string;
  source: string;
  kind: BlockKind;
  lang: Language;
  /** Display form of the section, e.g. "12.2. R&D input", or null before the first heading. */
  section: string | null;
  sectionNumber: string | null;
  sectionPath: string[];
  page: number | null;
  /** 1-based paragraph number within the section (the first block of the chunk). */
  paragraph: number;
  /** `[start, end)` in the raw file. */
  start: number;
  end: number;
  /** Normalized text (NFKC, markup dropped, lines joined). */
  text: string;
  sentences: ChunkSentence[];
  /** Position of the chunk in its document, for previous/next navigation. */
  seq: number;
}
