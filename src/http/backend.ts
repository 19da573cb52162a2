import { askResponse } from "./routes/ask.js";
import { stateRoutes } from "./routes/state-routes.js";
import { ready } from "./readiness.js";
import type { AppDeps, Backend } from "./state.js";

/**
 * The backend that answers in this process, from `deps.state` (tests, and each answering worker).
 *
 * @example
 *   const backend = localBackend({ state: () => readyState, status: () => "ready" });
 *   await backend.ask({ question: "Where is ZGC?" }, new AbortController().signal);
 */
export function localBackend(deps: AppDeps): Backend {
  const routes = stateRoutes(deps);
  return {
    ask: (body, signal, onText) => askResponse(ready(deps), body, { signal, onText }),
    fetch: async (request) => routes.fetch(request),
  };
}
