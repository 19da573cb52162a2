import { describe, expect, it } from "vitest";
import { formatInText, formatReference, formatReferenceHtml } from "../../../src/cite/format.js";
import {
  anonymousArticle,
  bohai,
  bohaiChapter,
  bohaiChapterHan,
  censusYearbook,
  chen,
  liefner,
  withAuthors,
  zhongguancun,
  zhou,
} from "../fixtures.js";

describe("APA 7 reference", () => {
  it.each([
    [
      "four authors, no journal or year: all listed, & before the last, n.d.",
      zhou,
      "Zhou, Y., Sun, Y., Wei, Y. H. D., & Lin, G. C. S. (n.d.). De-centering ‘spatial fix’—patterns of territorialization and regional technological dynamism of ICT hubs in China.",
    ],
    [
      "one author with DOI as https://doi.org/… and no closing period after it",
      chen,
      "Chen, L. (2014). Varieties of global capital and the paradox of local upgrading in China. Politics & Society, 1–30. https://doi.org/10.1177/0032329213519422",
    ],
    [
      "two authors, volume(issue), full page range with en dash",
      liefner,
      "Liefner, I., & Kroll, H. (2019). Advancing the structured analysis of regional innovation in China. Integrating new perspectives in a comprehensive approach. Erdkunde, 73(3), 167–184.",
    ],
    [
      "Chinese report with no author, title or year: bracketed description first",
      bohai,
      "[Research report on the pan-Bohai region and science parks]. (n.d.).",
    ],
    [
      "no author and no year",
      zhongguancun,
      "[Paper on the Zhong’guancun local innovation milieu]. (n.d.).",
    ],
    [
      "original-script title with the document's English title in brackets; hyphenated initials",
      bohaiChapter,
      "Yang, S.-C., & Wang, J.-H. (n.d.). 仍然是經濟空間分工？環渤海城市區域的治理與矛盾 [Still an economically spatial division of labor? The governance and contradiction of the pan-Bohai city-region].",
    ],
    [
      "names in Chinese script are neither inverted nor abbreviated",
      bohaiChapterHan,
      "楊勝群, & 王振寰. (n.d.). 仍然是經濟空間分工？環渤海城市區域的治理與矛盾 [Still an economically spatial division of labor? The governance and contradiction of the pan-Bohai city-region].",
    ],
    [
      "organisation as author, followed by a period",
      censusYearbook,
      "National Bureau of Statistics of China. (2006). China 2004 economic census yearbook. China National Statistical Press.",
    ],
    [
      "no author: the title moves before the date",
      anonymousArticle,
      "Varieties of global capital and the paradox of local upgrading in China. (2014). Politics & Society, 1–30.",
    ],
  ])("%s", (_name, entry, expected) => {
    expect(formatReference(entry, "apa")).toBe(expected);
  });

  it("lists up to 20 authors", () => {
    const reference = formatReference(withAuthors(20), "apa");
    expect(reference).toMatch(
      /^Author1, A\., Author2, A\., .*Author19, A\., & Author20, A\. \(2020\)\. Many hands\. Erdkunde\.$/,
    );
  });

  it("gives the first 19, an ellipsis and the last of 21 or more authors", () => {
    const reference = formatReference(withAuthors(21), "apa");
    expect(reference).toContain("Author18, A., Author19, A., . . . Author21, A. (2020).");
    expect(reference).not.toContain("Author20");
  });

  it("italicises the journal and volume in HTML and escapes the text", () => {
    expect(formatReferenceHtml(liefner, "apa")).toBe(
      "Liefner, I., &amp; Kroll, H. (2019). Advancing the structured analysis of regional innovation in China. Integrating new perspectives in a comprehensive approach. <i>Erdkunde</i>, <i>73</i>(3), 167–184.",
    );
    expect(formatReferenceHtml(bohaiChapter, "apa")).toContain(
      "(n.d.). <i>仍然是經濟空間分工？環渤海城市區域的治理與矛盾</i> [Still",
    );
  });
});

describe("APA 7 in-text citation", () => {
  it.each([
    [
      "three or more authors → et al.; section",
      zhou,
      { section: "12.2" },
      "(Zhou et al., n.d., Section 12.2)",
    ],
    ["page", chen, { page: 12 }, "(Chen, 2014, p. 12)"],
    ["two authors joined by &; table", liefner, { table: "2" }, "(Liefner & Kroll, 2019, Table 2)"],
    [
      "the document's own table label",
      liefner,
      { table: "Tab. 1" },
      "(Liefner & Kroll, 2019, Table 1)",
    ],
    ["paragraph", chen, { paragraph: 3 }, "(Chen, 2014, para. 3)"],
    ["section heading", chen, { sectionTitle: "Abstract" }, "(Chen, 2014, “Abstract” section)"],
    [
      "Chinese table label kept; description for a missing author",
      bohai,
      { table: "表2" },
      "([Research report on the pan-Bohai region and science parks], n.d., 表2)",
    ],
    [
      "no locator",
      zhongguancun,
      undefined,
      "([Paper on the Zhong’guancun local innovation milieu], n.d.)",
    ],
    ["organisation", censusYearbook, undefined, "(National Bureau of Statistics of China, 2006)"],
    [
      "no author: short title in title case and quotation marks",
      anonymousArticle,
      { page: 12 },
      "(“Varieties of Global Capital,” 2014, p. 12)",
    ],
    ["Chinese-script names in full", bohaiChapterHan, undefined, "(楊勝群 & 王振寰, n.d.)"],
  ])("%s", (_name, entry, locator, expected) => {
    expect(formatInText(entry, "apa", locator)).toBe(expected);
  });
});
