import { describe, expect, it } from "vitest";
import {
  createSentenceSplitter,
  createThinkingFilter,
  parseCited,
} from "../../../src/answer/generative/sentences.js";

describe("parseCited", () => {
  it("takes the citation groups out wherever they stand and keeps each id once", () => {
    expect(parseCited("By 1991 there were 9 firms [2.1, 2.3].")).toEqual({
      body: "By 1991 there were 9 firms.",
      ids: ["2.1", "2.3"],
      malformed: [],
    });
    expect(parseCited("It grew 13.4% a year. [1.2][1.2] ")).toMatchObject({
      body: "It grew 13.4% a year.",
      ids: ["1.2"],
    });
    expect(parseCited("到1991年底有9家企業【1.6；2.1】。")).toMatchObject({
      body: "到1991年底有9家企業。",
      ids: ["1.6", "2.1"],
    });
  });

  it("reports bracketed numbers that are not passage.sentence ids, and leaves other brackets as text", () => {
    expect(parseCited("Nine firms [3].")).toMatchObject({ ids: [], malformed: ["3"] });
    expect(parseCited("Nine firms [1.6, 2.].")).toMatchObject({
      ids: ["1.6"],
      malformed: ["2."],
    });
    expect(parseCited("The “four selfs” [sic] applied [1.1].")).toMatchObject({
      body: "The “four selfs” [sic] applied.",
      ids: ["1.1"],
    });
  });

  it("drops list bullets and emphasis a model adds despite the prompt", () => {
    expect(parseCited("- **Nine** firms [1.6].").body).toBe("Nine firms.");
  });
});

describe("createSentenceSplitter", () => {
  const reply =
    "At the close of 1991, nine labs ran in Haidian [1.6]. The number grew to 30 by 1992. [1.7] It was 13.4% of output [2.3].";

  it("hands out each sentence once the next has begun, with ids written after its full stop", () => {
    const split = createSentenceSplitter();
    expect(split.push("At the close of 1991, nine labs ran in Haidian [1.6]. ")).toEqual([]);
    expect(split.push("The number grew to 30 by 1992. [1.")).toEqual([
      "At the close of 1991, nine labs ran in Haidian [1.6]. ",
    ]);
    expect(split.push("7] It")).toEqual(["The number grew to 30 by 1992. [1.7] "]);
    expect(split.end()).toEqual(["It"]);
  });

  it("gives the same sentences however the reply is cut into pieces, and they join back to it", () => {
    const whole = createSentenceSplitter();
    const expected = [...whole.push(reply), ...whole.end()];
    expect(expected).toHaveLength(3);
    expect(expected.join("")).toBe(reply);
    for (const size of [1, 2, 5, 17]) {
      const split = createSentenceSplitter();
      const got: string[] = [];
      for (let i = 0; i < reply.length; i += size)
        got.push(...split.push(reply.slice(i, i + size)));
      got.push(...split.end());
      expect(got).toEqual(expected);
    }
  });

  it("cuts Chinese at 。！？", () => {
    const split = createSentenceSplitter();
    const zh = "到1991年底，海淀有9家企業 [1.6]。到1992年底增至30家 [1.7]。";
    expect([...split.push(zh), ...split.end()]).toEqual([
      "到1991年底，海淀有9家企業 [1.6]。",
      "到1992年底增至30家 [1.7]。",
    ]);
  });
});

describe("createThinkingFilter", () => {
  const run = (pieces: string[]) => {
    const strip = createThinkingFilter();
    return pieces.map((p) => strip.push(p)).join("") + strip.end();
  };

  it("drops a leading <think> block however it is cut, and passes a reply without one through", () => {
    expect(run(["<th", "ink>[1.6] says nine", "</thi", "nk>\n\nNine firms [1.6]."])).toBe(
      "Nine firms [1.6].",
    );
    expect(run(["  Nine firms", " [1.6]."])).toBe("  Nine firms [1.6].");
    expect(run(["<"])).toBe("<");
    // Thinking that never ends says nothing.
    expect(run(["<think>Nine firms [1.6]."])).toBe("");
    // Only a leading block is thinking.
    expect(run(["Nine firms [1.6]. <think>x</think>"])).toBe("Nine firms [1.6]. <think>x</think>");
  });
});
