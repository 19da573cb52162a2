/** Kinds of structural block found in a document. References are indexed but never cited as evidence. */
export const BLOCK_KINDS = [
  "heading",
  "paragraph",
  "table",
  "caption",
  "footnote",
  "references",
] as const;
export type BlockKind = (typeof BLOCK_KINDS)[number];

/**
 * Normalized text with a map back to the raw file: character `i` of `text` came from
 * `raw.slice(starts[i], ends[i])`.
 */
export interface MappedText {
  text: string;
  starts: Int32Array;
  ends: Int32Array;
}

/** A heading's place in the outline. `number` is the section number as written ("12.2", "一", "第一章"). */
export interface SectionRef {
  number: string | null;
  title: string;
  /** Titles from the outermost heading down to this one. */
  path: string[];
}

/** A structural block, as a `[start, end)` range of the document's normalized text. */
export interface Block {
  kind: BlockKind;
  start: number;
  end: number;
  section: SectionRef | null;
  /** 1-based page for PDFs, null for text files. */
  page: number | null;
}

/** A sentence as a `[start, end)` range of the document's normalized text. */
export interface Sentence {
  start: number;
  end: number;
}

/** A loaded, normalized corpus document. Owns the offset map used by every later citation. */
export interface CorpusDocument {
  /** Stable id: the file's path relative to `corpus/` without its extension. */
  id: string;
  /** Path relative to `corpus/`, with `/` separators. */
  source: string;
  /** The file's text as read (UTF-8); all offsets in the API point into this string. */
  raw: string;
  sha256: string;
  normalized: MappedText;
  blocks: Block[];
  /** Start offsets (in raw) of each PDF page; empty for text files. */
  pageStarts: number[];
}
