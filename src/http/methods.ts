import { TrieRouter } from "hono/router/trie-router";

/**
 * The methods some route answers for a path, from an app's route table (middleware, registered for
 * every method, does not count): what a 405's `Allow` header lists. `HEAD` comes with `GET`.
 *
 * @example
 *   const allowed = allowedMethods(app.routes);
 *   allowed("/api/ask") // → ["POST"]
 */
export function allowedMethods(
  routes: ReadonlyArray<{ method: string; path: string }>,
): (path: string) => string[] {
  const router = new TrieRouter<true>();
  const methods = new Set<string>();
  for (const r of routes)
    if (r.method !== "ALL") {
      router.add(r.method, r.path, true);
      methods.add(r.method);
    }
  return (path) => {
    const allowed = [...methods].filter((m) => router.match(m, path)[0].length > 0);
    if (allowed.includes("GET")) allowed.push("HEAD");
    return allowed;
  };
}
