import { describe, expect, it } from "vitest";
import { formatInText, formatReference, formatReferenceHtml } from "../../../src/cite/format.js";
import {
  anonymousArticle,
  bohai,
  bohaiChapter,
  censusYearbook,
  chen,
  liefner,
  withAuthors,
  zhongguancun,
  zhou,
} from "../fixtures.js";

describe("Chicago 17 author-date reference", () => {
  it.each([
    [
      "four authors all listed, first inverted; n.d.; headline-case title in quotation marks, prefix 'De-' keeps lowercase",
      zhou,
      "Zhou, Yu, Yifei Sun, Y. H. Dennis Wei, and George C. S. Lin. n.d. “De-centering ‘Spatial Fix’—Patterns of Territorialization and Regional Technological Dynamism of ICT Hubs in China.”",
    ],
    [
      "one author; no volume, so pages follow a comma; DOI closed by a period",
      chen,
      "Chen, Ling. 2014. “Varieties of Global Capital and the Paradox of Local Upgrading in China.” Politics & Society, 1–30. https://doi.org/10.1177/0032329213519422.",
    ],
    [
      "two authors; volume, no. issue: abbreviated page range",
      liefner,
      "Liefner, Ingo, and Henning Kroll. 2019. “Advancing the Structured Analysis of Regional Innovation in China. Integrating New Perspectives in a Comprehensive Approach.” Erdkunde 73, no. 3: 167–84.",
    ],
    [
      "Chinese report without author, title or year",
      bohai,
      "Research report on the pan-Bohai region and science parks. n.d.",
    ],
    [
      "no author and no year",
      zhongguancun,
      "Paper on the Zhong’guancun local innovation milieu. n.d.",
    ],
    [
      "original-script title, translation in brackets in sentence case",
      bohaiChapter,
      "Yang, Sheng-chun, and Jenn-hwan Wang. n.d. 仍然是經濟空間分工？環渤海城市區域的治理與矛盾 [Still an economically spatial division of labor? The governance and contradiction of the pan-Bohai city-region].",
    ],
    [
      "organisation as author",
      censusYearbook,
      "National Bureau of Statistics of China. 2006. China 2004 Economic Census Yearbook. China National Statistical Press.",
    ],
    [
      "no author: title first, then the year",
      anonymousArticle,
      "“Varieties of Global Capital and the Paradox of Local Upgrading in China.” 2014. Politics & Society, 1–30.",
    ],
  ])("%s", (_name, entry, expected) => {
    expect(formatReference(entry, "chicago")).toBe(expected);
  });

  it("lists ten authors in full", () => {
    const reference = formatReference(withAuthors(10), "chicago");
    expect(reference.startsWith("Author1, Ann1, Ann2 Author2, Ann3 Author3,")).toBe(true);
    expect(reference).toContain(", Ann9 Author9, and Ann10 Author10. 2020.");
  });

  it("lists the first seven of more than ten authors, then et al.", () => {
    expect(formatReference(withAuthors(11), "chicago")).toBe(
      "Author1, Ann1, Ann2 Author2, Ann3 Author3, Ann4 Author4, Ann5 Author5, Ann6 Author6, Ann7 Author7, et al. 2020. “Many Hands.” Erdkunde.",
    );
  });

  it("italicises the journal in HTML", () => {
    expect(formatReferenceHtml(liefner, "chicago")).toContain(
      "Approach.” <i>Erdkunde</i> 73, no. 3: 167–84.",
    );
  });
});

describe("Chicago 17 author-date in-text citation", () => {
  it.each([
    [
      "four or more authors → et al.; section",
      zhou,
      { section: "12.2" },
      "(Zhou et al. n.d., sec. 12.2)",
    ],
    ["bare page number, no comma before the year", chen, { page: 12 }, "(Chen 2014, 12)"],
    [
      "two authors joined by 'and'; table",
      liefner,
      { table: "2" },
      "(Liefner and Kroll 2019, table 2)",
    ],
    ["paragraph", chen, { paragraph: 3 }, "(Chen 2014, par. 3)"],
    [
      "Chinese table label",
      bohai,
      { table: "表2" },
      "(Research report on the pan-Bohai region and science parks n.d., 表2)",
    ],
    ["three authors all named", withAuthors(3), undefined, "(Author1, Author2, and Author3 2020)"],
    ["four authors → et al.", withAuthors(4), undefined, "(Author1 et al. 2020)"],
    ["no author: short title", anonymousArticle, undefined, "(“Varieties of Global Capital” 2014)"],
  ])("%s", (_name, entry, locator, expected) => {
    expect(formatInText(entry, "chicago", locator)).toBe(expected);
  });
});
