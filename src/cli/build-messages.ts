import type { BuildEvent } from "../store/build.js";
import type { Manifest } from "../store/types.js";

/** What the index build process tells the server over IPC, in this order: progress…, then one end. */
export type BuildMessage =
  | { kind: "progress"; event: BuildEvent }
  | { kind: "done"; manifest: Manifest | null }
  | { kind: "failed"; message: string };
