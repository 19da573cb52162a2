import { describe, expect, it } from "vitest";
import { trackBuild } from "../../src/cli/build-progress.js";

describe("trackBuild", () => {
  it("estimates the time left from the embedding rate so far", () => {
    let now = 0;
    const track = trackBuild(() => now);
    expect(
      track({ stage: "documents", done: 2, total: 5, source: "a.txt", reused: false }),
    ).toEqual({
      phase: "building the index: reading documents",
      done: 2,
      total: 5,
    });
    now = 1000;
    expect(track({ stage: "embedding", done: 32, total: 352 }).etaSeconds).toBeUndefined();
    now = 5000; // 128 more in 4 s: 32 a second, 192 left
    expect(track({ stage: "embedding", done: 160, total: 352 })).toEqual({
      phase: "building the index: embedding passages",
      done: 160,
      total: 352,
      etaSeconds: 6,
    });
    expect(track({ stage: "writing" }).phase).toBe("building the index: writing files");
  });
});
