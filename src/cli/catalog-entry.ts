import { CatalogEntrySchema, type CatalogEntryInput } from "../cite/types.js";

/** A document of the index that `corpus/catalog.json` does not describe yet. */
export interface Uncatalogued {
  docId: string;
  source: string;
  /** The document's first `#` heading, which titles it until the catalog does. */
  heading: string | null;
  /** Share of Han characters among its letters, to guess the language tag. */
  hanShare: number;
}

/**
 * A `catalog.json` member for `doc`, ready to paste inside the file's top-level object and edit:
 * every field the catalog knows, with what the document itself gives (title from its heading,
 * language from its script) and `null`/`[]` for the facts only a person can fill in.
 *
 * @example
 *   catalogEntryTemplate({ docId: "tainan", source: "tainan.md", heading: "Tainan", hanShare: 0 })
 *   // → '"tainan": {\n  "source": "tainan.md",\n  "type": "document",\n  "title": "Tainan", …'
 */
export function catalogEntryTemplate(doc: Uncatalogued): string {
  // Chapters are listed only for documents whose chapters carry their own bylines.
  const entry: Required<Omit<CatalogEntryInput, "evidence" | "chapters">> = {
    source: doc.source,
    type: "document",
    title: doc.heading,
    originalTitle: null,
    description: null,
    authors: [],
    year: null,
    containerTitle: null,
    containerDescription: null,
    volume: null,
    issue: null,
    pages: null,
    publisher: null,
    institution: null,
    doi: null,
    url: null,
    language: [doc.hanShare > 0.3 ? "zh" : "en"],
    note: null,
  };
  CatalogEntrySchema.parse(entry); // the template must be valid as it stands
  const body = JSON.stringify(entry, null, 2);
  return `${JSON.stringify(doc.docId)}: ${body}`;
}

/** Share of Han characters among the letters of `text`. */
export function hanShare(text: string): number {
  const letters = text.match(/\p{L}/gu)?.length ?? 0;
  const han = text.match(/\p{Script=Han}/gu)?.length ?? 0;
  return letters ? han / letters : 0;
}
