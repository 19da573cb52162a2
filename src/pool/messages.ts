import type { Config } from "../config.js";
import type { ErrorCode } from "../errors.js";
import type { AskRequest } from "../http/schemas.js";
import type { AskResponse } from "../http/state.js";
import type { Manifest } from "../store/types.js";

/** A request for a worker: answer a question, or answer an HTTP request of the index routes. */
export type Job =
  | { kind: "ask"; body: AskRequest; stream: boolean }
  | {
      kind: "fetch";
      method: string;
      url: string;
      headers: Array<[string, string]>;
      body: ArrayBuffer | null;
    };

/** An HTTP response carried back from a worker. */
export interface WireResponse {
  status: number;
  headers: Array<[string, string]>;
  body: ArrayBuffer;
}

/** An error carried across threads: an `AppError`'s code and fields, or the name and message. */
export interface WireError {
  code?: ErrorCode;
  name?: string;
  message: string;
  retryAfter?: number;
  details?: Record<string, unknown>;
}

/**
 * The listener to a worker. `load` reads the index as generation `gen` beside the one served;
 * `commit` serves it, `discard` drops it; `run` starts a job and `cancel` aborts it.
 */
export type ToWorker =
  | { type: "load"; gen: number }
  | { type: "commit"; gen: number }
  | { type: "discard"; gen: number }
  | { type: "run"; id: number; job: Job }
  | { type: "cancel"; id: number };

/** A worker to the listener. */
export type FromWorker =
  | { type: "models"; embedderId: string }
  | { type: "models-failed"; error: WireError }
  | { type: "loaded"; gen: number; manifest: Manifest }
  | { type: "load-failed"; gen: number; error: WireError }
  | { type: "text"; id: number; text: string }
  | { type: "result"; id: number; value: AskResponse | WireResponse }
  | { type: "failed"; id: number; error: WireError };

/** What a worker is started with. */
export interface WorkerInit {
  /** The server's parsed configuration (a plain object: it crosses the thread as a copy). */
  config: Config;
  /** Its number in the pool; worker 0 logs what the models are, the others keep quiet about it. */
  index: number;
}
