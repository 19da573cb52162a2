import { describe, expect, it } from "vitest";
import type { Translator } from "../../src/lexicon/types.js";
import { analyseQuestion } from "../../src/question/analyse.js";
import { createSourceIndex } from "../../src/question/sources.js";

/** A dictionary of a few words and a gazetteer of three places, enough to exercise analysis. */
const names = [
  { name: "Wuxi", variants: ["Wuxi", "無錫", "无锡"] },
  { name: "Fujian", variants: ["Fujian", "福建"] },
  { name: "Xiamen", variants: ["Xiamen", "廈門", "厦门"] },
];
const translator: Translator = {
  toChinese: (en) => (/\bport\b/iu.test(en) ? ["港口"] : []),
  toEnglish: (zh) => (zh.includes("港口") ? ["port"] : []),
  gloss: (zh) => zh,
  romanised: () => [],
  names: (text) =>
    names.filter((n) => n.variants.some((v) => text.toLowerCase().includes(v.toLowerCase()))),
};
const sources = createSourceIndex([
  {
    docId: "lin-2001",
    names: ["Mei Lin", "Harbour Studies"],
    titles: ["Ports of Fujian"],
    year: 2001,
  },
  { docId: "ho-1999", names: ["Kai Ho"], titles: ["Inland cities"], year: 1999 },
]);
const analyse = (q: string, history: Parameters<typeof analyseQuestion>[1] = []) =>
  analyseQuestion(q, history, { translator, sources });

describe("analyseQuestion", () => {
  it("reads language, script and what is asked", () => {
    expect(analyse("How many berths did the Xiamen port have in 1995?")).toMatchObject({
      lang: "en",
      script: "latin",
      asks: "quantity",
      years: ["1995"],
      followUp: "none",
    });
    expect(analyse("廈門港口在哪一年擴建？")).toMatchObject({
      lang: "zh",
      script: "hant",
      asks: "date",
    });
    expect(analyse("厦门港口在哪一年扩建？").script).toBe("hans");
  });
  it("finds names in both scripts, capitalised runs and quoted phrases", () => {
    const a = analyse("Did the 'Blue Harbour' plan of Chen Daoming help Xiamen?");
    expect(a.entities.map((e) => e.name)).toEqual(["Xiamen", "Blue Harbour", "Chen Daoming"]);
    expect(a.entities[0]!.forms).toContain("厦门");
    // The capitalised words of a quoted name are not names of their own.
    expect(
      analyse("Which firms did the 'K Works' group bring to Xiamen?").entities.map((e) => e.name),
    ).toEqual(["Xiamen", "K Works"]);
  });
  it("rewrites a follow-up that swaps a place, and keeps the earlier kind of question", () => {
    const a = analyse("What about Xiamen?", [
      { role: "user", content: "How many berths did the Fujian ports have in 1995?" },
      { role: "assistant", content: "About 40 [1]." },
    ]);
    expect(a.followUp).toBe("rewritten");
    expect(a.text).toBe("How many berths did the Xiamen ports have in 1995?");
    expect(a.asks).toBe("quantity");
    expect(a.years).toEqual(["1995"]);
  });
  it("takes the script of a follow-up written alike in both scripts from the earlier questions", () => {
    const earlier = (q: string) => [
      { role: "user" as const, content: q },
      { role: "assistant" as const, content: "約 40 個 [1]。" },
    ];
    expect(analyse("那上海呢？", earlier("1995 年福建港口有多少個泊位？")).script).toBe("hant");
    expect(analyse("那上海呢？", earlier("1995 年福建港口有多少个泊位？")).script).toBe("hans");
    expect(analyse("那個呢？", earlier("1995 年福建港口有多少个泊位？")).script).toBe("hant");
    expect(analyse("那上海呢？").script).toBe("hans");
  });
  it("moves the year of the conversation by a follow-up's relative year", () => {
    const earlier = (q: string) => [
      { role: "user" as const, content: q },
      { role: "assistant" as const, content: "About 40 [1]." },
    ];
    const later = analyse(
      "And the following year?",
      earlier("How many berths did the port have in 1995?"),
    );
    expect(later.years).toEqual(["1996"]);
    expect(later.context).toContain("1996");
    expect(later.context).not.toContain("1995");
    expect(analyse("那前一年呢？", earlier("1995 年港口有多少個泊位？")).years).toEqual(["1994"]);
    // A year of its own wins; without an earlier year there is nothing to move.
    expect(
      analyse("And the following year, in 1997?", earlier("How many berths in 1995?")).years,
    ).toEqual(["1997"]);
    expect(analyse("And the following year?").years).toEqual([]);
  });
  it("reads a follow-up that swaps one of two earlier names both ways, the first-named first", () => {
    const history = [
      { role: "user" as const, content: "How much tea did Wuxi ship to Fujian in 1995?" },
      { role: "assistant" as const, content: "About 40 tonnes [1]." },
    ];
    const a = analyse("And Xiamen?", history);
    expect(a.text).toBe("How much tea did Xiamen ship to Fujian in 1995?");
    expect(a.readings).toEqual(["How much tea did Wuxi ship to Xiamen in 1995?"]);
    const other = analyseQuestion("And Xiamen?", history, { translator, sources }, 1);
    expect(other.followUp).toBe("rewritten");
    expect(other.text).toBe("How much tea did Wuxi ship to Xiamen in 1995?");
    expect(other.entities.map((e) => e.name)).toEqual(["Wuxi", "Xiamen"]);
    expect(other.readings).toEqual([]);
    expect(
      analyse(
        "And Xiamen?",
        history.slice(0, 1).map((t) => ({ ...t, content: "How much tea did Wuxi ship?" })),
      ).readings,
    ).toEqual([]);
  });
  it("reads the names an answer gave apart from the earlier question", () => {
    // A Chinese name from the answer beside an English question must not make its words names.
    const a = analyse("Why did it grow so fast?", [
      { role: "user", content: "Which harbour grew fastest in the 1990s?" },
      { role: "assistant", content: "Xiamen's 「新港」 grew fastest [1]." },
    ]);
    expect(a.followUp).toBe("continues");
    expect(a.entities.map((e) => e.name)).toEqual(["Xiamen"]);
  });
  it("continues a follow-up that refers back, with the names the last answer gave", () => {
    const a = analyse("Why did it grow so fast?", [
      { role: "user", content: "Which port grew fastest in the 1990s?" },
      { role: "assistant", content: "Xiamen grew fastest [1]." },
    ]);
    expect(a.followUp).toBe("continues");
    expect(a.context).toContain("Which port grew fastest");
    expect(a.context).toContain("Xiamen");
    expect(a.asks).toBe("reason");
  });
  it("continues a long question that refers back and names nothing of its own", () => {
    const history = [
      {
        role: "user" as const,
        content: "Which textile mill closed its looms in Wuxi during 1998?",
      },
      { role: "assistant" as const, content: "It was the Hengfeng Cotton Mill [1]." },
    ];
    const long = "How many weavers had that mill employed before it shut down for good?";
    expect(analyse(long, history).followUp).toBe("continues");
    expect(analyse(long, history).context).toContain("Hengfeng Cotton Mill");
    // Long, referring back, but naming a place of its own: a question in its own right.
    const own = "How many weavers had that mill in Fujian employed before it shut down for good?";
    expect(analyse(own, history).followUp).toBe("none");
    // Without a conversation there is nothing to continue.
    expect(analyse(long).followUp).toBe("none");
  });

  it("does not require the names that only say where to look", () => {
    const a = analyse(
      "In Wuxi, how many berths were there, according to the dockyard study comparing Fujian with Xiamen?",
    );
    expect(a.entities.map((e) => e.name)).toEqual(["Wuxi"]);
    expect(a.words.map((w) => w.term)).toContain("fujian");
  });
  it("points at the sources it names and weighs their words as pointers, not topics", () => {
    const a = analyse("According to Mei Lin, how busy was the Wuxi port?");
    expect(a.sources[0]?.docId).toBe("lin-2001");
    const weight = (term: string) => a.words.find((w) => w.term === term)?.weight;
    expect(weight("lin")).toBeLessThan(1);
    expect(weight("busi")).toBe(1);
    expect(a.entities.map((e) => e.name)).not.toContain("Mei Lin");
  });
  it("reads a Chinese clause that says where to look as attribution", () => {
    const a = analyse("在林梅那篇港口論文裡，廈門港有幾個泊位？");
    expect(a.attribution).toBe("在林梅那篇港口論文裡");
    expect(analyse("How deep is the Wuxi port, according to the city yearbook?").attribution).toBe(
      "according to the city yearbook",
    );
  });

  it("translates its words into the other language", () => {
    const a = analyse("How deep is the Wuxi port?");
    expect(a.words.find((w) => w.term === "port")?.alts).toContain("港口");
  });
  it("splits a compound question into parts", () => {
    expect(analyse("Which firm built the Xiamen port, and when did it open?").parts).toHaveLength(
      2,
    );
  });
  it("reads what a quantity question counts", () => {
    expect(analyse("How many cranes did the port buy?").focus.map((w) => w.term)).toEqual([
      "crane",
    ]);
  });
});

describe("misspelt names", () => {
  const spelling = (word: string) => (word === "Xaimen" ? "Xiamen" : null);
  it("are read as the gazetteer spells them, one letter away", () => {
    const a = analyseQuestion("How busy was the Xaimen port in 1995?", [], {
      translator: { ...translator, spelling },
      sources,
    });
    expect(a.question).toBe("How busy was the Xaimen port in 1995?");
    expect(a.text).toBe("How busy was the Xiamen port in 1995?");
    expect(a.entities.map((e) => e.name)).toEqual(["Xiamen"]);
  });

  it("names a word the dictionary knows only as a proper noun when the corpus never uses it", () => {
    const withProper: Translator = {
      ...translator,
      properNouns: (zh) => (zh.includes("冰島") ? [{ word: "冰岛", english: ["Iceland"] }] : []),
    };
    const read = (unused: boolean) =>
      analyseQuestion("冰島的港口有多少個？", [], {
        translator: withProper,
        unusedName: () => unused,
      }).entities;
    expect(read(true)).toEqual([{ name: "冰岛", forms: ["冰岛", "iceland"], known: false }]);
    // One the corpus uses is a word like any other: it must not hold answers to its spelling.
    expect(read(false)).toEqual([]);
  });
});
