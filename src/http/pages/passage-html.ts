import { html, raw } from "hono/html";
import {
  formatInText,
  formatLocator,
  formatReference,
  formatReferenceHtml,
  type CitationStyle,
} from "../../cite/index.js";
import { displayDocument } from "../../ingest/display.js";
import { indexRange } from "../../ingest/mapped-builder.js";
import { pageAt } from "../../ingest/pages.js";
import { workTitle } from "../cite-out.js";
import { PAGE_CSS, PAGE_JS } from "./assets.js";
import type { CitedPassage } from "./cited-span.js";

type Html = ReturnType<typeof html>;

/** How much raw text around the passage is shown, at most, on each side. */
export const CONTEXT_CHARS = 600;

const STYLE_NAMES: Record<CitationStyle, string> = {
  apa: "APA 7",
  chicago: "Chicago (author-date)",
  mla: "MLA 9",
  bibtex: "BibTeX",
  ris: "RIS",
};
const PROSE_STYLES = ["apa", "chicago", "mla"] as const;
const EXCHANGE_STYLES = ["bibtex", "ris"] as const;

/** Where the shown context starts and ends: at most `chars` away, moved to a line or sentence end so no word is cut. */
export function contextBounds(
  raw: string,
  start: number,
  end: number,
  chars = CONTEXT_CHARS,
): { from: number; to: number } {
  let from = Math.max(0, start - chars);
  if (from > 0) {
    const m = /(?:[\n。！？]|[.!?](?=\s))\s*/u.exec(raw.slice(from, start));
    if (m) from += m.index + m[0].length;
  }
  let to = Math.min(raw.length, end + chars);
  if (to < raw.length) {
    let cut = -1;
    for (const m of raw.slice(end, to).matchAll(/[\n。！？]|[.!?](?=\s)/gu))
      cut = m.index + m[0].length;
    if (cut > 0) to = end + cut;
  }
  return { from, to };
}

/**
 * The context as display text — the source's characters with wrapped lines joined (no hard line
 * breaks, no one-character orphan lines), paragraphs apart — cut at raw offsets `bounds` into parts
 * (before the passage, before the quote, the quote, …). Whitespace at a part's edges goes to the
 * part outside it, so a highlight holds just the quoted text. Where a PDF page starts, a "page N" rule.
 */
function shownParts(raw: string, bounds: readonly number[], highlighted: number): Html[][] {
  const doc = displayDocument(raw);
  const text = doc.display.text;
  const at = bounds.map((b) => indexRange(doc.display, b, b).from);
  const white = (i: number) => /\s/u.test(text.charAt(i));
  let [a, b] = [at[highlighted]!, at[highlighted + 1]!];
  while (a < b && white(a)) a++;
  while (b > a && white(b - 1)) b--;
  at[highlighted] = a;
  at[highlighted + 1] = b;
  const cuts = doc.pageStarts.slice(1).map((p) => ({
    at: indexRange(doc.display, p, p).from,
    page: pageAt(doc.pageStarts, p),
  }));
  return at.slice(0, -1).map((from, i) => {
    const to = at[i + 1]!;
    const out: Html[] = [];
    let k = from;
    for (const cut of cuts.filter((c) => c.at > from && c.at <= to)) {
      out.push(
        html`${text.slice(k, cut.at).replace(/\s+$/u, "")}<span class="page">page ${cut.page ?? ""}</span>`,
      );
      k = cut.at;
      while (k < to && white(k)) k++;
    }
    out.push(html`${text.slice(k, to)}`);
    return out;
  });
}

/** The quotation as a writer pastes it: in quotation marks (「」 for Chinese) followed by the in-text citation. */
export function quotationText(quote: string, lang: string, inText: string): string {
  return lang === "zh" ? `「${quote}」${inText}` : `“${quote}” ${inText}`;
}

function copyButton(label: string, text: string): Html {
  return html`<button type="button" data-copy="${text}">${label}</button>`;
}

function citeBlock(p: CitedPassage, style: CitationStyle): Html {
  const reference = formatReference(p.entry, style);
  const download = `/api/cite?passage=${encodeURIComponent(p.chunk.id)}&style=${style}&format=text`;
  if (style === "bibtex" || style === "ris")
    return html`<article><h3>${STYLE_NAMES[style]}</h3><pre>${reference}</pre><div class="actions">${copyButton(`Copy ${STYLE_NAMES[style]}`, reference)}<a href="${download}" download>Download .${style === "bibtex" ? "bib" : "ris"}</a></div></article>`;
  const inText = formatInText(p.entry, style, p.locator);
  return html`<article><h3>${STYLE_NAMES[style]}</h3><p class="ref">${raw(formatReferenceHtml(p.entry, style))}</p><p class="hint">In text: <code>${inText}</code></p><div class="actions">${copyButton("Copy reference", reference)}${copyButton("Copy in-text citation", inText)}</div></article>`;
}

/** The document shell: inline stylesheet and (optionally) script, both allowed by hash in the page CSP. */
export function pageShell(title: string, body: Html, script = true): Html {
  return html`<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1"><meta name="robots" content="noindex"><title>${title}</title><style>${raw(PAGE_CSS)}</style></head>
<body>${body}${script ? html`<script>${raw(PAGE_JS)}</script>` : ""}</body></html>`;
}

/**
 * The passage page: the passage in its raw context with the quote (or the whole passage) highlighted,
 * the quotation with its in-text citation, the reference in every style with copy buttons, and links
 * to the neighbouring passages. All text is escaped.
 *
 * @example
 *   c.html(passagePage(citePassage(state, id, { start, end })));
 */
export function passagePage(p: CitedPassage): Html {
  const { chunk, raw: text, entry, document, quote, locator } = p;
  const title = workTitle(entry, chunk.docId);
  // A chapter cited as a chapter is shown with the document that holds it.
  const within =
    entry.type === "chapter"
      ? `In ${document.title ?? document.originalTitle ?? `[${document.description ?? document.source}]`}`
      : "";
  const langOf = (t: string) => (/\p{Script=Han}/u.test(t) ? "zh-Hant" : "en");
  const where = formatLocator(locator, { withTitle: true }) || "Passage";
  const mark = quote ?? { start: chunk.start, end: chunk.end };
  const { from, to } = contextBounds(text, chunk.start, chunk.end);
  const [before, lead, marked, trail, after] = shownParts(
    text,
    [from, chunk.start, mark.start, mark.end, chunk.end, to],
    2,
  );
  const gap = html`<span class="gap" title="text left out">…</span>`;
  const apaInText = formatInText(entry, "apa", locator);
  const nav = (label: string, id: string | undefined) =>
    id ? html`<a href="/p/${encodeURIComponent(id)}">${label}</a>` : html`<span></span>`;
  const pdf = /\.pdf$/iu.test(chunk.source);
  const body = html`<header><p class="doc" lang="${langOf(title)}">${title}</p>${within ? html`<p class="doc">${within}</p>` : ""}<h1 lang="${langOf(where)}">${where}</h1><p class="meta">${chunk.source}, characters ${mark.start}–${mark.end}${pdf ? " of the text extracted from the PDF" : ""}</p></header>
<nav>${nav("← Previous passage", p.previous?.id)}${nav("Next passage →", p.next?.id)}</nav>
<main>
<section><h2>In context</h2><div class="context" lang="${chunk.lang}">${from > 0 ? gap : ""}${before}<span class="passage">${lead}<mark>${marked}</mark>${trail}</span>${after}${to < text.length ? gap : ""}</div></section>
${quote ? html`<section><h2>Quotation</h2><blockquote lang="${chunk.lang}">${quote.text}</blockquote><p class="hint">${apaInText}</p><div class="actions">${copyButton("Copy quotation", quotationText(quote.text, chunk.lang, apaInText))}</div></section>` : ""}
<section><h2>Cite this passage</h2>${PROSE_STYLES.map((style) => citeBlock(p, style))}${EXCHANGE_STYLES.map((style) => citeBlock(p, style))}</section>
</main>`;
  return pageShell(`${where} — ${title}`, body);
}

/** An error page (unknown passage, invalid range, index loading) in the same shell, without script. */
export function errorPage(status: number, heading: string, detail: string): Html {
  return pageShell(
    `${status} ${heading}`,
    html`<header><h1>${heading}</h1></header><main><p>${detail}</p><p><a href="/">Back to the start page</a></p></main>`,
    false,
  );
}
