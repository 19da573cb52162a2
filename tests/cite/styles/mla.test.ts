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

describe("MLA 9 works-cited entry", () => {
  it.each([
    [
      "three or more authors → first author, et al.; no date is left out; word after a hyphen capitalised",
      zhou,
      "Zhou, Yu, et al. “De-Centering ‘Spatial Fix’—Patterns of Territorialization and Regional Technological Dynamism of ICT Hubs in China.”",
    ],
    [
      "one author; container, date, pp., DOI",
      chen,
      "Chen, Ling. “Varieties of Global Capital and the Paradox of Local Upgrading in China.” Politics & Society, 2014, pp. 1–30, https://doi.org/10.1177/0032329213519422.",
    ],
    [
      "two authors; vol., no., last two digits of the second page",
      liefner,
      "Liefner, Ingo, and Henning Kroll. “Advancing the Structured Analysis of Regional Innovation in China. Integrating New Perspectives in a Comprehensive Approach.” Erdkunde, vol. 73, no. 3, 2019, pp. 167–84.",
    ],
    [
      "Chinese report without author, title or year: description first",
      bohai,
      "Research report on the pan-Bohai region and science parks.",
    ],
    ["no author and no year", zhongguancun, "Paper on the Zhong’guancun local innovation milieu."],
    [
      "original-script title with the translation in brackets",
      bohaiChapter,
      "Yang, Sheng-chun, and Jenn-hwan Wang. 仍然是經濟空間分工？環渤海城市區域的治理與矛盾 [Still an Economically Spatial Division of Labor? The Governance and Contradiction of the Pan-Bohai City-Region].",
    ],
    [
      "organisation as author; publisher, year",
      censusYearbook,
      "National Bureau of Statistics of China. China 2004 Economic Census Yearbook. China National Statistical Press, 2006.",
    ],
    [
      "no author: title first",
      anonymousArticle,
      "“Varieties of Global Capital and the Paradox of Local Upgrading in China.” Politics & Society, 2014, pp. 1–30.",
    ],
    [
      "three authors → et al.",
      withAuthors(3),
      "Author1, Ann1, et al. “Many Hands.” Erdkunde, 2020.",
    ],
  ])("%s", (_name, entry, expected) => {
    expect(formatReference(entry, "mla")).toBe(expected);
  });

  it("italicises the container in HTML and escapes the ampersand", () => {
    expect(formatReferenceHtml(chen, "mla")).toBe(
      "Chen, Ling. “Varieties of Global Capital and the Paradox of Local Upgrading in China.” <i>Politics &amp; Society</i>, 2014, pp. 1–30, https://doi.org/10.1177/0032329213519422.",
    );
  });
});

describe("MLA 9 in-text citation", () => {
  it.each([
    ["et al.; section after a comma", zhou, { section: "12.2" }, "(Zhou et al., sec. 12.2)"],
    ["page directly after the name", chen, { page: 12 }, "(Chen 12)"],
    ["two authors; table after a comma", liefner, { table: "2" }, "(Liefner and Kroll, table 2)"],
    ["paragraph", chen, { paragraph: 3 }, "(Chen, par. 3)"],
    [
      "Chinese table label",
      bohai,
      { table: "表2" },
      "(Research report on the pan-Bohai region and science parks, 表2)",
    ],
    ["no locator", zhou, undefined, "(Zhou et al.)"],
    [
      "no author: short title",
      anonymousArticle,
      { page: 12 },
      "(“Varieties of Global Capital” 12)",
    ],
  ])("%s", (_name, entry, locator, expected) => {
    expect(formatInText(entry, "mla", locator)).toBe(expected);
  });
});
