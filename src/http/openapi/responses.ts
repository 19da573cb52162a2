import { z } from "zod";
import { ANSWERERS } from "../../answer/answerer.js";
import { CITATION_STYLES } from "../../cite/index.js";

/**
 * Shapes of the main JSON responses, for the OpenAPI document. Responses are built by the routes,
 * not parsed; tests parse real responses with these schemas so the document cannot drift from them.
 */

export const CitationOutSchema = z
  .object({
    n: z.number().int().describe("The number used as [n] in the answer."),
    docId: z.string(),
    source: z.string().describe("Path of the corpus file, relative to corpus/."),
    title: z.string(),
    quote: z.string().describe("The cleaned text of exactly source[start, end)."),
    start: z.number().int().describe("JavaScript string offset into the file read as UTF-8."),
    end: z.number().int(),
    section: z.string().nullable(),
    passageId: z.string(),
    locator: z.string().describe("Where the quote sits: section, page, table or paragraph."),
    reference: z
      .string()
      .describe(`The reference in the requested style (${CITATION_STYLES.join(", ")}).`),
    inText: z.string().nullable().describe("The in-text citation (null for RIS)."),
    view: z
      .string()
      .nullable()
      .optional()
      .describe("Path of the passage page with the quote highlighted."),
  })
  .describe("A verified citation.");

export const PassageOutSchema = z.object({
  id: z.string(),
  docId: z.string(),
  source: z.string(),
  start: z.number().int(),
  end: z.number().int(),
  text: z.string(),
  score: z.number(),
  section: z.string().nullable(),
});

export const TableRefSchema = z
  .object({
    id: z.string().describe("Table id, for GET /api/tables/{id}."),
    label: z.string(),
    row: z.string(),
    column: z.string(),
    value: z.number().nullable(),
    unit: z.string().nullable(),
  })
  .describe("The table cell that answers, when a table answers.");

export const AskResponseSchema = z.object({
  answer: z
    .string()
    .describe(
      "The answer with [n] markers: the sources' sentences quoted (extractive), or the model's sentences that passed verification (generative).",
    ),
  abstained: z.boolean().describe("True when the corpus does not answer the question."),
  citations: z.array(CitationOutSchema),
  table: TableRefSchema.optional(),
  answerer: z
    .enum(ANSWERERS)
    .describe(
      "Which answerer produced it: generative only when a model is configured, was not declined, and its answer was verified (or it abstained); extractive otherwise, including every fallback.",
    ),
  passages: z.array(PassageOutSchema).describe("The ranked passages the answer was chosen from."),
});

export const SearchResponseSchema = z.object({
  query: z.string(),
  passages: z.array(PassageOutSchema),
});

export const SiteResponseSchema = z.object({ key: z.string(), name: z.string().nullable() });

/** RFC 9457 problem document: every error of the API. */
export const ProblemSchema = z.object({
  type: z.string().describe("urn:problem:<code>, e.g. urn:problem:forbidden_origin"),
  title: z.string(),
  status: z.number().int(),
  detail: z.string().describe("What went wrong, readable by a person."),
  progress: z
    .object({
      phase: z.string(),
      done: z.number().int().optional(),
      total: z.number().int().optional(),
      etaSeconds: z.number().optional(),
    })
    .nullish()
    .describe("503 while the index is built or loaded: how far it is."),
});
