import { Hono, type Context } from "hono";
import { AppError } from "../../errors.js";
import { isSameOrigin, type Refuse } from "../middleware/origin.js";
import { pageCsp } from "../middleware/secure-headers.js";
import type { SecurityOptions } from "../security/options.js";
import { isAssetName, type AssetName, type WidgetAssets } from "../widget/assets.js";
import { chatHtml, refusalHtml, type Refusal, type RefusalLanguage } from "../widget/page.js";

/** The origin of the page framing this request, when the browser says it is a frame load and sends a Referer. */
function framingOrigin(c: Context): string | null {
  const dest = c.req.header("sec-fetch-dest");
  const referer = c.req.header("referer");
  if ((dest !== "iframe" && dest !== "frame") || !referer) return null;
  try {
    return new URL(referer).origin;
  } catch {
    return null;
  }
}

/**
 * `?lang=` first (embed.js passes it), else the browser's first Accept-Language: Traditional for
 * zh-TW, zh-HK, zh-MO and zh-Hant, Simplified for other Chinese.
 */
const languageOf = (c: Context): RefusalLanguage => {
  const tag = (c.req.query("lang") ?? c.req.header("accept-language") ?? "").trim();
  if (!/^zh(-|$|[,;])/iu.test(tag)) return "en";
  return /^zh-(hant|tw|hk|mo)\b/iu.test(tag) ? "zh-Hant" : "zh";
};

/** Serves a browser file with its ETag, answering 304 when the browser already has it. */
function serveAsset(c: Context, assets: WidgetAssets | undefined, name: AssetName): Response {
  if (!assets)
    throw new AppError(
      "not_found",
      `This server was started without the widget's files (${name}).`,
    );
  const a = assets.get(name);
  const headers = { etag: a.etag, "cache-control": "public, max-age=300, must-revalidate" };
  if (c.req.header("if-none-match") === a.etag) return c.body(null, 304, headers);
  return c.body(a.body, 200, { "content-type": a.type, ...headers });
}

/**
 * The chat page `/`, the embeddable `/widget?site=KEY` (framed only by KEY's origins), `/embed.js`
 * and the static files under `/assets/` (from `assets`, read at the edge).
 */
export function chatRoutes(
  { sites, publicOrigins }: SecurityOptions,
  assets: WidgetAssets | undefined,
): Hono {
  const app = new Hono();
  app.get("/", (c) => {
    c.header("content-security-policy", pageCsp());
    c.header("cache-control", "no-cache");
    return c.html(chatHtml("page"));
  });
  app.get("/widget", (c) => {
    const key = c.req.query("site") ?? "";
    const site = sites.get(key);
    c.header("cache-control", "no-cache");
    c.header("vary", "Referer, Sec-Fetch-Dest, Accept-Language");
    const framer = framingOrigin(c);
    const refusal: Refusal | null = !site
      ? { kind: "unknown-key", key }
      : framer && !isSameOrigin(framer, publicOrigins) && !site.origins.includes(framer)
        ? { kind: "origin", key, origin: framer }
        : null;
    if (refusal) {
      // Text only, so it may be framed anywhere: the visitor learns why instead of seeing a broken frame.
      c.header(
        "content-security-policy",
        "default-src 'none'; style-src 'self'; frame-ancestors *",
      );
      return c.html(refusalHtml(languageOf(c), refusal), 403);
    }
    // The browser enforces the list even when the Referer is missing: frame-ancestors names the site's origins.
    c.header("content-security-policy", pageCsp(site?.origins));
    return c.html(chatHtml("widget"));
  });
  // Browsers ask for it on every page; "no icon" is an answer, a 404 would be an error in their console.
  app.get("/favicon.ico", (c) => c.body(null, 204, { "cache-control": "public, max-age=86400" }));
  app.get("/embed.js", (c) => serveAsset(c, assets, "embed.js"));
  app.get("/assets/:name", (c) => {
    const name = c.req.param("name");
    if (!isAssetName(name) || name === "embed.js")
      throw new AppError("not_found", `No asset named "${name}".`);
    return serveAsset(c, assets, name);
  });
  return app;
}

/**
 * `GET /api/site?site=KEY`: the site a key names, answered only to the key's own origins and to this
 * service's own pages (the widget, whose same-origin GET carries `Sec-Fetch-Site: same-origin` and no
 * `Origin`). Anyone else — another origin, or a client that names none — gets 403, counted by the
 * rate limiter like every refusal, so the list of keys cannot be probed.
 */
export function siteRoutes({ publicOrigins }: SecurityOptions, refuse: Refuse): Hono {
  const app = new Hono();
  app.get("/site", async (c) => {
    const site = c.get("site");
    if (!site)
      throw new AppError(
        "invalid_request",
        "Give the site key as ?site=KEY or an X-Site-Key header.",
      );
    const origin = c.req.header("origin");
    const own = origin
      ? site.origins.includes(origin) || isSameOrigin(origin, publicOrigins)
      : c.req.header("sec-fetch-site") === "same-origin";
    if (!own)
      await refuse(
        c,
        new AppError(
          "forbidden_origin",
          `Site key "${site.key}" is described only to the pages of its own origins.`,
        ),
      );
    return c.json({ key: site.key, name: site.name ?? null });
  });
  return app;
}
