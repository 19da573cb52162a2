import { escapeHtml, toHtml, toPlain, type Run } from "./runs.js";
import { apaInText, apaReference } from "./styles/apa.js";
import { bibtexInText, bibtexReference } from "./styles/bibtex.js";
import { chicagoInText, chicagoReference } from "./styles/chicago.js";
import { mlaInText, mlaReference } from "./styles/mla.js";
import { risReference } from "./styles/ris.js";
import type { CatalogEntry, CitationStyle, InTextStyle, Locator } from "./types.js";

/** Prose styles are built as runs (italics marked); BibTeX and RIS are plain exchange text. */
function referenceRuns(entry: CatalogEntry, style: CitationStyle): Run[] | string {
  switch (style) {
    case "apa":
      return apaReference(entry);
    case "chicago":
      return chicagoReference(entry);
    case "mla":
      return mlaReference(entry);
    case "bibtex":
      return bibtexReference(entry);
    case "ris":
      return risReference(entry);
  }
}

/**
 * A reference-list entry as plain text (italics cannot be shown, so none are marked).
 *
 * @example
 *   formatReference(liefner, "apa");
 *   // "Liefner, I., & Kroll, H. (2019). Advancing the structured analysis … approach. Erdkunde, 73(3), 167–184."
 */
export function formatReference(entry: CatalogEntry, style: CitationStyle): string {
  const result = referenceRuns(entry, style);
  return typeof result === "string" ? result : toPlain(result);
}

/**
 * A reference-list entry as HTML: text escaped, italic parts in `<i>…</i>`. BibTeX and RIS
 * come back escaped only, for a `<pre>` block.
 *
 * @example
 *   formatReferenceHtml(chen, "mla");
 *   // "Chen, Ling. “Varieties of Global Capital …” <i>Politics &amp; Society</i>, 2014, pp. 1–30, …"
 */
export function formatReferenceHtml(entry: CatalogEntry, style: CitationStyle): string {
  const result = referenceRuns(entry, style);
  return typeof result === "string" ? escapeHtml(result) : toHtml(result);
}

/**
 * A parenthetical in-text citation, with an optional locator (section, page, table, paragraph).
 *
 * @example
 *   formatInText(zhou, "apa", { section: "12.2" });  // "(Zhou et al., n.d., Section 12.2)"
 *   formatInText(chen, "chicago", { page: 12 });     // "(Chen 2014, 12)"
 *   formatInText(liefner, "mla", { table: "2" });    // "(Liefner and Kroll, table 2)"
 */
export function formatInText(entry: CatalogEntry, style: InTextStyle, locator?: Locator): string {
  switch (style) {
    case "apa":
      return apaInText(entry, locator);
    case "chicago":
      return chicagoInText(entry, locator);
    case "mla":
      return mlaInText(entry, locator);
    case "bibtex":
      return bibtexInText(entry, locator);
  }
}
