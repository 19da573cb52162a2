import { watch, type FSWatcher } from "node:fs";
import { stat } from "node:fs/promises";
import { dirname } from "node:path";

export interface WatchOptions {
  /** How often the files are checked even when no file-system event arrives (some mounts send none). */
  intervalMs: number;
  /** Events closer together than this make one check (a build renames several entries at once). */
  debounceMs: number;
}
const DEFAULTS: WatchOptions = { intervalMs: 2000, debounceMs: 200 };

/** Identity of a file as seen by `stat`: replaced, rewritten or removed files get a new one. */
async function stampOf(path: string): Promise<string> {
  try {
    const s = await stat(path);
    return `${s.ino}:${s.size}:${s.mtimeMs}`;
  } catch {
    return "missing";
  }
}

/**
 * Calls `onChange(path)` when one of `paths` is created, replaced, rewritten or removed. Watches the
 * parent folders for prompt notice and also checks every `intervalMs`, so it works where file-system
 * events do not. Never keeps the process alive; `close` stops it.
 *
 * @example
 *   const w = watchPaths(["index/current/manifest.json"], () => live.reload("new index"));
 *   // later: w.close();
 */
export function watchPaths(
  paths: readonly string[],
  onChange: (path: string) => void,
  options: Partial<WatchOptions> = {},
): { ready: Promise<void>; close: () => void } {
  const o = { ...DEFAULTS, ...options };
  const stamps = new Map<string, string>();
  let closed = false;
  let timer: NodeJS.Timeout | null = null;
  let checking: Promise<void> | null = null;

  const ready = (async () => {
    for (const path of paths) stamps.set(path, await stampOf(path));
  })();
  const check = async () => {
    await ready;
    for (const path of paths) {
      const now = await stampOf(path);
      if (closed) return;
      if (stamps.get(path) !== now) {
        stamps.set(path, now);
        onChange(path);
      }
    }
  };
  const schedule = () => {
    if (closed || timer) return;
    timer = setTimeout(() => {
      timer = null;
      // One check at a time; a check already running will see this change too, or the next will.
      checking ??= check().finally(() => (checking = null));
    }, o.debounceMs);
    timer.unref();
  };

  // Watch each path's grandparent too: an index folder is replaced by a rename in its parent.
  const folders = new Set(paths.flatMap((p) => [dirname(p), dirname(dirname(p))]));
  const watchers: FSWatcher[] = [];
  for (const folder of folders) {
    try {
      const w = watch(folder, { persistent: false }, schedule);
      w.on("error", () => w.close());
      watchers.push(w);
    } catch {
      // The folder does not exist (yet): the periodic check covers it.
    }
  }
  const interval = setInterval(schedule, o.intervalMs);
  interval.unref();

  return {
    ready,
    close() {
      closed = true;
      clearInterval(interval);
      if (timer) clearTimeout(timer);
      for (const w of watchers) w.close();
    },
  };
}
