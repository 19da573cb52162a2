import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { chapterAt, chapterEntry, citedEntry } from "../../src/cite/chapters.js";
import { formatInText, formatReference } from "../../src/cite/index.js";
import { CHAPTER_ONE_REFERENCES } from "./chapter-references.js";
import { CORPUS_DIR, catalog } from "./fixtures.js";

const report = catalog["bohai-rim-science-parks-report"]!;
const raw = readFileSync(`${CORPUS_DIR}${report.source}`, "utf8");
const chapter = (number: string) =>
  chapterEntry(
    report,
    report.chapters.find((c) => c.number === number)!,
  );
const at = (text: string) => {
  const i = raw.indexOf(text);
  if (i < 0) throw new Error(`not in the report: ${text}`);
  return i;
};

describe("chapters of the report", () => {
  it("finds the chapter holding a passage, and the report itself before the first chapter", () => {
    expect(chapterAt(report, raw, at("天津與北京之間的競爭"))).toBeNull();
    expect(
      chapterAt(report, raw, at("自中國改革開放以來，世人多將目光聚焦在珠三角"))?.chapter.number,
    ).toBe("第一章");
    expect(
      chapterAt(report, raw, at("This purpose of this paper is to compare"))?.chapter.number,
    ).toBe("第二章");
    expect(chapterAt(report, raw, at("國家對於地理空間的影響分為兩派說法"))?.chapter.number).toBe(
      "第五章",
    );
    expect(citedEntry(report, raw, 0)).toBe(report);
  });

  it.each(Object.entries(CHAPTER_ONE_REFERENCES))(
    "cites the first chapter by its own authors and title, in the report (%s)",
    (style, expected) => {
      expect(formatReference(chapter("第一章"), style as keyof typeof CHAPTER_ONE_REFERENCES)).toBe(
        expected,
      );
    },
  );

  it("names the fifth chapter's authors as the byline writes them, in Chinese script", () => {
    expect(formatReference(chapter("第五章"), "apa")).toBe(
      "蔡青蓉, & 陳俊銘. (n.d.). 國家再尺度化與區域路徑依賴：南韓首爾市與大德科學園區的比較 [State re-scaling and regional development: The case of Seoul and Daedeok in South Korea]. In [Research report on the pan-Bohai region and science parks].",
    );
    expect(formatReference(chapter("第五章"), "chicago")).toMatch(/^蔡青蓉 and 陳俊銘\. n\.d\. /u);
    expect(formatReference(chapter("第五章"), "ris")).toContain("AU  - 蔡青蓉\nAU  - 陳俊銘\n");
  });

  it("cites the second chapter's single author and English title", () => {
    expect(formatReference(chapter("第二章"), "apa")).toBe(
      "Wang, J. H. (n.d.). The evolution and innovation of industrial clusters in East Asia: Taiwan’s Hsinchu, China’ Zongguancun, and Korea’s Daedock. In [Research report on the pan-Bohai region and science parks].",
    );
  });

  it("reads naturally in text: chapter authors, then the section and paragraph in Chinese", () => {
    const locator = { section: "第三節", paragraph: 2, lang: "zh" as const };
    expect(formatInText(chapter("第一章"), "apa", locator)).toBe(
      "(Yang & Wang, n.d., 第三節, 第2段)",
    );
    expect(formatInText(chapter("第一章"), "chicago", locator)).toBe(
      "(Yang and Wang n.d., 第三節, 第2段)",
    );
    expect(formatInText(chapter("第一章"), "mla", locator)).toBe("(Yang and Wang, 第三節, 第2段)");
    expect(formatInText(chapter("第一章"), "bibtex", locator)).toBe(
      "\\cite[第三節, 第2段]{yangndstill}",
    );
  });

  it("cites an unsigned chapter by its title, and the untitled fourth paper by a description", () => {
    expect(formatInText(chapter("第三章"), "apa", { section: "2", paragraph: 1 })).toBe(
      "(“Local States, Institutional Changes,” n.d., Section 2, para. 1)",
    );
    const fourth = chapterEntry(
      report,
      report.chapters.find((c) => c.number === null)!,
    );
    expect(formatReference(fourth, "apa")).toBe(
      "[Paper on high-tech industrial parks as territorial projects in Beijing and Shanghai]. (n.d.). In [Research report on the pan-Bohai region and science parks].",
    );
  });
});
