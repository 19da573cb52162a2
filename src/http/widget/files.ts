import { readFileSync } from "node:fs";
import { ASSET_NAMES, type AssetTexts } from "./assets.js";

/**
 * The widget's browser files, read from this folder (the Node edge; the Worker reads the copies
 * `npm run build:worker` puts among its data).
 *
 * @example
 *   createApp({ …, assets: createAssets(readWidgetFiles()) });
 */
export function readWidgetFiles(): AssetTexts {
  return Object.fromEntries(
    ASSET_NAMES.map((n) => [n, readFileSync(new URL(`./${n}`, import.meta.url), "utf8")]),
  ) as Record<(typeof ASSET_NAMES)[number], string>;
}
