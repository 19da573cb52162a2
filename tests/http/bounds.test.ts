import { describe, expect, it } from "vitest";
import { ASK_BOUNDS, boundAsk } from "../../src/http/bounds.js";

describe("boundAsk", () => {
  it("keeps the last turns of a long conversation, each cut to a few hundred characters", () => {
    const history = Array.from({ length: 20 }, (_, i) => ({
      role: (i % 2 ? "assistant" : "user") as "user" | "assistant",
      content: `${i} ${"x".repeat(8000)}`,
    }));
    const bounded = boundAsk({ question: "And in Tianjin?", history });
    expect(bounded.history).toHaveLength(ASK_BOUNDS.turns);
    expect(bounded.history![0]!.content.startsWith("14 ")).toBe(true);
    expect(Math.max(...bounded.history!.map((t) => t.content.length))).toBe(ASK_BOUNDS.turnChars);
    expect(bounded.question).toBe("And in Tianjin?");
  });

  it("never cuts a character in half", () => {
    const content = `${"a".repeat(ASK_BOUNDS.turnChars - 1)}😀😀`;
    const [turn] = boundAsk({ question: "q", history: [{ role: "user", content }] }).history!;
    expect(turn!.content).toBe("a".repeat(ASK_BOUNDS.turnChars - 1));
  });

  it("leaves short requests as they are", () => {
    const body = { question: "Where is ZGC?", history: [{ role: "user" as const, content: "Hi" }] };
    expect(boundAsk(body)).toEqual(body);
    expect(boundAsk({ question: "q" })).toEqual({ question: "q" });
  });
});
