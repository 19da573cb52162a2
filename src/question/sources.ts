import { tokenize } from "../text/tokens.js";
import type { SourcePointer } from "./types.js";

/** What identifies a document when a question points at it: its authors, title, journal and year. */
export interface SourceDescription {
  docId: string;
  /** Authors' names and the journal or series: words that name the source, never its topic. */
  names: readonly string[];
  /** Titles (of the work and its chapters): they name the source and its topic. */
  titles: readonly string[];
  year: number | null;
}

/** Identifying tokens of each document, with weights that favour tokens only one document has. */
export interface SourceIndex {
  docs: ReadonlyArray<{ docId: string; tokens: ReadonlyMap<string, number> }>;
  /** Tokens of names (authors, journals) of any document. */
  nameTokens: ReadonlySet<string>;
}

/**
 * Builds the source index from catalog descriptions.
 *
 * @example
 *   const index = createSourceIndex([{ docId: "chen-2014", names: ["Chen"], titles: ["Varieties of global capital"], year: 2014 }]);
 */
export function createSourceIndex(descriptions: readonly SourceDescription[]): SourceIndex {
  const perDoc = descriptions.map((d) => ({
    docId: d.docId,
    tokens: new Set(tokenize([...d.names, ...d.titles, d.year ?? ""].join(" "))),
  }));
  const df = new Map<string, number>();
  for (const d of perDoc) for (const t of d.tokens) df.set(t, (df.get(t) ?? 0) + 1);
  const n = Math.max(1, perDoc.length);
  return {
    docs: perDoc.map((d) => ({
      docId: d.docId,
      tokens: new Map([...d.tokens].map((t) => [t, Math.log(1 + n / df.get(t)!)])),
    })),
    nameTokens: new Set(descriptions.flatMap((d) => tokenize(d.names.join(" ")))),
  };
}

/**
 * The documents a question points at, by the identifying tokens it uses, strongest first.
 *
 * @example
 *   pointedSources("What does Chen say about Suzhou?", index) // → [{ docId: "chen-2014", strength: 0.7 }]
 */
export function pointedSources(text: string, index: SourceIndex): SourcePointer[] {
  const tokens = new Set(tokenize(text));
  return index.docs
    .map((d) => {
      let strength = 0;
      for (const [t, w] of d.tokens) if (tokens.has(t)) strength += w;
      return { docId: d.docId, strength: Math.round(strength * 1000) / 1000 };
    })
    .filter((s) => s.strength > 0)
    .sort((a, b) => b.strength - a.strength);
}
