import { Hono } from "hono";
import { z } from "zod";
import {
  CITATION_STYLES,
  formatInText,
  formatLocator,
  formatReference,
  formatReferenceHtml,
  type CitationStyle,
} from "../../cite/index.js";
import { bibtexKey } from "../../cite/styles/bibtex.js";
import { viewUrl } from "../cite-out.js";
import { citePassage, QuoteRangeQuery } from "../pages/cited-span.js";
import type { AppDeps } from "../state.js";
import { parseWith } from "../validate.js";
import { ready } from "../readiness.js";

/** Query of `GET /api/cite`. */
export const CiteQuerySchema = QuoteRangeQuery.extend({
  passage: z.string({ error: "passage is required" }).trim().min(1, "passage is required").max(200),
  style: z
    .enum(CITATION_STYLES, { error: `style must be one of ${CITATION_STYLES.join(", ")}` })
    .default("apa"),
  format: z.enum(["json", "text"], { error: "format must be json or text" }).default("json"),
});

/** Content type and file extension of each style's plain-text download. */
const TEXT_TYPES: Record<CitationStyle, { type: string; ext: string | null }> = {
  apa: { type: "text/plain", ext: null },
  chicago: { type: "text/plain", ext: null },
  mla: { type: "text/plain", ext: null },
  bibtex: { type: "application/x-bibtex", ext: "bib" },
  ris: { type: "application/x-research-info-systems", ext: "ris" },
};

/**
 * `GET /api/cite?passage=<id>&style=apa|chicago|mla|bibtex|ris[&start=&end=][&format=text]`: the reference
 * (plain and HTML), the in-text citation with its locator and, given raw offsets inside the passage, a
 * verified quote widened to whole sentences. `format=text` returns the reference alone (BibTeX and RIS
 * as downloads).
 */
export function citeRoutes(deps: AppDeps): Hono {
  const app = new Hono();
  app.get("/cite", (c) => {
    const q = parseWith(CiteQuerySchema, c.req.query());
    const s = ready(deps);
    const cited = citePassage(s, q.passage, { start: q.start, end: q.end });
    const { chunk, entry, quote, locator } = cited;
    const reference = formatReference(entry, q.style);
    if (q.format === "text") {
      const { type, ext } = TEXT_TYPES[q.style];
      const headers: Record<string, string> = { "content-type": `${type}; charset=utf-8` };
      if (ext) headers["content-disposition"] = `attachment; filename="${bibtexKey(entry)}.${ext}"`;
      return c.body(`${reference}\n`, 200, headers);
    }
    return c.json({
      passage: chunk.id,
      docId: chunk.docId,
      source: chunk.source,
      style: q.style,
      reference,
      referenceHtml: formatReferenceHtml(entry, q.style),
      inText: q.style === "ris" ? null : formatInText(entry, q.style, locator),
      locator: formatLocator(locator, { withTitle: true }),
      locatorDetail: locator,
      ...(quote ? { quote: quote.text, start: quote.start, end: quote.end } : {}),
      view: quote
        ? viewUrl(s, { passageId: chunk.id, start: quote.start, end: quote.end })
        : `/p/${encodeURIComponent(chunk.id)}`,
    });
  });
  return app;
}
