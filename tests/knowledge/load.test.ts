import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, describe, expect, it } from "vitest";
import { AppError } from "../../src/errors.js";
import { knowledgeHash, loadKnowledge } from "../../src/knowledge/load.js";
import { writeCorpus } from "../fixtures/small-corpus.js";

const CORPUS_DIR = fileURLToPath(new URL("../../corpus/", import.meta.url));
const dirs: string[] = [];
afterAll(async () => {
  for (const dir of dirs) await rm(dir, { recursive: true, force: true });
});

/** A corpus folder whose knowledge/ holds `files` (name → JSON value, or raw text). */
async function corpusWith(files: Record<string, unknown>): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), "qa-knowledge-"));
  dirs.push(dir);
  await writeCorpus(
    dir,
    Object.fromEntries(
      Object.entries(files).map(([name, value]) => [
        `knowledge/${name}`,
        typeof value === "string" ? value : JSON.stringify(value),
      ]),
    ),
  );
  return dir;
}

/** The AppError a load fails with. */
async function failure(dir: string): Promise<AppError> {
  const error = await loadKnowledge(dir).then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(AppError);
  expect((error as AppError).code).toBe("corpus_unreadable");
  return error as AppError;
}

const GAZETTEER = {
  names: [
    { en: ["Tainan"], zh: ["臺南"], note: "a city" },
    { en: ["Chi Mei", "Chimei"], zh: ["奇美"], caseSensitive: true },
  ],
};

describe("loadKnowledge", () => {
  it("loads the project corpus's knowledge files", async () => {
    const k = await loadKnowledge(CORPUS_DIR);
    expect(k.gazetteer.find((n) => n.en[0] === "Daedeok")?.zh).toContain("大德");
    expect(k.dictionary.find((t) => t.zh === "学习型区域")?.en).toEqual(["learning region"]);
    expect(k.tablePlaces.find((p) => p.name === "Daedeok")?.aliases).toEqual(["DST"]);
    expect(k.concepts.map((c) => c.id)).toContain("employment");
    expect(k.hash).toMatch(/^[0-9a-f]{32}$/u);
  });

  it("reads valid files, with defaults filled in", async () => {
    const dir = await corpusWith({
      "gazetteer.json": GAZETTEER,
      "dictionary.json": { about: "terms", terms: [{ zh: "蘭花", en: ["orchid"] }] },
      "table-places.json": { places: [{ name: "Tainan", aliases: ["台南市"] }] },
      "table-concepts.json": { concepts: [{ id: "orchid", en: ["orchids"] }] },
    });
    const k = await loadKnowledge(dir);
    expect(k.gazetteer).toEqual([
      { en: ["Tainan"], zh: ["臺南"], note: "a city" },
      { en: ["Chi Mei", "Chimei"], zh: ["奇美"], caseSensitive: true },
    ]);
    expect(k.dictionary).toEqual([{ zh: "蘭花", en: ["orchid"] }]);
    expect(k.tablePlaces).toEqual([{ name: "Tainan", aliases: ["台南市"] }]);
    expect(k.concepts).toEqual([{ id: "orchid", en: ["orchids"], zh: [] }]);
  });

  it("takes a missing file, or a missing folder, as none", async () => {
    const some = await loadKnowledge(await corpusWith({ "gazetteer.json": GAZETTEER }));
    expect(some.gazetteer).toHaveLength(2);
    expect(some).toMatchObject({ dictionary: [], tablePlaces: [], concepts: [] });
    const none = await loadKnowledge(await mkdtemp(join(tmpdir(), "qa-knowledge-none-")));
    expect(none).toMatchObject({ gazetteer: [], dictionary: [], tablePlaces: [], concepts: [] });
    expect(none.hash).not.toBe(some.hash);
  });

  it("names the file and the field of a value that does not fit", async () => {
    const dir = await corpusWith({
      "gazetteer.json": {
        names: [
          { en: ["Tainan"], zh: ["臺南"] },
          { en: ["Chiayi"], zh: "嘉義" },
        ],
      },
    });
    const { message } = await failure(dir);
    expect(message).toContain(join(dir, "knowledge", "gazetteer.json"));
    expect(message).toMatch(/names\[1\]\.zh/u);
  });

  it("names a misspelt field, and a dictionary gloss that would break the dictionary", async () => {
    const typo = await failure(
      await corpusWith({
        "gazetteer.json": { names: [{ en: ["Tainan"], zh: ["臺南"], demonym: ["x"] }] },
      }),
    );
    expect(typo.message).toMatch(/gazetteer\.json is invalid[\s\S]*demonym/u);
    const slash = await failure(
      await corpusWith({ "dictionary.json": { terms: [{ zh: "蘭花", en: ["orchid/flower"] }] } }),
    );
    expect(slash.message).toMatch(/dictionary\.json is invalid[\s\S]*terms\[0\]\.en\[0\]/u);
  });

  it("names a file that is not JSON", async () => {
    const { message } = await failure(await corpusWith({ "table-concepts.json": "{ concepts: [" }));
    expect(message).toMatch(/table-concepts\.json is invalid: it is not valid JSON/u);
  });

  it("refuses table places the gazetteer does not know, and names claimed twice", async () => {
    const unknown = await failure(
      await corpusWith({
        "gazetteer.json": GAZETTEER,
        "table-places.json": { places: [{ name: "Tainan" }, { name: "Kaohsiung" }] },
      }),
    );
    expect(unknown.message).toMatch(
      /table-places\.json is invalid: places\[1\]\.name "Kaohsiung"/u,
    );
    const twice = await failure(
      await corpusWith({
        "gazetteer.json": GAZETTEER,
        "table-places.json": {
          places: [{ name: "Tainan" }, { name: "Chi Mei", includes: ["Tainan"] }],
        },
      }),
    );
    expect(twice.message).toMatch(
      /places\[1\]\.includes\[0\] "Tainan" is already named by places\[0\]\.name/u,
    );
  });

  it("refuses a repeated concept id and a file it does not know", async () => {
    const repeated = await failure(
      await corpusWith({
        "table-concepts.json": { concepts: [{ id: "orchid" }, { id: "orchid", zh: ["蘭花"] }] },
      }),
    );
    expect(repeated.message).toMatch(/concepts\[1\]\.id "orchid" is repeated/u);
    const misspelt = await failure(await corpusWith({ "gazeteer.json": GAZETTEER }));
    expect(misspelt.message).toMatch(/gazeteer\.json is not a knowledge file/u);
  });
});

describe("knowledgeHash", () => {
  it("is the loaded knowledge's hash, and changes with any file's bytes", async () => {
    const dir = await corpusWith({ "gazetteer.json": GAZETTEER });
    const before = await knowledgeHash(dir);
    expect((await loadKnowledge(dir)).hash).toBe(before);
    await writeFile(join(dir, "knowledge", "dictionary.json"), '{"terms": []}');
    const after = await knowledgeHash(dir);
    expect(after).not.toBe(before);
    expect((await loadKnowledge(dir)).hash).toBe(after);
  });
});
