import { readFile } from "node:fs/promises";
import { join } from "node:path";
import type { AssetsBinding } from "../../src/worker/env.js";

/**
 * An assets binding over a folder, as Workers serves one: the URL's path names the file; 404 when
 * there is none. `reads` records the paths asked for.
 */
export function folderAssets(dir: string): AssetsBinding & { reads: string[] } {
  const reads: string[] = [];
  return {
    reads,
    async fetch(request) {
      const path = decodeURIComponent(
        new URL(typeof request === "string" ? request : request.url).pathname,
      );
      reads.push(path.slice(1));
      try {
        return new Response(await readFile(join(dir, path)));
      } catch {
        return new Response("Not Found", { status: 404 });
      }
    },
  };
}
