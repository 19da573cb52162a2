import type { Citation } from "../answer/types.js";
import { formatInText, formatLocator, formatReference, type CitationStyle, type InTextStyle, type Locator } from "../cite/index.js";
import type { ReadyState } from "./state.js";

/** A citation as the API returns it: the verified quote plus a locator and a formatted reference. */
export type CitationOut = Citation & { locator: string; reference: string; inText: string | null };

/** Where a cited passage sits: section number/title, page for PDFs, table label, paragraph otherwise. */
export function locatorOf(s: ReadyState, c: Citation): Locator {
  const chunk = s.qa.passage(c.passageId)?.chunk;
  const table = /^(Table|表)/iu.test(c.section ?? "") ? c.section : null;
  if (!chunk) return { table, sectionTitle: table ? null : c.section };
  return {
    section: chunk.sectionNumber,
    sectionTitle: chunk.sectionNumber ? null : chunk.section,
    page: chunk.page,
    table,
    paragraph: chunk.page || chunk.sectionNumber ? null : chunk.paragraph,
  };
}

/** Adds locator, reference (APA unless another style is asked for) and the in-text form to each citation. */
export function citationsOut(s: ReadyState, citations: Citation[], style: CitationStyle = "apa"): CitationOut[] {
  return citations.map((c) => {
    const entry = s.entryFor(c.docId);
    const locator = locatorOf(s, c);
    const inTextStyle: InTextStyle | null = style === "ris" ? null : style;
    return {
      ...c,
      locator: formatLocator(locator),
      reference: formatReference(entry, style),
      inText: inTextStyle ? formatInText(entry, inTextStyle, locator) : null,
    };
  });
}
