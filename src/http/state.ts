import type { QaService } from "../answer/service.js";
import type { Catalog, CatalogEntry } from "../cite/types.js";
import type { Manifest } from "../store/types.js";
import type { SecurityOptions } from "./security/options.js";

/** What the routes need once the index is loaded. */
export interface ReadyState {
  qa: QaService;
  manifest: Manifest;
  catalog: Catalog;
  entryFor: (docId: string) => CatalogEntry;
  rawTexts: ReadonlyMap<string, string>;
  embedderId: string;
  tables: unknown[];
}

/** The HTTP app's dependencies: the state appears once loading finishes (503 until then). */
export interface AppDeps {
  state: () => ReadyState | null;
  /** Why the service is not ready (loading, or a failure message), for /readyz. */
  status: () => string;
  maxBodyBytes?: number;
  /** Allowed sites, CORS and rate limits; without it, only same-origin and Origin-less clients, at default limits. */
  security?: SecurityOptions;
}
