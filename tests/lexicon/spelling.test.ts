import { describe, expect, it } from "vitest";
import { compileGazetteer } from "../../src/lexicon/names.js";

const names = compileGazetteer([
  { en: ["Xiamen", "Amoy"], zh: ["廈門"] },
  { en: ["Quanzhou"], zh: ["泉州"] },
  { en: ["Quzhou"], zh: ["衢州"] },
]);

describe("gazetteer spelling", () => {
  it("respells a word one letter away from exactly one name", () => {
    expect(names.spelling("Xaimen")).toBe("Xiamen");
    expect(names.spelling("Xiammen")).toBe("Xiamen");
    expect(names.spelling("Quanzou")).toBe("Quanzhou");
  });
  it("leaves known names, short words, far words and ties alone", () => {
    expect(names.spelling("Xiamen")).toBeNull();
    expect(names.spelling("Amoi")).toBeNull();
    expect(names.spelling("Shanghai")).toBeNull();
  });
});
