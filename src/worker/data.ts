import { AppError } from "../errors.js";
import { WorkerDataSchema, WORKER_FILES, type WorkerData } from "../store/worker-data.js";
import type { AssetsBinding } from "./env.js";

/** Reads the Worker's data files through the assets binding, each checked against `worker.json`. */
export interface WorkerDataReader {
  readonly about: WorkerData;
  bytes(path: string): Promise<Uint8Array<ArrayBuffer>>;
  text(path: string): Promise<string>;
  json(path: string): Promise<unknown>;
}

// Never resolved: the assets binding only reads the path of the URL it is given.
const ORIGIN = "https://assets.invalid";
const decoder = new TextDecoder("utf-8", { fatal: true });

const damaged = (detail: string) =>
  new AppError(
    "index_invalid",
    `The Worker's data ${detail}; run \`npm run build:worker\` and deploy again.`,
  );

async function fetchBytes(
  assets: AssetsBinding,
  path: string,
): Promise<Uint8Array<ArrayBuffer> | null> {
  const res = await assets.fetch(new Request(`${ORIGIN}/${path}`));
  if (res.status === 404) return null;
  if (!res.ok) throw damaged(`file ${path} could not be read (HTTP ${res.status})`);
  return new Uint8Array(await res.arrayBuffer());
}

const hex = (buffer: ArrayBuffer) =>
  Array.from(new Uint8Array(buffer), (b) => b.toString(16).padStart(2, "0")).join("");

/**
 * Opens the data `npm run build:worker` wrote: reads and validates `worker.json`, then reads each
 * file on request, checking its size and SHA-256 against it, so data from two builds (a deploy
 * half done) or a damaged file is refused with `index_invalid` rather than answered from.
 *
 * @example
 *   const data = await openWorkerData(env.ASSETS);
 *   const chunks = await data.json("chunks.json");
 */
export async function openWorkerData(assets: AssetsBinding): Promise<WorkerDataReader> {
  const raw = await fetchBytes(assets, WORKER_FILES.about);
  if (!raw) throw damaged(`has no ${WORKER_FILES.about} (the data was never built)`);
  let parsed: unknown;
  try {
    parsed = JSON.parse(decoder.decode(raw));
  } catch {
    throw damaged(`file ${WORKER_FILES.about} is not valid JSON`);
  }
  const checked = WorkerDataSchema.safeParse(parsed);
  if (!checked.success)
    throw damaged(
      `file ${WORKER_FILES.about} is not of this version of the service (${checked.error.issues[0]?.path.join(".")}: ${checked.error.issues[0]?.message})`,
    );
  const about = checked.data;
  const bytes = async (path: string) => {
    const expected = about.files[path];
    if (!expected) throw damaged(`lists no file ${path}`);
    const data = await fetchBytes(assets, path);
    if (!data) throw damaged(`file ${path} is missing`);
    if (data.length !== expected.bytes)
      throw damaged(`file ${path} has ${data.length} bytes, not ${expected.bytes}`);
    if (hex(await crypto.subtle.digest("SHA-256", data)) !== expected.sha256)
      throw damaged(`file ${path} does not match its checksum`);
    return data;
  };
  const text = async (path: string) => decoder.decode(await bytes(path));
  const json = async (path: string): Promise<unknown> => {
    try {
      return JSON.parse(await text(path));
    } catch (e) {
      if (e instanceof AppError) throw e;
      throw damaged(`file ${path} is not valid JSON`);
    }
  };
  return { about, bytes, text, json };
}
