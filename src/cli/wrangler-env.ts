/**
 * The environment every wrangler run of the project gets, so that nothing reaches for the network
 * on its own: no `request.cf` lookup in local runs, no usage metrics (also off in wrangler.toml),
 * and no banner, whose update check asks the npm registry for wrangler's latest version.
 *
 * @example
 *   spawn(process.execPath, [wranglerBin, "dev"], { env: { ...process.env, ...WRANGLER_OFFLINE_ENV } });
 */
export const WRANGLER_OFFLINE_ENV = {
  CLOUDFLARE_CF_FETCH_ENABLED: "false",
  WRANGLER_SEND_METRICS: "false",
  WRANGLER_HIDE_BANNER: "true",
} as const;
