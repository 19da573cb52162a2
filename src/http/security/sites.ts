import { z } from "zod";

/** `scheme://host[:port]` exactly as a browser sends it in `Origin` (no path, no trailing slash). */
const OriginSchema = z.string().refine((o) => {
  try {
    return new URL(o).origin === o;
  } catch {
    return false;
  }
}, "each origin must be scheme://host[:port] with no path or trailing slash, e.g. https://moodle.example.edu");

/** One site that may embed the widget or call the API from its pages. */
export const SiteSchema = z
  .object({
    /** Public identifier placed in the embed snippet; not a secret. */
    key: z.string().regex(/^[A-Za-z0-9_-]{3,64}$/u, "key must be 3–64 letters, digits, '-' or '_'"),
    name: z.string().max(200).optional(),
    origins: z.array(OriginSchema).min(1, "a site needs at least one origin"),
    /** Requests per rate-limit window for the whole site (all its visitors); defaults to RATE_LIMIT_PER_SITE. */
    limit: z.number().int().positive().optional(),
  })
  .strict();
export type Site = z.infer<typeof SiteSchema>;

/** The sites file (`SITES_FILE`) or `SITES` variable: `{"sites": [{key, name?, origins, limit?}]}`. */
export const SitesFileSchema = z
  .object({ sites: z.array(SiteSchema) })
  .strict()
  .refine(
    (f) => new Set(f.sites.map((s) => s.key)).size === f.sites.length,
    "site keys must be unique",
  );

/** Looks sites up by key and origins up across all sites. */
export interface SiteRegistry {
  get(key: string): Site | undefined;
  /** True when some site lists `origin`. */
  knowsOrigin(origin: string): boolean;
  readonly size: number;
}

/**
 * An in-memory registry of validated sites.
 *
 * @example
 *   const sites = createSiteRegistry([{ key: "econ101", origins: ["https://moodle.example.edu"] }]);
 *   sites.get("econ101")?.origins; // ["https://moodle.example.edu"]
 */
export function createSiteRegistry(sites: readonly Site[] = []): SiteRegistry {
  const byKey = new Map(sites.map((s) => [s.key, s]));
  const origins = new Set(sites.flatMap((s) => s.origins));
  return { get: (key) => byKey.get(key), knowsOrigin: (o) => origins.has(o), size: byKey.size };
}

/**
 * Parses sites from JSON text, with every problem named (the path of the field and why).
 *
 * @example
 *   parseSites('{"sites":[{"key":"econ101","origins":["https://lms.example.edu"]}]}', "SITES");
 */
export function parseSites(json: string, from: string): Site[] {
  let data: unknown;
  try {
    data = JSON.parse(json);
  } catch (e) {
    throw new Error(`${from} is not valid JSON: ${(e as Error).message}`);
  }
  const result = SitesFileSchema.safeParse(data);
  if (!result.success) {
    const lines = result.error.issues.map((i) => `  ${i.path.join(".") || "(root)"}: ${i.message}`);
    throw new Error(`${from} is invalid:\n${lines.join("\n")}`);
  }
  return result.data.sites;
}
