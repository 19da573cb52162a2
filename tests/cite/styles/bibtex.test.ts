import { describe, expect, it } from "vitest";
import { formatInText, formatReference, formatReferenceHtml } from "../../../src/cite/format.js";
import { bibtexKey, escapeLatex } from "../../../src/cite/styles/bibtex.js";
import {
  bohai,
  bohaiChapterHan,
  censusYearbook,
  chen,
  liefner,
  make,
  zhongguancun,
  zhou,
} from "../fixtures.js";

describe("BibTeX entry", () => {
  it.each([
    [
      "journal article with four authors and unknown year",
      zhou,
      `@article{zhounddecentering,
  author = {Zhou, Yu and Sun, Yifei and Wei, Y. H. Dennis and Lin, George C. S.},
  title = {De-centering ‘spatial fix’—patterns of territorialization and regional technological dynamism of {ICT} hubs in {China}}
}`,
    ],
    [
      "single author with DOI; & escaped; pages with --",
      chen,
      `@article{chen2014varieties,
  author = {Chen, Ling},
  title = {Varieties of global capital and the paradox of local upgrading in {China}},
  journal = {Politics \\& Society},
  year = {2014},
  pages = {1--30},
  publisher = {SAGE Publications},
  doi = {10.1177/0032329213519422},
  url = {http://pas.sagepub.com/content/early/2014/02/21/0032329213519422}
}`,
    ],
    [
      "two authors with volume and number",
      liefner,
      `@article{liefner2019advancing,
  author = {Liefner, Ingo and Kroll, Henning},
  title = {Advancing the structured analysis of regional innovation in {China}. {Integrating} new perspectives in a comprehensive approach},
  journal = {Erdkunde},
  year = {2019},
  volume = {73},
  number = {3},
  pages = {167--184}
}`,
    ],
    [
      "Chinese report with unknown author: @techreport, anon key",
      bohai,
      `@techreport{anonndresearch,
  title = {[Research report on the pan-Bohai region and science parks]}
}`,
    ],
    [
      "unknown author and year: @misc",
      zhongguancun,
      `@misc{anonndpaper,
  title = {[Paper on the Zhong’guancun local innovation milieu]}
}`,
    ],
    [
      "organisation braced as one name; a capitalised first word needs no braces",
      censusYearbook,
      `@book{national2006china,
  author = {{National Bureau of Statistics of China}},
  title = {China 2004 economic census yearbook},
  year = {2006},
  publisher = {China National Statistical Press}
}`,
    ],
  ])("%s", (_name, entry, expected) => {
    expect(formatReference(entry, "bibtex")).toBe(expected);
  });

  it("braces Chinese-script names and keys them from the English title", () => {
    const entry = formatReference(bohaiChapterHan, "bibtex");
    expect(entry.split("\n")[0]).toBe("@techreport{anonndstill,");
    expect(entry).toContain("author = {{楊勝群} and {王振寰}}");
  });

  it("escapes LaTeX specials and keeps braces balanced", () => {
    expect(escapeLatex("100% {R&D} $5 #1 a_b ~ ^ \\")).toBe(
      "100\\% \\textbraceleft{}R\\&D\\textbraceright{} \\$5 \\#1 a\\_b \\textasciitilde{} \\textasciicircum{} \\textbackslash{}",
    );
    const reference = formatReference(
      make({ title: "Costs of {braces}", authors: [{ literal: "R&D Lab" }] }),
      "bibtex",
    );
    expect(reference.split("{").length).toBe(reference.split("}").length);
  });

  it("makes stable keys from ASCII-folded family name, year and first non-article word", () => {
    expect(
      bibtexKey(
        make({
          title: "The Élan of regions",
          authors: [{ family: "Müller", given: "Jörg" }],
          year: 2001,
        }),
      ),
    ).toBe("muller2001elan");
  });

  it("escapes only for HTML in formatReferenceHtml", () => {
    expect(formatReferenceHtml(chen, "bibtex")).toContain("journal = {Politics \\&amp; Society}");
  });

  it("cites with the locator as postnote", () => {
    expect(formatInText(chen, "bibtex", { page: 12 })).toBe("\\cite[p. 12]{chen2014varieties}");
    expect(formatInText(zhou, "bibtex")).toBe("\\cite{zhounddecentering}");
  });
});
