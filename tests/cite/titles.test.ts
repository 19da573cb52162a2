import { describe, expect, it } from "vitest";
import {
  APA_TITLE_CASE,
  CHICAGO_TITLE_CASE,
  MLA_TITLE_CASE,
  shortTitle,
  titleCase,
} from "../../src/cite/titles.js";

describe("titleCase", () => {
  it("keeps minor words lowercase except first, last and after a subtitle break", () => {
    expect(titleCase("the art of war: on the use of force", CHICAGO_TITLE_CASE)).toBe(
      "The Art of War: On the Use of Force",
    );
    expect(titleCase("what it is for", MLA_TITLE_CASE)).toBe("What It Is For");
  });

  it("keeps words that already carry capitals (China, ICT, R&D)", () => {
    expect(titleCase("R&D of ICT hubs in China", CHICAGO_TITLE_CASE)).toBe(
      "R&D of ICT Hubs in China",
    );
  });

  it("follows each style for hyphenated prefixes", () => {
    expect(titleCase("de-centering the self-report", CHICAGO_TITLE_CASE)).toBe(
      "De-centering the Self-Report",
    );
    expect(titleCase("de-centering the self-report", MLA_TITLE_CASE)).toBe(
      "De-Centering the Self-Report",
    );
    expect(titleCase("de-centering the self-report", APA_TITLE_CASE)).toBe(
      "De-Centering the Self-Report",
    );
  });

  it("capitalises inside opening quotation marks and after dashes", () => {
    expect(titleCase("‘spatial fix’—patterns", CHICAGO_TITLE_CASE)).toBe("‘Spatial Fix’—Patterns");
  });

  it("capitalises 'so' and 'yet' in Chicago but not in MLA; APA capitalises words of four letters or more", () => {
    expect(titleCase("rich yet poor", CHICAGO_TITLE_CASE)).toBe("Rich Yet Poor");
    expect(titleCase("rich yet poor", MLA_TITLE_CASE)).toBe("Rich yet Poor");
    expect(titleCase("life between cities", APA_TITLE_CASE)).toBe("Life Between Cities");
  });

  it("leaves Chinese text unchanged", () => {
    expect(titleCase("仍然是經濟空間分工？", MLA_TITLE_CASE)).toBe("仍然是經濟空間分工？");
  });
});

describe("shortTitle", () => {
  it("takes the main title, at most four words, without a trailing minor word", () => {
    expect(
      shortTitle("Varieties of global capital and the paradox of local upgrading in China"),
    ).toBe("Varieties of global capital");
    expect(shortTitle("De-centering ‘spatial fix’—patterns of territorialization")).toBe(
      "De-centering ‘spatial fix’",
    );
    expect(shortTitle("Cities of the south")).toBe("Cities of the south");
    expect(shortTitle("Learning in and from Asia")).toBe("Learning");
  });

  it("cuts Chinese titles at full-width punctuation", () => {
    expect(shortTitle("仍然是經濟空間分工？環渤海城市區域的治理與矛盾")).toBe("仍然是經濟空間分工");
  });
});
