import { describe, expect, it } from "vitest";
import { formatLocator } from "../../src/cite/locator.js";

describe("formatLocator", () => {
  it.each([
    [{ section: "12.2" }, "§12.2"],
    [{ page: 12 }, "p. 12"],
    [{ table: "2" }, "Table 2"],
    [{ table: "Tab. 1" }, "Table 1"],
    [{ table: "表2" }, "表2"],
    [{ paragraph: 3 }, "¶ 3"],
    [{ sectionTitle: "R&D input" }, "“R&D input” section"],
    [{ section: "第一章" }, "第一章"],
    [{ section: "12.2", sectionTitle: "R&D input", page: 12 }, "§12.2, p. 12"],
    [{ section: null, page: null, table: "  " }, ""],
    [{}, ""],
  ])("%j → %s", (locator, expected) => {
    expect(formatLocator(locator)).toBe(expected);
  });
});
