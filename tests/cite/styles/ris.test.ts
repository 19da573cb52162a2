import { describe, expect, it } from "vitest";
import { formatReference } from "../../../src/cite/format.js";
import { bohai, bohaiChapter, chen, liefner, zhongguancun, zhou } from "../fixtures.js";

describe("RIS record", () => {
  it.each([
    [
      "four authors, no year or journal",
      zhou,
      [
        "TY  - JOUR",
        "AU  - Zhou, Yu",
        "AU  - Sun, Yifei",
        "AU  - Wei, Y. H. Dennis",
        "AU  - Lin, George C. S.",
        "TI  - De-centering ‘spatial fix’—patterns of territorialization and regional technological dynamism of ICT hubs in China",
        "LA  - en",
        "ER  - ",
      ],
    ],
    [
      "single author with DOI",
      chen,
      [
        "TY  - JOUR",
        "AU  - Chen, Ling",
        "PY  - 2014",
        "TI  - Varieties of global capital and the paradox of local upgrading in China",
        "T2  - Politics & Society",
        "SP  - 1",
        "EP  - 30",
        "PB  - SAGE Publications",
        "DO  - 10.1177/0032329213519422",
        "UR  - http://pas.sagepub.com/content/early/2014/02/21/0032329213519422",
        "LA  - en",
        "ER  - ",
      ],
    ],
    [
      "two authors, volume, issue, pages split into SP and EP",
      liefner,
      [
        "TY  - JOUR",
        "AU  - Liefner, Ingo",
        "AU  - Kroll, Henning",
        "PY  - 2019",
        "TI  - Advancing the structured analysis of regional innovation in China. Integrating new perspectives in a comprehensive approach",
        "T2  - Erdkunde",
        "VL  - 73",
        "IS  - 3",
        "SP  - 167",
        "EP  - 184",
        "LA  - en",
        "ER  - ",
      ],
    ],
    [
      "Chinese report with unknown author",
      bohai,
      [
        "TY  - RPRT",
        "TI  - [Research report on the pan-Bohai region and science parks]",
        "LA  - zh-Hant; en",
        "ER  - ",
      ],
    ],
    [
      "unknown author and year",
      zhongguancun,
      [
        "TY  - GEN",
        "TI  - [Paper on the Zhong’guancun local innovation milieu]",
        "LA  - en",
        "ER  - ",
      ],
    ],
    [
      "original-script title in TI, the document's translation in TT",
      bohaiChapter,
      [
        "TY  - RPRT",
        "AU  - Yang, Sheng-chun",
        "AU  - Wang, Jenn-hwan",
        "TI  - 仍然是經濟空間分工？環渤海城市區域的治理與矛盾",
        "TT  - Still an economically spatial division of labor? The governance and contradiction of the pan-Bohai city-region",
        "LA  - zh-Hant; en",
        "ER  - ",
      ],
    ],
  ])("%s", (_name, entry, lines) => {
    expect(formatReference(entry, "ris")).toBe(lines.join("\n"));
  });
});
