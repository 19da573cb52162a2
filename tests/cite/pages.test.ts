import { describe, expect, it } from "vitest";
import { formatPageRange, splitPages } from "../../src/cite/pages.js";

describe("formatPageRange", () => {
  it.each([
    ["167-184", "full", "167–184"],
    ["1–30", "full", "1–30"],
    ["12", "full", "12"],
    // CMOS 17 §9.64
    ["3-10", "chicago", "3–10"],
    ["96-117", "chicago", "96–117"],
    ["100-104", "chicago", "100–104"],
    ["101-108", "chicago", "101–8"],
    ["808-833", "chicago", "808–33"],
    ["321-328", "chicago", "321–28"],
    ["498-532", "chicago", "498–532"],
    ["1496-1500", "chicago", "1496–500"],
    ["12991-13001", "chicago", "12991–3001"],
    ["167-184", "chicago", "167–84"],
    // MLA 9
    ["21-48", "mla", "21–48"],
    ["107-109", "mla", "107–09"],
    ["389-401", "mla", "389–401"],
    ["1732-1736", "mla", "1732–36"],
    ["167–184", "mla", "167–84"],
    ["xii-xiv", "mla", "xii–xiv"],
  ] as const)("%s (%s) → %s", (pages, style, expected) => {
    expect(formatPageRange(pages, style)).toBe(expected);
  });

  it("splits on hyphens, en dashes and em dashes", () => {
    expect(splitPages("167 – 184")).toEqual({ first: "167", last: "184" });
    expect(splitPages("e12")).toEqual({ first: "e12", last: null });
  });
});
