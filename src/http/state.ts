import type { GenerativeAnswerer } from "../answer/generative/answer.js";
import type { QaService } from "../answer/service.js";
import type { AskRequest } from "./schemas.js";
import type { Catalog, CatalogEntry } from "../cite/types.js";
import type { Manifest } from "../store/types.js";
import type { TableVocabulary } from "../tables/vocabulary.js";
import type { SecurityOptions } from "./security/options.js";
import type { WidgetAssets } from "./widget/assets.js";

/** What the routes need once the index is loaded. */
export interface ReadyState {
  qa: QaService;
  /** The optional generative answerer (GENERATOR_URL); without it answers are extractive. */
  generative?: GenerativeAnswerer | null;
  manifest: Manifest;
  catalog: Catalog;
  entryFor: (docId: string) => CatalogEntry;
  rawTexts: ReadonlyMap<string, string>;
  embedderId: string;
  tables: unknown[];
  /** The corpus's places and header concepts, for `/api/data` cell lookups. */
  tableVocabulary: TableVocabulary;
}

/** How far the service is on its way to ready: the phase, and counts when it can tell. */
export interface Progress {
  /** What is happening, readable by a person, e.g. "building the index: embedding passages". */
  phase: string;
  done?: number;
  total?: number;
  /** Estimated seconds to the end of this phase. */
  etaSeconds?: number;
}

/** Where the service is on its way to answering (`/readyz`'s `state`). */
export const READINESS_STATES = ["starting", "building", "loading", "ready", "failed"] as const;
export type ReadinessState = (typeof READINESS_STATES)[number];

/** What `/readyz` and the 503 answers say; fixed phrases and index file names only, never paths. */
export interface Readiness {
  state: ReadinessState;
  /** The manifest of the index being served (also while a rebuild runs), or null. */
  manifest: Manifest | null;
  /** What is under way, or what failed (e.g. "index file chunks.json does not match its checksum"). */
  status: string;
  progress: Progress | null;
}

/** The `/api/ask` response body (`/api/ask/stream`'s `done` event carries the same). */
export type AskResponse = {
  answer: string;
  abstained: boolean;
  citations: unknown[];
  passages: unknown[];
  table?: unknown;
};

/**
 * Where index-dependent requests are answered: in this process from `AppDeps.state`, or by a pool of
 * worker threads. `ask` answers a validated question; `fetch` answers any other route that reads the
 * index (documents, passages, tables, citations, search, passage pages).
 */
export interface Backend {
  /** `onText` hears a generative answer's verified sentences as they are accepted. */
  ask(
    body: AskRequest,
    signal: AbortSignal,
    onText?: (text: string) => void | Promise<void>,
  ): Promise<AskResponse>;
  fetch(request: Request): Promise<Response>;
}

/** Answers kept for repeated questions; `run` computes on a miss (callers asking the same wait together). */
export interface AnswerCacheLike {
  run(
    key: string,
    compute: (signal: AbortSignal) => Promise<AskResponse>,
    signal: AbortSignal,
  ): Promise<AskResponse>;
}

/**
 * The HTTP app's dependencies. `state` is read once per request, so a request runs to its end on
 * the state it started with while a reload swaps in a new one (503 until the first is loaded).
 */
export interface AppDeps {
  state: () => ReadyState | null;
  /** Why the service is not ready (loading, or a failure message), for /readyz. */
  status: () => string;
  /** Progress of the build or load under way, for 503 answers and /readyz; none when idle. */
  progress?: () => Progress | null;
  maxBodyBytes?: number;
  /** Allowed sites, CORS and rate limits; without it, only same-origin and Origin-less clients, at default limits. */
  security?: SecurityOptions;
  /** The chat's browser files (`/assets/*`, `/embed.js`), read at the edge; without them those answer 404. */
  assets?: WidgetAssets;
  /** Where index-dependent requests are answered; default: in this process, from `state`. */
  backend?: Backend;
  /** Readiness for `/readyz` and 503s; default: derived from `state` and `status`. */
  readiness?: () => Readiness;
  /** Answer cache (none by default). */
  cache?: AnswerCacheLike;
  /** Further facts for `/healthz` (e.g. the answering queue). */
  health?: () => Record<string, unknown>;
}
