import { z } from "zod";

/** Document types, named as in CSL so entries map cleanly onto citation tools. */
export const ENTRY_TYPES = [
  "article-journal",
  "chapter",
  "book",
  "report",
  "paper-conference",
  "document",
] as const;
export type EntryType = (typeof ENTRY_TYPES)[number];

export const CITATION_STYLES = ["apa", "chicago", "mla", "bibtex", "ris"] as const;
export type CitationStyle = (typeof CITATION_STYLES)[number];

/** Styles that have an in-text form; RIS is an exchange format only. */
export const IN_TEXT_STYLES = ["apa", "chicago", "mla", "bibtex"] as const;
export type InTextStyle = (typeof IN_TEXT_STYLES)[number];

const text = z.string().min(1);
const optionalText = text.nullable().default(null);

/** A person (`family` plus optional `given`) or an organisation (`literal`). */
export const PersonSchema = z.object({ family: text, given: optionalText });
export const OrganisationSchema = z.object({ literal: text });
export const AuthorSchema = z.union([PersonSchema, OrganisationSchema]);

/**
 * A chapter of a document that carries its own byline (a report compiling papers): cited as a
 * chapter "In" the document. It starts where `opening` (a verbatim snippet found once in the file)
 * starts and runs to the next chapter's opening.
 */
export const ChapterSchema = z.object({
  /** The chapter number as printed ("第一章"), null when none is printed. */
  number: optionalText,
  opening: text,
  title: optionalText,
  originalTitle: optionalText,
  description: optionalText,
  authors: z.array(AuthorSchema).default([]),
  language: z.array(text).default([]),
  note: optionalText,
  evidence: z.record(z.string(), z.union([text, z.array(text)])).default({}),
});

/**
 * One corpus document's bibliographic record. Unknown facts are null (or []), never guessed.
 * `title` is stored in sentence case (proper nouns capitalised); styles that want headline case
 * convert it. `originalTitle` holds an original-script title; when both are set, `title` is the
 * English form the document itself gives. `description` stands in for a missing title.
 */
export const CatalogEntrySchema = z.object({
  source: text,
  type: z.enum(ENTRY_TYPES).default("document"),
  title: optionalText,
  originalTitle: optionalText,
  description: optionalText,
  authors: z.array(AuthorSchema).default([]),
  year: z.number().int().nullable().default(null),
  containerTitle: optionalText,
  /** A cataloguer's description of an untitled container (a chapter's report without a title). */
  containerDescription: optionalText,
  volume: optionalText,
  issue: optionalText,
  pages: optionalText,
  publisher: optionalText,
  institution: optionalText,
  doi: optionalText,
  url: optionalText,
  /** BCP-47 tags, main language first. */
  language: z.array(text).default([]),
  note: optionalText,
  /** Field name → verbatim snippet(s) of the source file the field was taken from. */
  evidence: z.record(z.string(), z.union([text, z.array(text)])).default({}),
  /** Chapters with their own bylines, in document order (see {@link ChapterSchema}). */
  chapters: z.array(ChapterSchema).default([]),
});

/** Document id (the file name without `.txt`) → entry. */
export const CatalogSchema = z.record(z.string(), CatalogEntrySchema);

export type Chapter = z.infer<typeof ChapterSchema>;
export type Person = z.infer<typeof PersonSchema>;
export type Organisation = z.infer<typeof OrganisationSchema>;
export type Author = z.infer<typeof AuthorSchema>;
export type CatalogEntry = z.infer<typeof CatalogEntrySchema>;
export type CatalogEntryInput = z.input<typeof CatalogEntrySchema>;
export type Catalog = z.infer<typeof CatalogSchema>;

/** Where in a document a citation points; every part is optional. */
export interface Locator {
  /** Section number, e.g. "12.2". */
  section?: string | null;
  /** Section heading, used when there is no number, e.g. "R&D input". */
  sectionTitle?: string | null;
  page?: number | null;
  /** Last page when the cited text runs onto later pages ("pp. 4–5"). */
  pageEnd?: number | null;
  /** Table label or number, e.g. "2", "Tab. 1" or "表2". */
  table?: string | null;
  paragraph?: number | null;
  /** Number of the footnote or endnote holding the cited text, e.g. "3". */
  note?: string | null;
  /**
   * Language of the located text: Chinese text is located in Chinese words ("第三節（一）", "第2段"),
   * so the locator reads as the document's own headings do.
   */
  lang?: "en" | "zh" | null;
}
