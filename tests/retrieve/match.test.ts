import { describe, expect, it } from "vitest";
import {
  figureBound,
  containsNumber,
  coverage,
  coverages,
  entityNamed,
  hanNamed,
  hasForm,
  passageCoverages,
} from "../../src/retrieve/match.js";
import { viewOf } from "../../src/retrieve/views.js";

const word = (term: string, alts: string[] = [], weight = 1) => ({ term, alts, weight });

describe("matching question words in a text", () => {
  const zh = viewOf("北京的外资银行在 1998 年增加 in Haidian");
  const en = viewOf("Foreign banks in Beijing grew in 1998.");

  it("finds Chinese forms as substrings, Latin words as tokens, phrases in the folded text", () => {
    expect(hasForm(zh, "外资")).toBe(true);
    expect(hasForm(zh, "资银行")).toBe(true);
    expect(hasForm(zh, "外商")).toBe(false);
    expect(hasForm(zh, "银资")).toBe(false);
    expect(hasForm(en, "外资")).toBe(false);
    expect(hasForm(en, "bank")).toBe(true);
    expect(hasForm(en, "foreign bank")).toBe(true);
    expect(hasForm(en, "ban")).toBe(false);
    // A view put together from others (a sentence window) matches alike.
    expect(hasForm({ tokens: zh.tokens, folded: `${en.folded} ${zh.folded}` }, "外资银行")).toBe(
      true,
    );
  });

  it("weighs coverage by idf, with and without translations, in one pass", () => {
    const words = [word("bank", ["银行"]), word("tianjin", ["天津"]), word("外资", ["foreign"])];
    const idfs = [1, 3, 2];
    expect(coverages(en, words, idfs)).toEqual([1 / 6, 3 / 6]);
    expect(coverage(zh, words, idfs, false)).toBeCloseTo(2 / 6);
    expect(coverage(zh, words, idfs, true)).toBeCloseTo(3 / 6);
    expect(coverages(en, [], [])).toEqual([0, 0]);
  });

  it("measures how many of the question's words one sentence holds together", () => {
    const sentences = [
      viewOf("The harbour of Ningbo grew fast."),
      viewOf("Its tonnage doubled in 1994."),
      viewOf("寧波港口的吞吐量在1994年翻倍。"),
    ];
    const passage = viewOf(sentences.map((s) => s.folded).join(" "));
    const words = [word("harbour", ["港口"]), word("tonnag", ["吞吐量"]), word("1994")];
    const idfs = [1, 2, 1];
    const [own, alts, best] = passageCoverages(passage, sentences, words, idfs);
    expect([own, alts]).toEqual(coverages(passage, words, idfs));
    // The Chinese sentence holds all three through translations; each English one only part.
    expect(best).toBeCloseTo(1);
    const english = sentences.slice(0, 2);
    const [, , spread] = passageCoverages(
      viewOf(english.map((s) => s.folded).join(" ")),
      english,
      words,
      idfs,
    );
    expect(spread).toBeCloseTo(3 / 4);
    expect(passageCoverages(passage, sentences, [], [])).toEqual([0, 0, 0]);
  });

  it("finds whole numbers only", () => {
    expect(containsNumber("in 1998 and 19980", "1998")).toBe(true);
    expect(containsNumber("in 19980", "1998")).toBe(false);
    expect(containsNumber("grew 2.5 times", "2")).toBe(false);
    expect(containsNumber("grew 2.5 times", "2.5")).toBe(true);
  });
});

describe("figureBound", () => {
  const trawlers = [{ term: "trawler", alts: ["拖网渔船"], weight: 1 }];
  it("finds a figure a few words before the counted noun, or beside its Chinese form", () => {
    expect(figureBound(viewOf("By then the harbour kept 240 deep-sea trawlers."), trawlers)).toBe(
      true,
    );
    expect(figureBound(viewOf("港內停泊拖網漁船約 240 艘。"), trawlers)).toBe(true);
  });
  it("does not take a figure about something else, or a year, for the count", () => {
    expect(figureBound(viewOf("Trawlers from the harbour fished 12 grounds."), trawlers)).toBe(
      false,
    );
    expect(figureBound(viewOf("In 1998 trawlers left the harbour."), trawlers)).toBe(false);
    expect(figureBound(viewOf("1998 年拖網漁船陸續離港。"), trawlers)).toBe(false);
    expect(figureBound(viewOf("The harbour kept its trawlers."), trawlers)).toBe(false);
  });
});

describe("names as themselves, not as part of an organisation's name", () => {
  it("does not take a place at the head of a bank's or university's name for the place", () => {
    expect(hanNamed(viewOf("意大利聯合銀行在廣州設立分行").folded, "意大利")).toBe(false);
    expect(hanNamed(viewOf("他畢業於廣州大學").folded, "广州")).toBe(false);
    // The same place spoken of in its own right, once is enough.
    expect(hanNamed(viewOf("意大利聯合銀行在廣州設立分行").folded, "广州")).toBe(true);
    expect(hanNamed(viewOf("廣州的大學很多").folded, "广州")).toBe(true);
    expect(hanNamed(viewOf("廣州大學與廣州市政府").folded, "广州")).toBe(true);
  });
  it("matches Latin forms by their tokens", () => {
    const canton = { han: ["广州"], latin: [["canton"]] };
    expect(entityNamed(viewOf("Canton University"), canton)).toBe(true);
    expect(entityNamed(viewOf("廣州大學"), canton)).toBe(false);
  });
});
