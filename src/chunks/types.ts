import type { BlockKind } from "../ingest/types.js";

export const LANGUAGES = ["en", "zh"] as const;
export type Language = (typeof LANGUAGES)[number];

/**
 * A sentence of a chunk (split on the display text, so "yuan.²⁰ Although" is two sentences):
 * `[start, end)` in `Chunk.text` and `[rawStart, rawEnd)` in the raw file.
 */
export interface ChunkSentence {
  start: number;
  end: number;
  rawStart: number;
  rawEnd: number;
  /** The sentence's paragraph within its section (see `Chunk.paragraph`). */
  paragraph: number;
}

/** The unit of retrieval. Offsets carried from ingest; never searched for afterwards. */
export interface Chunk {
  /** Stable: derived from the document id and the text, so unchanged passages keep their id across re-indexing. */
  id: string;
  docId: string;
  source: string;
  kind: BlockKind;
  lang: Language;
  /**
   * The section's heading as the document prints it (display text), e.g. "12.2. R&D input",
   * "（一）計畫經濟空間戰略對京津城市功能逆轉的影響", or null before the first heading.
   */
  section: string | null;
  sectionNumber: string | null;
  sectionPath: string[];
  /** The section numbers along `sectionPath` ("三", "（一）"; null for unnumbered headings). */
  sectionNumbers: (string | null)[];
  page: number | null;
  /**
   * 1-based paragraph number within the section (the first block of the chunk), counted as a reader
   * counts: prose paragraphs only (not headings, tables, captions), a paragraph resumed after a figure
   * counted once.
   */
  paragraph: number;
  /** `[start, end)` in the raw file. */
  start: number;
  end: number;
  /** Matching text (NFKC, markup dropped, lines joined): what retrieval reads. Not for display. */
  text: string;
  /**
   * Display text of the same span: the source's characters (full-width punctuation, ％, quotation
   * marks kept), lines joined, markup and footnote markers dropped. What users read.
   */
  display: string;
  sentences: ChunkSentence[];
  /** Position of the chunk in its document, for previous/next navigation. */
  seq: number;
}
