import { createHash } from "node:crypto";
import { indexRange } from "../ingest/mapped-builder.js";
import { paragraphNumbers, sectionKey } from "../ingest/paragraphs.js";
import { splitSentences } from "../ingest/sentences.js";
import type { Block, BlockKind, CorpusDocument, Sentence } from "../ingest/types.js";
import type { Chunk, Language } from "./types.js";

/** Size limits in "units": an English word is one unit, a Chinese character 0.55 (450 characters ≈ 250 words). */
export interface ChunkOptions {
  maxUnits: number;
  minUnits: number;
  /** Carry the previous chunk's last sentence into the next when it is at most this many units. */
  overlapUnits: number;
}
export const DEFAULT_CHUNK_OPTIONS: ChunkOptions = {
  maxUnits: 250,
  minUnits: 100,
  overlapUnits: 60,
};

const HAN = /\p{Script=Han}/gu;
const WORD = /[\p{L}\p{N}]+/gu;

/** Size of a text in units (see {@link ChunkOptions}). */
export function textUnits(text: string): number {
  const han = text.match(HAN)?.length ?? 0;
  const words = text.replace(HAN, " ").match(WORD)?.length ?? 0;
  return words + han * 0.55;
}

/** "zh" when Han characters make up a large share of the letters. */
export function detectLanguage(text: string): Language {
  const han = text.match(HAN)?.length ?? 0;
  const letters = text.match(/\p{L}/gu)?.length ?? 1;
  return han / letters > 0.3 ? "zh" : "en";
}

interface Group {
  kind: BlockKind;
  blocks: Block[];
}

/**
 * Cuts a document into sentence-aligned chunks that never cross a section boundary or mix
 * block kinds (a table stays apart from prose; references stay apart from evidence). Sentences are
 * found in the display text (where footnote markers no longer hide sentence ends); each chunk
 * carries both its matching text and its display text.
 *
 * @example
 *   const chunks = chunkDocument(doc); // chunks[0].start/end index doc.raw
 */
export function chunkDocument(
  doc: CorpusDocument,
  opts: ChunkOptions = DEFAULT_CHUNK_OPTIONS,
): Chunk[] {
  const chunks: Chunk[] = [];
  const seen = new Map<string, number>();
  const paragraphOf = paragraphNumbers(doc.blocks, doc.display.text);
  const shown = doc.display.text;
  for (const group of groupBlocks(doc.blocks)) {
    const sentences = group.blocks.flatMap((b) =>
      splitSentences(shown, b.displayStart, b.displayEnd),
    );
    for (const window of packSentences(
      shown,
      sentences,
      group.kind === "table" ? { ...opts, overlapUnits: 0 } : opts,
    )) {
      const first = group.blocks.find((b) => b.displayEnd > window[0]!.start) ?? group.blocks[0]!;
      const paragraphAt = (s: Sentence) => {
        const b = group.blocks.find((x) => x.displayEnd >= s.end) ?? first;
        return paragraphOf.get(b) ?? 1;
      };
      chunks.push(makeChunk(doc, group.kind, first, paragraphAt, window, seen, chunks.length));
    }
  }
  return chunks;
}

/** Consecutive blocks of one section and one kind; a caption joins the table that follows it. */
function groupBlocks(blocks: Block[]): Group[] {
  const groups: Group[] = [];
  let current: Group | null = null;
  blocks.forEach((b, i) => {
    if (b.kind === "heading") {
      current = null;
      return;
    }
    const next = blocks[i + 1];
    const kind: BlockKind =
      b.kind === "caption" ? (next?.kind === "table" ? "table" : "paragraph") : b.kind;
    const g = current as Group | null;
    if (
      !g ||
      g.kind !== kind ||
      sectionKey(g.blocks[0]!) !== sectionKey(b) ||
      (kind === "table" && b.kind === "caption")
    ) {
      current = { kind, blocks: [b] };
      groups.push(current);
    } else g.blocks.push(b);
  });
  return groups;
}

function packSentences(text: string, sentences: Sentence[], opts: ChunkOptions): Sentence[][] {
  const windows: Sentence[][] = [];
  let current: Sentence[] = [];
  let units = 0;
  for (const s of sentences) {
    const u = textUnits(text.slice(s.start, s.end));
    if (current.length && units + u > opts.maxUnits) {
      windows.push(current);
      const last = current[current.length - 1]!;
      const lastUnits = textUnits(text.slice(last.start, last.end));
      current = lastUnits <= opts.overlapUnits && lastUnits + u <= opts.maxUnits ? [last] : [];
      units = current.length ? lastUnits : 0;
    }
    current.push(s);
    units += u;
  }
  if (current.length) {
    const prev = windows[windows.length - 1];
    const merged = prev ? [...prev, ...current.filter((s) => !prev.includes(s))] : null;
    if (
      prev &&
      merged &&
      units < opts.minUnits &&
      textUnits(text.slice(merged[0]!.start, merged[merged.length - 1]!.end)) <= opts.maxUnits * 1.2
    )
      windows[windows.length - 1] = merged;
    else windows.push(current);
  }
  return windows;
}

function makeChunk(
  doc: CorpusDocument,
  kind: BlockKind,
  block: Block,
  paragraphAt: (s: Sentence) => number,
  window: Sentence[],
  seen: Map<string, number>,
  seq: number,
): Chunk {
  const dStart = window[0]!.start;
  const dEnd = window[window.length - 1]!.end;
  const rawStart = doc.display.starts[dStart]!;
  const rawEnd = doc.display.ends[dEnd - 1]!;
  const matching = trimmed(doc.normalized.text, indexRange(doc.normalized, rawStart, rawEnd));
  const text = doc.normalized.text.slice(matching.from, matching.to);
  const base = createHash("sha256").update(`${doc.id}\u0000${text}`).digest("hex").slice(0, 12);
  const dup = seen.get(base) ?? 0;
  seen.set(base, dup + 1);
  const section = block.section;
  return {
    id: dup ? `p${base}-${dup}` : `p${base}`,
    docId: doc.id,
    source: doc.source,
    kind,
    lang: detectLanguage(text),
    section: section ? section.title : null,
    sectionNumber: section?.number ?? null,
    sectionPath: section?.path ?? [],
    sectionNumbers: section?.numbers ?? [],
    page: block.page,
    paragraph: paragraphAt(window[0]!),
    start: rawStart,
    end: rawEnd,
    text,
    display: doc.display.text.slice(dStart, dEnd),
    sentences: window.map((s) => {
      const r = { start: doc.display.starts[s.start]!, end: doc.display.ends[s.end - 1]! };
      const m = trimmed(doc.normalized.text, indexRange(doc.normalized, r.start, r.end));
      return {
        start: m.from - matching.from,
        end: m.to - matching.from,
        rawStart: r.start,
        rawEnd: r.end,
        paragraph: paragraphAt(s),
      };
    }),
    seq,
  };
}

/** A range of `text` without the whitespace at its edges (a block separator at a block's start). */
function trimmed(text: string, r: { from: number; to: number }): { from: number; to: number } {
  let { from, to } = r;
  while (from < to && /\s/u.test(text.charAt(from))) from++;
  while (to > from && /\s/u.test(text.charAt(to - 1))) to--;
  return { from, to };
}
