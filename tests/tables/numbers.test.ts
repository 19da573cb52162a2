import { describe, expect, it } from "vitest";
import { isMissing, isYear, parseNumber } from "../../src/tables/numbers.js";
import { unitFromLabel, unitFromLine } from "../../src/tables/units.js";

describe("parseNumber", () => {
  it.each([
    ["1,132", 1132, false, 0],
    ["125,412", 125412, false, 0],
    ["55.97%", 55.97, true, 2],
    ["-1.55", -1.55, false, 2],
    ["−0.99", -0.99, false, 2],
    ["(3.2)", -3.2, false, 1],
    ["100.0", 100, false, 1],
    [".5", 0.5, false, 1],
    ["１２．５％", 12.5, true, 1],
  ])("reads %s", (text, value, percent, decimals) => {
    expect(parseNumber(text)).toEqual({ value, percent, decimals });
  });

  it.each(["—", "-", "46／50", "6.3 KM2", "Haidian", "1,13", "(4"])("rejects %s", (text) => {
    expect(parseNumber(text)).toBeNull();
  });

  it("knows missing-value marks and years", () => {
    expect(isMissing("—")).toBe(true);
    expect(isMissing("n/a")).toBe(true);
    expect(isMissing("0")).toBe(false);
    expect(isYear("2007")).toBe(true);
    expect(isYear("3111")).toBe(false);
  });
});

describe("units", () => {
  it("reads unit lines in both scripts and bracket styles", () => {
    expect(unitFromLine("單位：億元人民幣")).toBe("億元人民幣");
    expect(unitFromLine("(單位：億韓元)")).toBe("億韓元");
    expect(unitFromLine("Unit: million USD")).toBe("million USD");
    expect(unitFromLine("北京市")).toBeNull();
  });

  it("reads units from headers but not qualifiers", () => {
    expect(unitFromLabel("Population (thousand)")).toBe("thousand");
    expect(unitFromLabel("外商直接投資（億美金）")).toBe("億美金");
    expect(unitFromLabel("Account for firms’ total (percentage)")).toBe("%");
    expect(unitFromLabel("Mean % of employees")).toBe("%");
    expect(unitFromLabel("Z-score (domestic)")).toBeNull();
    expect(unitFromLabel("No. of exporting firms")).toBeNull();
  });
});
