import { z } from "zod";

/**
 * Corpus knowledge: what the service knows about one corpus's names and terms, kept as JSON files
 * in `<CORPUS_DIR>/knowledge/` rather than in code, so another corpus brings its own. Each file is
 * optional; a missing one means "none".
 */
export const KNOWLEDGE_DIR = "knowledge";

/** The knowledge files, in the order their bytes enter the knowledge hash. */
export const KNOWLEDGE_FILES = [
  "gazetteer.json",
  "dictionary.json",
  "table-places.json",
  "table-concepts.json",
] as const;
export type KnowledgeFile = (typeof KNOWLEDGE_FILES)[number];

const text = z.string().trim().min(1, "must not be empty");
const han = text.regex(/\p{Script=Han}/u, "must contain Chinese characters");
/** Why an entry is there, for the people who maintain the file; the service ignores it. */
const note = z.string().optional();

/** A place or organisation with every form the corpus and its readers use. */
export const NameEntrySchema = z.strictObject({
  /** English forms; the first is the canonical one. */
  en: z.array(text).min(1, "needs at least one English form"),
  /** Chinese forms as written (Traditional or Simplified); Simplified forms are derived. */
  zh: z.array(han).default([]),
  /** Adjectives of a place ("Korean"): they find the name, but do not name the place itself. */
  demonyms: z.array(text).optional(),
  /** English forms that are also ordinary words ("Stone", "Legend") only match when capitalised. */
  caseSensitive: z.boolean().optional(),
  note,
});
export type NameEntry = z.infer<typeof NameEntrySchema>;

/** `gazetteer.json`: the names the corpus discusses. */
export const GazetteerFileSchema = z.strictObject({
  about: z.string().optional(),
  names: z.array(NameEntrySchema),
});

/** A domain term the general dictionary (CC-CEDICT) lacks, or senses it lacks for a word it has. */
export const DictionaryTermSchema = z.strictObject({
  /** The headword, Simplified or Traditional; the dictionary files it under its Simplified form. */
  zh: text.regex(/^\p{Script=Han}+$/u, "must be Chinese characters only"),
  /** English glosses, main sense first. */
  en: z
    .array(text.regex(/^[^/\n]+$/u, "must not contain a slash or a line break"))
    .min(1, "needs at least one English gloss"),
  note,
});
export type DictionaryTerm = z.infer<typeof DictionaryTermSchema>;

/** `dictionary.json`: the supplement to CC-CEDICT. */
export const DictionaryFileSchema = z.strictObject({
  about: z.string().optional(),
  terms: z.array(DictionaryTermSchema),
});

/** A place that table rows and columns are matched by. */
export const TablePlaceSchema = z.strictObject({
  /** The canonical (first) English form of a gazetteer name, or a place known only by `aliases`. */
  name: text,
  /** Other gazetteer names (canonical forms) that tables read as this place. */
  includes: z.array(text).optional(),
  /** Names only table matching gives the place (not in the gazetteer, where they would change retrieval). */
  aliases: z.array(text).optional(),
  note,
});
export type TablePlace = z.infer<typeof TablePlaceSchema>;

/** `table-places.json`: the places tables are matched by, in the order that settles ties. */
export const TablePlacesFileSchema = z.strictObject({
  about: z.string().optional(),
  places: z.array(TablePlaceSchema),
});

/** A concept that table headers and questions name in different words or languages. */
export const ConceptSchema = z.strictObject({
  id: z.string().regex(/^[a-z0-9-]+$/u, "must be lowercase letters, digits and hyphens"),
  /** English words (matched by stem) and phrases (matched as whole words). */
  en: z.array(text).default([]),
  /** Chinese forms (matched as substrings of folded text). */
  zh: z.array(text).default([]),
  note,
});
export type Concept = z.infer<typeof ConceptSchema>;

/** `table-concepts.json`: the concepts of table headers. */
export const TableConceptsFileSchema = z.strictObject({
  about: z.string().optional(),
  concepts: z.array(ConceptSchema),
});

/** The schema of each knowledge file. */
export const KNOWLEDGE_SCHEMAS = {
  "gazetteer.json": GazetteerFileSchema,
  "dictionary.json": DictionaryFileSchema,
  "table-places.json": TablePlacesFileSchema,
  "table-concepts.json": TableConceptsFileSchema,
} as const satisfies Record<KnowledgeFile, z.ZodType>;

/** The knowledge of one corpus, validated; loaded once at the edge and passed in. */
export interface CorpusKnowledge {
  /** Places and organisations, for name matching in both languages and scripts. */
  readonly gazetteer: readonly NameEntry[];
  /** Domain terms added to the dictionary. */
  readonly dictionary: readonly DictionaryTerm[];
  /** The places tables are matched by. */
  readonly tablePlaces: readonly TablePlace[];
  /** The concepts of table headers. */
  readonly concepts: readonly Concept[];
  /** Hash of the knowledge files as read (absent ones included), recorded in the index manifest. */
  readonly hash: string;
}
