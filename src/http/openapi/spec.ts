import { z } from "zod";
import { CiteQuerySchema } from "../routes/cite.js";
import { AskRequestSchema, SearchQuerySchema } from "../schemas.js";
import {
  AskResponseSchema,
  ProblemSchema,
  SearchResponseSchema,
  SiteResponseSchema,
} from "./responses.js";

type Json = Record<string, unknown>;

/** JSON Schema of a zod schema, without the `$schema` line OpenAPI does not want inside components. */
function schemaOf(schema: z.ZodType, io: "input" | "output"): Json {
  const { $schema: _drop, ...rest } = z.toJSONSchema(schema, {
    io,
    unrepresentable: "any",
  }) as Json;
  return rest;
}

/** Query parameters from a zod object schema: a field is required when `undefined` does not parse. */
function queryParams(schema: z.ZodObject): Json[] {
  return Object.entries(schema.shape).map(([name, field]) => ({
    name,
    in: "query",
    required: !(field as z.ZodType).safeParse(undefined).success,
    schema: schemaOf(field as z.ZodType, "input"),
  }));
}

const pathParam = (name: string, description: string): Json => ({
  name,
  in: "path",
  required: true,
  description,
  schema: { type: "string" },
});
const siteKeyHeader: Json = {
  name: "X-Site-Key",
  in: "header",
  required: false,
  description:
    "Site key of the embedding site (the widget sends it). Browsers calling from another origin must be on the key's list.",
  schema: { type: "string" },
};

const problem = (description: string): Json => ({
  description,
  content: { "application/problem+json": { schema: { $ref: "#/components/schemas/Problem" } } },
});
const json = (description: string, schema: Json = { type: "object" }): Json => ({
  description,
  content: { "application/json": { schema } },
});
const ref = (name: string): Json => ({ $ref: `#/components/schemas/${name}` });

/** Errors every `/api` route can answer with. */
const COMMON_ERRORS: Json = {
  "403": problem(
    "The Origin is not on the list of allowed sites, or the site key is unknown (forbidden_origin).",
  ),
  "429": {
    ...problem(
      "Rate limit reached (per client address or per site); Retry-After says when to try again.",
    ),
    headers: { "Retry-After": { description: "Seconds to wait.", schema: { type: "integer" } } },
  },
  "503": {
    ...problem(
      "The index is still being built or loaded (`index_not_ready`: `progress` says what is happening and how far it is, {phase, done, total, etaSeconds}); every worker is busy and the queue is full (`overloaded`); the question ran over its time budget (`answer_timeout`); or the index failed its checks (`index_invalid`, a fixed message and no Retry-After: it does not get better by waiting).",
    ),
    headers: {
      "Retry-After": {
        description: "Seconds to wait before asking again (absent for index_invalid).",
        schema: { type: "integer" },
      },
    },
  },
};
const BODY_ERRORS: Json = {
  "400": problem("Invalid JSON or fields; detail names each problem."),
  "405": problem("The path answers other methods; the Allow header lists them."),
  "413": problem("The body exceeds MAX_BODY_BYTES."),
  "415": problem("The body is not application/json."),
};

/**
 * The OpenAPI 3.1 document of the API, with request schemas generated from the zod schemas that
 * validate requests and response schemas from `openapi/responses.ts`.
 *
 * @example
 *   openApiDocument().paths["/api/ask"].post.requestBody
 */
export function openApiDocument(): {
  openapi: string;
  info: Json;
  paths: Record<string, Record<string, Json>>;
  components: Json;
} {
  const askBody = {
    required: true,
    content: { "application/json": { schema: ref("AskRequest") } },
  };
  return {
    openapi: "3.1.0",
    info: {
      title: "regions-qa",
      version: "0.1.0",
      description:
        "Cited answers over a bilingual research corpus. Every quote is the verbatim text at [start, end) of a corpus file. Errors are application/problem+json. Browsers may call the API from this server's own pages, or from the origins listed for a site key; clients that send no Origin header (curl, servers) need no key.",
    },
    paths: {
      "/api/ask": {
        post: {
          summary: "Answer a question with verified citations",
          description:
            "Follow-up questions send the earlier turns as history. `style` picks the reference style of the citations. `answerer: extractive` declines the generative answerer a server may have (GENERATOR_URL); the response's `answerer` says which produced the answer.",
          parameters: [siteKeyHeader],
          requestBody: askBody,
          responses: {
            "200": json("The answer.", ref("AskResponse")),
            ...BODY_ERRORS,
            ...COMMON_ERRORS,
          },
        },
      },
      "/api/ask/stream": {
        post: {
          summary: "Answer a question as server-sent events",
          description:
            "The same body as /api/ask. Events: `status` ({stage}) at once; `delta` ({text}) pieces of the answer in order (a generative answer's verified sentences, each sent once it has passed verification); `reset` ({}) when a generative answer fell back to the extractive one after some deltas: forget them, the extractive answer's pieces follow; `done` with exactly the /api/ask response; `error` with a problem document if answering fails after the stream opened. Invalid requests are refused before the stream opens, as problem+json.",
          parameters: [siteKeyHeader],
          requestBody: askBody,
          responses: {
            "200": {
              description: "An event stream.",
              content: { "text/event-stream": { schema: { type: "string" } } },
            },
            ...BODY_ERRORS,
            ...COMMON_ERRORS,
          },
        },
      },
      "/api/search": {
        get: {
          summary: "Ranked passages for a query",
          parameters: queryParams(SearchQuerySchema),
          responses: {
            "200": json("Passages, best first.", ref("SearchResponse")),
            "400": problem("Invalid query."),
            ...COMMON_ERRORS,
          },
        },
      },
      "/api/cite": {
        get: {
          summary: "The reference of a passage in a citation style",
          parameters: queryParams(CiteQuerySchema),
          responses: {
            "200": json(
              "Reference, in-text citation, locator and, given offsets, a verified quote.",
            ),
            "400": problem("Invalid query."),
            "404": problem("Unknown passage."),
            ...COMMON_ERRORS,
          },
        },
      },
      "/api/documents": {
        get: {
          summary: "The documents of the corpus with their catalog entries",
          responses: { "200": json("Documents."), ...COMMON_ERRORS },
        },
      },
      "/api/documents/{id}": {
        get: {
          summary: "One document",
          parameters: [pathParam("id", "Document id (file name without extension).")],
          responses: {
            "200": json("The document."),
            "404": problem("Unknown id."),
            ...COMMON_ERRORS,
          },
        },
      },
      "/api/passages/{id}": {
        get: {
          summary: "One passage with context and its neighbours",
          parameters: [pathParam("id", "Passage id.")],
          responses: {
            "200": json("The passage."),
            "404": problem("Unknown id."),
            ...COMMON_ERRORS,
          },
        },
      },
      "/api/tables": {
        get: {
          summary: "Tables found in the corpus",
          parameters: [
            {
              name: "doc",
              in: "query",
              required: false,
              schema: { type: "string", maxLength: 300 },
            },
            { name: "q", in: "query", required: false, schema: { type: "string", maxLength: 300 } },
          ],
          responses: { "200": json("Table summaries."), ...COMMON_ERRORS },
        },
      },
      "/api/tables/{id}": {
        get: {
          summary: "One table, as JSON or CSV",
          parameters: [
            pathParam("id", "Table id."),
            {
              name: "format",
              in: "query",
              required: false,
              schema: { type: "string", enum: ["json", "csv"] },
            },
          ],
          responses: {
            "200": {
              description: "The table.",
              content: {
                "application/json": { schema: { type: "object" } },
                "text/csv": { schema: { type: "string" } },
              },
            },
            "404": problem("Unknown id."),
            ...COMMON_ERRORS,
          },
        },
      },
      "/api/data": {
        get: {
          summary: "Table cells matching a row and/or column, each with a citation of its row",
          parameters: ["row", "column", "table", "doc"].map((name) => ({
            name,
            in: "query",
            required: false,
            schema: { type: "string", maxLength: 300 },
          })),
          responses: {
            "200": json("Matching cells."),
            "400": problem("Neither row nor column given."),
            ...COMMON_ERRORS,
          },
        },
      },
      "/api/site": {
        get: {
          summary: "Check a site key from the page that will embed the widget",
          description:
            "Answers only when the request's Origin is on the key's list (embed.js calls it before opening the chat).",
          parameters: [{ name: "site", in: "query", required: true, schema: { type: "string" } }],
          responses: {
            "200": json("The site.", ref("SiteResponse")),
            "400": problem("No key given."),
            ...COMMON_ERRORS,
          },
        },
      },
      "/healthz": { get: { summary: "The process is alive", responses: { "200": json("ok") } } },
      "/readyz": {
        get: {
          summary: "The index is loaded",
          responses: {
            "200": json("Ready, with the embedder and counts."),
            "503": json("Still loading."),
          },
        },
      },
    },
    components: {
      schemas: {
        AskRequest: schemaOf(AskRequestSchema, "input"),
        AskResponse: schemaOf(AskResponseSchema, "output"),
        SearchResponse: schemaOf(SearchResponseSchema, "output"),
        SiteResponse: schemaOf(SiteResponseSchema, "output"),
        Problem: schemaOf(ProblemSchema, "output"),
      },
    },
  };
}
