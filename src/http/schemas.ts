import { z } from "zod";
import { ANSWERER_CHOICES } from "../answer/answerer.js";
import { wholeNumber } from "./query.js";

/** Request body of `POST /api/ask`. */
export const AskRequestSchema = z
  .object({
    question: z
      .string()
      .trim()
      .min(1, "question must not be empty")
      .max(2000, "question must be at most 2000 characters"),
    history: z
      .array(
        z.object({ role: z.enum(["user", "assistant"]), content: z.string().max(8000) }).strict(),
      )
      .max(20, "history may hold at most 20 turns")
      .optional(),
    k: z.number().int().min(1).max(20).optional(),
    style: z.enum(["apa", "chicago", "mla", "bibtex", "ris"]).optional(),
    answerer: z
      .enum(ANSWERER_CHOICES)
      .optional()
      .describe(
        "auto (default): the generative answerer when the server has one, else extractive; extractive: quote the sources only, never call a model.",
      ),
  })
  .strict();
export type AskRequest = z.infer<typeof AskRequestSchema>;

/** Query of `GET /api/search`. */
export const SearchQuerySchema = z.object({
  q: z.string().trim().min(1, "q must not be empty").max(2000),
  k: wholeNumber("k", 1, 50).default(10),
});

/** One readable line per zod issue, e.g. "question: must not be empty". */
export function describeIssues(error: z.ZodError): string {
  return error.issues
    .map((i) => (i.path.length ? `${i.path.join(".")}: ${i.message}` : i.message))
    .join("; ");
}
