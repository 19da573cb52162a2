import type { GenerativeAnswerer } from "../answer/generative/answer.js";
import type { QaService } from "../answer/service.js";
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
}
