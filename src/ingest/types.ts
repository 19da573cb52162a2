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

/**
 * A heading's place in the outline. `number` is the section number ("12.2", "一", "（一）", "第一章");
 * `title` is the whole heading as the document prints it (display text: number included, markup and
 * footnote markers left out).
 */
export interface SectionRef {
  number: string | null;
  title: string;
  /** Titles from the outermost heading down to this one. */
  path: string[];
  /** Section numbers along `path` (null for unnumbered headings). */
  numbers: (string | null)[];
  /** Raw offset where the heading starts: where a reader starts counting the section's paragraphs. */
  rawStart: number;
}

/**
 * A structural block: `[start, end)` of the document's normalized (matching) text and
 * `[displayStart, displayEnd)` of its display text.
 */
export interface Block {
  kind: BlockKind;
  start: number;
  end: number;
  displayStart: number;
  displayEnd: number;
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
  /** Matching text: NFKC, markup dropped, lines joined; footnote markers kept. Never shown to users. */
  normalized: MappedText;
  /** Display text: the source's characters, lines joined, markup and note markers dropped (see `display.ts`). */
  display: MappedText;
  blocks: Block[];
  /** Start offsets (in raw) of each PDF page; empty for text files. */
  pageStarts: number[];
}
