import { createHash } from "node:crypto";
import { readFileSync } from "node:fs";

/** Browser files served as they are (no build step). */
export const ASSET_NAMES = ["chat.js", "chat.css", "embed.js", "docs.css"] as const;
export type AssetName = (typeof ASSET_NAMES)[number];

export interface Asset {
  body: string;
  type: string;
  etag: string;
}

const TYPES = { js: "text/javascript; charset=utf-8", css: "text/css; charset=utf-8" } as const;

let cache: Map<AssetName, Asset> | null = null;

/** True when `name` is one of the served files (route parameters are checked with it). */
export const isAssetName = (name: string): name is AssetName =>
  (ASSET_NAMES as readonly string[]).includes(name);

/**
 * One of the widget's browser files, read from this folder once and kept in memory with its ETag.
 *
 * @example
 *   asset("embed.js").type // → "text/javascript; charset=utf-8"
 */
export function asset(name: AssetName): Asset {
  cache ??= new Map(
    ASSET_NAMES.map((n) => {
      const body = readFileSync(new URL(`./${n}`, import.meta.url), "utf8");
      const etag = `"${createHash("sha256").update(body).digest("base64url").slice(0, 22)}"`;
      return [n, { body, type: n.endsWith(".css") ? TYPES.css : TYPES.js, etag }];
    }),
  );
  return cache.get(name)!;
}
