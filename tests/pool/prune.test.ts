import { describe, expect, it } from "vitest";
import { languageSource } from "../../src/cli/wire.js";
import { pruneInThread } from "../../src/pool/prune.js";
import { CORPUS_DIR } from "../fixtures/knowledge.js";

const CHINESE_REPORT = "bohai-rim-science-parks-report.txt";

describe("the dictionary pruned to the served documents", () => {
  it("is worked out in a thread, keeping the words of those documents only", async () => {
    const { text, headwords } = await pruneInThread(CORPUS_DIR, [CHINESE_REPORT]);
    const words = new Set(text.split("\n").map((line) => line.split(" ", 2)[1]));
    expect(words.has("科学园区") || words.has("科学")).toBe(true);
    expect(words.has("天津")).toBe(true);
    // Words none of the documents can connect to keep only their headword, for segmentation.
    expect(headwords.split("\n")).toContain("骆驼");
    expect(words.has("骆驼")).toBe(false);
  }, 60_000);

  it("fails with a clear message for a document that is not there", async () => {
    await expect(pruneInThread(CORPUS_DIR, ["no-such-file.txt"])).rejects.toThrow(
      /could not be pruned/u,
    );
  }, 60_000);

  it("is pruned again only when the index's documents change", async () => {
    const calls: string[][] = [];
    const languages = languageSource(CORPUS_DIR, (sources) => {
      calls.push([...sources]);
      return pruneInThread(CORPUS_DIR, sources);
    });
    const files = [{ source: CHINESE_REPORT, sha256: "a" }];
    const first = await languages.current(files);
    expect(await languages.current(files)).toBe(first);
    expect(first.lexicon?.toEnglish("天津")).toContain("tianjin");
    await languages.current([{ source: CHINESE_REPORT, sha256: "b" }]);
    expect(calls).toHaveLength(2);
  }, 120_000);
});
