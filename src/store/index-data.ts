import type { Chunk } from "../chunks/types.js";
import type { LexicalIndexData } from "../retrieve/lexical-index.js";
import type { ChunkView } from "../retrieve/views.js";
import type { Manifest, VectorSearch } from "./types.js";

/** File names inside an index directory. */
export const INDEX_FILES = {
  manifest: "manifest.json",
  chunks: "chunks.json",
  lexical: "lexical.json",
  gloss: "lexical-gloss.json",
  vectors: "vectors.hnsw",
  tables: "tables.json",
  /** Each passage's matching views (tokens, folded text, sentences), versioned by `viewsVersion`. */
  views: "views.json",
} as const;

/**
 * Everything the server needs from an index, loaded in memory. `V` is what the vectors are held in:
 * any {@link VectorSearch} for answering; the Node loader gives the hnsw index the build reads back.
 */
export interface LoadedIndex<V extends VectorSearch = VectorSearch> {
  manifest: Manifest;
  chunks: Chunk[];
  /** Lexical index over the passages' own text. */
  lexical: LexicalIndexData;
  /** Lexical index over English glosses of Chinese passages (empty entries for English ones). */
  gloss: LexicalIndexData;
  vectors: V;
  /** Extracted tables as written by the table extractor (typed where used). */
  tables: unknown[];
  /** The passages' matching views as the build stored them; absent when computed at load instead. */
  views?: ChunkView[];
}
