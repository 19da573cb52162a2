import { describe, expect, it } from "vitest";
import { GAZETTEER } from "../../src/lexicon/gazetteer.js";
import { matchForm } from "../../src/text/fold.js";
import { findPlaces, PLACES } from "../../src/tables/names.js";
import { SAME_PLACE, TABLE_ALIASES, TABLE_PLACES } from "../../src/tables/places.js";

const placeIds = (text: string) => findPlaces(matchForm(text)).map((p) => p.id);

describe("table places", () => {
  it("name only places the gazetteer has", () => {
    const canonical = new Set(GAZETTEER.map((e) => e.en[0]));
    for (const name of [...TABLE_PLACES, ...Object.keys(SAME_PLACE), ...Object.keys(TABLE_ALIASES)])
      expect(canonical).toContain(name);
  });

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

  it("have one id each", () => {
    expect(new Set(PLACES.map((p) => p.id)).size).toBe(TABLE_PLACES.length);
  });
});
