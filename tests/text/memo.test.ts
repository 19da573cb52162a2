import { describe, expect, it } from "vitest";
import { memoize } from "../../src/text/memo.js";

describe("memoize", () => {
  it("works a key out once and keeps at most `size` results, the oldest going first", () => {
    const calls: string[] = [];
    const upper = memoize((s: string) => {
      calls.push(s);
      return s.toUpperCase();
    }, 2);
    expect([upper("a"), upper("a"), upper("b"), upper("a")]).toEqual(["A", "A", "B", "A"]);
    expect(calls).toEqual(["a", "b"]);
    upper("c"); // "a" was kept first, so it goes
    expect([upper("b"), upper("a")]).toEqual(["B", "A"]);
    expect(calls).toEqual(["a", "b", "c", "a"]);
  });
});
