import type { Context } from "hono";
import type { z } from "zod";
import { AppError } from "../errors.js";
import { describeIssues } from "./schemas.js";

/**
 * Reads a JSON body and validates it: 415 unless the content type is JSON, 400 for malformed JSON or
 * invalid fields (with every problem named in the detail).
 */
export async function jsonBody<S extends z.ZodType>(c: Context, schema: S): Promise<z.infer<S>> {
  const type = c.req.header("content-type") ?? "";
  if (!/^application\/([\w.+-]+\+)?json\b/iu.test(type))
    throw new AppError(
      "unsupported_media_type",
      `Send the body as application/json (got ${type || "no content type"}).`,
    );
  let data: unknown;
  try {
    data = JSON.parse(await c.req.text());
  } catch (cause) {
    throw new AppError(
      "invalid_request",
      `The body is not valid JSON: ${(cause as Error).message}`,
      { cause },
    );
  }
  return parseWith(schema, data);
}

/** Validates `data` with `schema`, throwing a 400 AppError that lists the problems. */
export function parseWith<S extends z.ZodType>(schema: S, data: unknown): z.infer<S> {
  const result = schema.safeParse(data);
  if (!result.success) throw new AppError("invalid_request", describeIssues(result.error));
  return result.data;
}
