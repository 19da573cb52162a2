/** Error codes the application raises; HTTP status mapping lives in `http/problem.ts` only. */
export const ERROR_CODES = [
  "invalid_request",
  "payload_too_large",
  "unsupported_media_type",
  "not_found",
  "index_not_ready",
  "index_incompatible",
  "index_invalid",
  "embedder_unavailable",
  "vectors_unavailable",
  "corpus_unreadable",
  "forbidden_origin",
  "rate_limited",
  "generator_failed",
  "overloaded",
  "answer_timeout",
  "cancelled",
] as const;
export type ErrorCode = (typeof ERROR_CODES)[number];

const MESSAGES: Record<ErrorCode, string> = {
  invalid_request: "The request is not valid.",
  payload_too_large: "The request body is too large.",
  unsupported_media_type: "The request must be sent as application/json.",
  not_found: "No such resource.",
  index_not_ready: "The search index is not loaded yet; try again shortly.",
  index_incompatible: "The index was built with a different embedder than the one configured.",
  index_invalid:
    "The index could not be loaded: its files are damaged or do not agree with its manifest. The operator has been told which.",
  embedder_unavailable: "No embedding model could be loaded.",
  vectors_unavailable: "The vector index could not be searched.",
  corpus_unreadable: "A corpus file could not be read.",
  forbidden_origin: "This origin is not allowed to use the service.",
  rate_limited: "Too many requests; slow down.",
  generator_failed: "The language model did not give a usable answer.",
  overloaded: "The service is answering as many questions as it can; try again shortly.",
  answer_timeout: "Answering this question took too long; try again or ask it differently.",
  cancelled: "The request was cancelled.",
};

/**
 * The fixed text for `code`, for answers that must not carry details (paths, file contents).
 *
 * @example
 *   fixedMessage("index_invalid") // → "The index files are damaged or do not agree with their manifest."
 */
export const fixedMessage = (code: ErrorCode): string => MESSAGES[code];

/**
 * The one error type of the application: a code plus a human-readable detail.
 *
 * @example
 *   throw new AppError("not_found", `No passage with id ${id}.`);
 */
export class AppError extends Error {
  constructor(
    readonly code: ErrorCode,
    detail?: string,
    options?: { cause?: unknown; retryAfter?: number; details?: Record<string, unknown> },
  ) {
    super(detail ?? MESSAGES[code], options);
    this.name = "AppError";
    this.retryAfter = options?.retryAfter;
    this.details = options?.details;
  }
  readonly retryAfter: number | undefined;
  /** Further members of the problem document (e.g. the progress of an index build). */
  readonly details: Record<string, unknown> | undefined;
}
