import { createHash } from "node:crypto";

/** Browser files served as they are (no build step). */
export const ASSET_NAMES = ["chat.js", "chat.css", "embed.js", "docs.css"] as const;
export type AssetName = (typeof ASSET_NAMES)[number];

/** The text of each browser file, read at the edge (files beside this module in Node, the Worker's data). */
export type AssetTexts = Readonly<Record<AssetName, string>>;

export interface Asset {
  body: string;
  type: string;
  etag: string;
}

/** The widget's browser files, ready to serve. */
export interface WidgetAssets {
  get(name: AssetName): Asset;
}

const TYPES = { js: "text/javascript; charset=utf-8", css: "text/css; charset=utf-8" } as const;

/** True when `name` is one of the served files (route parameters are checked with it). */
export const isAssetName = (name: string): name is AssetName =>
  (ASSET_NAMES as readonly string[]).includes(name);

/**
 * The widget's browser files with their content types and ETags, computed once.
 *
 * @example
 *   const assets = createAssets(readWidgetFiles());
 *   assets.get("embed.js").type // → "text/javascript; charset=utf-8"
 */
export function createAssets(texts: AssetTexts): WidgetAssets {
  const assets = new Map(
    ASSET_NAMES.map((n) => {
      const body = texts[n];
      const etag = `"${createHash("sha256").update(body).digest("base64url").slice(0, 22)}"`;
      return [n, { body, type: n.endsWith(".css") ? TYPES.css : TYPES.js, etag }];
    }),
  );
  return { get: (name) => assets.get(name)! };
}
