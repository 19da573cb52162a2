import { describe, expect, it } from "vitest";
import type { Evidence, EvidenceSentence } from "../../../src/answer/generative/evidence.js";
import { SENTINEL, verifySentence } from "../../../src/answer/generative/verify.js";
import type { Chunk } from "../../../src/chunks/types.js";
import { CORPUS_NAMES } from "../../fixtures/knowledge.js";
import type { Translator } from "../../../src/lexicon/types.js";

const chunk = { id: "p1", docId: "d", source: "d.txt", section: null } as Chunk;
const sentence = (id: string, text: string): EvidenceSentence => ({
  id,
  text,
  start: 0,
  end: text.length,
  hit: { index: 0, chunk, score: 1 },
});
const sentences = [
  sentence("1.6", "At the close of 1991, nine labs ran in Haidian."),
  sentence("1.7", "The count of labs rose to 30 in late 1992."),
  sentence("2.1", "Output reached 3.2 million yuan, and exports 1,116 units."),
  sentence("3.1", "2007年天津市的專利授權金額為35.62億元。"),
];
const evidence: Evidence = {
  passages: [],
  byId: new Map(sentences.map((s) => [s.id, s])),
};
/** The gazetteer alone: every spelling and script of the corpus's place names. */
const gazetteer: Translator = {
  names: (text) => CORPUS_NAMES.find(text),
  toChinese: () => [],
  toEnglish: () => [],
  gloss: (t) => t,
  romanised: () => [],
};
const check = (text: string, translator: Translator | null = gazetteer) =>
  verifySentence(text, evidence, translator);

describe("verifySentence", () => {
  it("accepts a paraphrase whose numbers, years and names its cited sentences hold", () => {
    expect(check("At the close of 1991, 9 labs ran in Haidian [1.6].")).toEqual({
      ok: true,
      sentence: {
        body: "At the close of 1991, 9 labs ran in Haidian.",
        cited: [sentences[0]],
      },
    });
    // Numbers from two cited sentences, each from one of them; digit groups folded.
    expect(check("From nine firms in 1991 the count rose to thirty by 1992 [1.6, 1.7].").ok).toBe(
      true,
    );
    expect(check("Exports were 1116 units [2.1].").ok).toBe(true);
  });

  it("drops a sentence with a number, year or magnitude none of its cited sentences states", () => {
    expect(check("At the close of 1991, ten labs ran there [1.6].")).toEqual({
      ok: false,
      reason: "number 10 is not in [1.6]",
    });
    expect(check("At the close of 1985, 9 labs ran there [1.6].")).toMatchObject({
      reason: "year 1985 is not in [1.6]",
    });
    // 30 is in 1.7, not in the sentence cited.
    expect(check("The number had grown to 30 [1.6].")).toMatchObject({ ok: false });
    expect(check("Output reached 3.2 billion yuan [2.1].")).toMatchObject({
      reason: '"billion" is not in [2.1]',
    });
    expect(check("天津的專利授權金額為35.62萬元 [3.1]。")).toMatchObject({
      reason: '"万" is not in [3.1]',
    });
  });

  it("drops a sentence naming a place none of its cited sentences names, in any spelling or script", () => {
    expect(check("In 1991, nine labs ran in Shenzhen [1.6].")).toMatchObject({
      ok: false,
      reason: expect.stringMatching(/^the name Shenzhen is not in \[1\.6\]/u),
    });
    // The gazetteer's other script counts: 海淀 is Haidian.
    expect(check("到1991年底，海淀有9家企業 [1.6]。").ok).toBe(true);
    expect(check("到1991年底，深圳有9家企業 [1.6]。")).toMatchObject({
      reason: expect.stringMatching(/^the name Shenzhen is not/u),
    });
    // Without the gazetteer a capitalised name is still read, but only as written.
    expect(check("In 1991, nine labs ran in Hangzhou [1.6].", null)).toMatchObject({
      reason: expect.stringMatching(/^the name Hangzhou/u),
    });
  });

  it("drops a sentence citing no id, an id that was not sent, or a malformed one", () => {
    expect(check("At the close of 1991, nine labs ran.")).toEqual({
      ok: false,
      reason: "no id",
    });
    expect(check("Nine firms operated by 1991 [1.6, 9.9].")).toEqual({
      ok: false,
      reason: "unknown id [9.9]",
    });
    expect(check("Nine firms operated by 1991 [1].")).toMatchObject({
      reason: "malformed id [1]",
    });
    expect(check("[1.6]")).toMatchObject({ reason: "no text" });
  });

  it("never passes the sentinel as a sentence", () => {
    expect(check(`${SENTINEL} [1.6]`)).toMatchObject({ ok: false, reason: "the sentinel" });
  });
});
