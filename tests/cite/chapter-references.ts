/**
 * The references of chapter 1 of the pan-Bohai report (楊勝群 and 王振寰, romanised in its byline as
 * Sheng-chun Yang and Jenn-hwan Wang), written out by hand from the style guides: APA 7 §10.3
 * (chapter, translated title in brackets, untitled container described in brackets), Chicago 17
 * author-date §15.9 and §14.107 (title in the original script with a bracketed translation), MLA 9
 * (translation in brackets, description of an untitled container), BibTeX @incollection and RIS CHAP.
 */
export const CHAPTER_ONE_REFERENCES = {
  apa: "Yang, S.-C., & Wang, J.-H. (n.d.). 仍然是經濟空間分工？環渤海城市區域的治理與矛盾 [Still an economically spatial division of labor? The governance and contradiction of the pan-Bohai city-region]. In [Research report on the pan-Bohai region and science parks].",
  chicago:
    "Yang, Sheng-chun, and Jenn-hwan Wang. n.d. “仍然是經濟空間分工？環渤海城市區域的治理與矛盾” [Still an economically spatial division of labor? The governance and contradiction of the pan-Bohai city-region]. In Research report on the pan-Bohai region and science parks.",
  mla: "Yang, Sheng-chun, and Jenn-hwan Wang. “仍然是經濟空間分工？環渤海城市區域的治理與矛盾” [Still an Economically Spatial Division of Labor? The Governance and Contradiction of the Pan-Bohai City-Region]. Research report on the pan-Bohai region and science parks.",
  bibtex: [
    "@incollection{yangndstill,",
    "  author = {Yang, Sheng-chun and Wang, Jenn-hwan},",
    "  title = {仍然是經濟空間分工？環渤海城市區域的治理與矛盾 [{Still} an economically spatial division of labor? {The} governance and contradiction of the {pan-Bohai} city-region]},",
    "  booktitle = {[Research report on the pan-Bohai region and science parks]}",
    "}",
  ].join("\n"),
  ris: [
    "TY  - CHAP",
    "AU  - Yang, Sheng-chun",
    "AU  - Wang, Jenn-hwan",
    "TI  - 仍然是經濟空間分工？環渤海城市區域的治理與矛盾",
    "TT  - Still an economically spatial division of labor? The governance and contradiction of the pan-Bohai city-region",
    "T2  - [Research report on the pan-Bohai region and science parks]",
    "LA  - zh-Hant",
    "ER  - ",
  ].join("\n"),
} as const;
