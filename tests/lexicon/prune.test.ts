import { readFile } from "node:fs/promises";
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { readCedictText } from "../../src/lexicon/cedict-file.js";
import { pruneCedict } from "../../src/lexicon/prune.js";
import type { Lexicon } from "../../src/lexicon/types.js";
import { createLanguage } from "../../src/serve/language.js";
import { CORPUS_DIR, CORPUS_KNOWLEDGE } from "../fixtures/knowledge.js";

const SAMPLE = [
  "# CC-CEDICT",
  "# Licence: CC BY-SA 4.0",
  "園區 园区 [yuan2 qu1] /park/",
  "外資 外资 [wai4 zi1] /foreign investment/foreign capital/",
  "外貲 外赀 [wai4 zi1] /variant of 外資|外资[wai4 zi1]/",
  "稻米 稻米 [dao4 mi3] /rice/",
  "資本 资本 [zi1 ben3] /capital/",
  "颱風 台风 [tai2 feng1] /hurricane/typhoon/",
  "橄欖球 橄榄球 [gan3 lan3 qiu2] /rugby/",
].join("\n");

describe("pruneCedict", () => {
  it("keeps the header, the words a text contains, in either script, and the words they refer to", () => {
    const { text, kept, of } = pruneCedict(SAMPLE, ["科學園區的外貲"]);
    expect(text.split("\n")).toEqual([
      "# CC-CEDICT",
      "# Licence: CC BY-SA 4.0",
      "園區 园区 [yuan2 qu1] /park/",
      "外資 外资 [wai4 zi1] /foreign investment/foreign capital/",
      "外貲 外赀 [wai4 zi1] /variant of 外資|外资[wai4 zi1]/",
    ]);
    expect({ kept, of }).toEqual({ kept: 3, of: 7 });
  });

  it("lists the headwords it leaves out, once each, for segmentation", () => {
    const { headwords } = pruneCedict(`${SAMPLE}\n颱風 台风 [tai2 feng1] /typhoon (variant)/`, [
      "園區",
    ]);
    expect(headwords.split("\n")).toEqual(["外资", "外赀", "稻米", "资本", "台风", "橄榄球"]);
  });

  it("marks the headwords it leaves out that the dictionary knows only as proper nouns", () => {
    const { headwords } = pruneCedict(
      `${SAMPLE}\n冰島 冰岛 [Bing1 dao3] /Iceland/\n長城 长城 [Chang2 cheng2] /the Great Wall/\n長城 长城 [chang2 cheng2] /great wall/`,
      ["園區"],
    );
    expect(headwords.split("\n").slice(-3)).toEqual(["橄榄球", "冰岛\tname", "长城"]);
  });

  it("keeps words whose gloss is made of words an English text contains", () => {
    const { text } = pruneCedict(SAMPLE, ["Venture capital flowed into the parks."]);
    // 资本 ("capital") and 园区 ("park") can lead a Chinese question to this text; rugby and rice cannot.
    expect(text).toContain("资本 [zi1 ben3]");
    expect(text).toContain("园区 [yuan2 qu1]");
    expect(text).not.toContain("稻米");
    expect(text).not.toContain("橄榄球");
    expect(text).not.toContain("外资");
  });
});

describe("the pruned dictionary of the project's corpus", () => {
  let full: Lexicon;
  let pruned: Lexicon;
  let withHeadwords: Lexicon;
  let kept: number;
  beforeAll(async () => {
    const cedict = await readCedictText();
    const names = [
      "bohai-rim-science-parks-report.txt",
      "chen-2014-varieties-of-global-capital.txt",
    ];
    const texts = await Promise.all(names.map((n) => readFile(join(CORPUS_DIR, n), "utf8")));
    const result = pruneCedict(cedict, texts);
    kept = result.kept;
    full = createLanguage(CORPUS_KNOWLEDGE, cedict).lexicon!;
    pruned = createLanguage(CORPUS_KNOWLEDGE, result.text).lexicon!;
    withHeadwords = createLanguage(CORPUS_KNOWLEDGE, result.text, result.headwords).lexicon!;
  }, 60_000);

  it("is a fraction of CC-CEDICT", () => {
    expect(kept).toBeGreaterThan(5_000);
    expect(kept).toBeLessThan(60_000);
  });

  it("reads the corpus's Chinese as the whole dictionary does", () => {
    for (const zh of ["天津港的物流企業", "中關村的創業公司", "北京的金融機構"])
      expect(pruned.toEnglish(zh)).toEqual(full.toEnglish(zh));
  });

  it("segments a question as the whole dictionary does, words the corpus lacks included", () => {
    // 麥當勞 is not in these two documents: without its headword the question would split it into
    // characters that translate into other words (麦 "wheat", 劳 "toil").
    const question = "園區裡有沒有麥當勞？";
    expect(pruned.toEnglish(question)).toContain("wheat");
    const english = withHeadwords.toEnglish(question);
    expect(english).not.toContain("wheat");
    expect(english).toEqual(full.toEnglish(question).filter((w) => english.includes(w)));
  });

  it("keeps a word whose characters meet the corpus's, and a name the English text uses", () => {
    // 卢武铉 is written 盧武炫 in the report: the bigram 卢武 still matches it. Futian is named in
    // Chen's paper; CC-CEDICT glosses 福田區 "Futian district of Shenzhen City, Guangdong".
    expect(full.toChinese("Roh Moo-hyun")).toContain("卢武铉");
    expect(pruned.toChinese("Roh Moo-hyun")).toContain("卢武铉");
    expect(pruned.toEnglish("福田區")).toEqual(full.toEnglish("福田區"));
  });

  it("knows the names it left out as proper nouns, as the whole dictionary does", () => {
    // Neither document mentions Iceland or Helsinki, in either language.
    const question = "冰島和赫爾辛基有多少家公司？";
    expect(withHeadwords.properNouns(question).map((p) => p.word)).toEqual(["冰岛", "赫尔辛基"]);
    expect(full.properNouns(question).map((p) => p.word)).toEqual(["冰岛", "赫尔辛基"]);
    expect(withHeadwords.properNouns("天津的外資")).toEqual([]);
  });

  it("still translates a Chinese question's words into the English the corpus uses", () => {
    const english = pruned.toEnglish("外資投資的企業");
    expect(english).toEqual(expect.arrayContaining(["foreign", "investment", "enterprise"]));
  });
});
