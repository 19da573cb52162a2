import { describe, expect, it } from "vitest";
import { createTableVocabulary } from "../../src/tables/vocabulary.js";
import { matchForm } from "../../src/text/fold.js";
import { CORPUS_KNOWLEDGE, CORPUS_TABLES } from "../fixtures/knowledge.js";

const placeIds = (text: string) => CORPUS_TABLES.findPlaces(matchForm(text)).map((p) => p.id);

describe("table places of the corpus", () => {
  it("take every spelling from the gazetteer", () => {
    expect(placeIds("Tientsin and 北平")).toEqual(["tianjin", "beijing"]);
    expect(placeIds("重庆、貴州")).toEqual(["chongqing", "guizhou"]);
  });

  it("read the experimental zone as Zhongguancun and the science park as Hsinchu", () => {
    expect(placeIds("BEZ")).toEqual(["zhongguancun"]);
    expect(placeIds("Beijing Experimental Zone")).toEqual(["zhongguancun"]);
    expect(placeIds("竹科 and HSIP")).toEqual(["hsinchu", "hsinchu"]);
  });

  it("add the names only tables use", () => {
    expect(placeIds("全國總計")).toEqual(["china"]);
    expect(placeIds("Venture firms in DST")).toEqual(["daedeok"]);
  });

  it("leave demonyms and other gazetteer names as words", () => {
    expect(placeIds("Korean and Chinese firms")).toEqual([]);
    expect(placeIds("Kunshan, Hong Kong, Lenovo")).toEqual([]);
  });

  it("have one id each, in the file's order", () => {
    const ids = CORPUS_TABLES.places.map((p) => p.id);
    expect(new Set(ids).size).toBe(CORPUS_KNOWLEDGE.tablePlaces.length);
    expect(ids.slice(0, 3)).toEqual(["beijing", "tianjin", "hebei"]);
    expect(ids).toContain("inner-mongolia");
  });
});

describe("table vocabulary of another corpus", () => {
  const vocabulary = createTableVocabulary({
    gazetteer: [
      { en: ["Tainan", "Tainan City"], zh: ["臺南", "台南"] },
      { en: ["Kaohsiung"], zh: ["高雄"] },
    ],
    tablePlaces: [{ name: "Tainan", aliases: ["Southern Taiwan Science Park"] }],
    concepts: [{ id: "yield", en: ["yield", "harvest"], zh: ["產量"] }],
  });

  it("matches only its own places and concepts", () => {
    expect([...vocabulary.termsOf("台南 harvest in 2019").keys()]).toEqual([
      "@tainan",
      "~yield",
      "#2019",
    ]);
    expect(
      vocabulary.findPlaces(matchForm("Southern Taiwan Science Park")).map((p) => p.id),
    ).toEqual(["tainan"]);
    // A gazetteer name that is not a table place, and this corpus's places unknown elsewhere.
    expect([...vocabulary.termsOf("Kaohsiung").keys()]).toEqual(["kaohsiung"]);
    expect(CORPUS_TABLES.findPlaces(matchForm("台南"))).toEqual([]);
  });

  it("without knowledge, reads plain words and years", () => {
    const none = createTableVocabulary({ gazetteer: [], tablePlaces: [], concepts: [] });
    expect([...none.termsOf("Beijing exports, 2007").keys()]).toEqual(["beij", "export", "#2007"]);
  });
});
