import { readFileSync } from "node:fs";
import type { Config } from "../config.js";
import {
  forwardedAddress,
  publicOriginsFor,
  securityOptions,
  socketAddress,
  type SecurityOptions,
} from "../http/security/options.js";
import { parseSites, type Site } from "../http/security/sites.js";

/** Sites from `SITES_FILE` (read once, at start) or the `SITES` variable; none when neither is set. */
export function loadSites(opts: { file?: string | undefined; json?: string | undefined }): Site[] {
  if (opts.file) {
    let text: string;
    try {
      text = readFileSync(opts.file, "utf8");
    } catch (e) {
      throw new Error(`SITES_FILE ${opts.file} cannot be read: ${(e as Error).message}`);
    }
    return parseSites(text, opts.file);
  }
  if (opts.json) return parseSites(opts.json, "SITES");
  return [];
}

/**
 * Security settings from the parsed configuration; reads `SITES_FILE` (throws a readable error when
 * invalid). `port` is where the server listens (known after it does, when `PORT` is 0).
 */
export function securityFromConfig(config: Config, port = config.PORT): SecurityOptions {
  return securityOptions({
    sites: loadSites({ file: config.SITES_FILE, json: config.SITES }),
    publicOrigins: publicOriginsFor(config.PUBLIC_ORIGIN, config.HOST, port),
    perAddress: config.RATE_LIMIT_PER_ADDRESS,
    perSite: config.RATE_LIMIT_PER_SITE,
    windowSeconds: config.RATE_LIMIT_WINDOW_SECONDS,
    clientAddress: config.TRUST_PROXY ? forwardedAddress : socketAddress,
  });
}
