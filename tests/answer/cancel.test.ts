import { describe, expect, it } from "vitest";
import { readyState } from "../fixtures/service.js";

describe("asking with a signal", () => {
  it("stops between retrieval and answering when the asker has gone", async () => {
    const { qa } = await readyState();
    const question = "When did Hsinchu Science Park open?";
    const answered = await qa.ask({ question, signal: new AbortController().signal });
    expect(answered.abstained === false || answered.abstained === true).toBe(true);

    const controller = new AbortController();
    const asked = qa.ask({ question, signal: controller.signal });
    // Retrieval runs first; the abort lands before the answering stage starts.
    controller.abort(new Error("client went away"));
    await expect(asked).rejects.toThrow("client went away");

    const gone = AbortSignal.abort(new Error("already gone"));
    await expect(qa.ask({ question, signal: gone })).rejects.toThrow("already gone");
  });
});
