import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ANSWERABLE_FEATURES } from "../../src/answer/abstain.js";
import { loadState } from "../../src/cli/load-state.js";
import { indexInputs, loadLanguage } from "../../src/cli/wire.js";
import type { CorpusLanguage } from "../../src/serve/language.js";
import { parseConfig } from "../../src/config.js";
import { createApp } from "../../src/http/app.js";
import { shippedWeights } from "../../src/learn/shipped.js";
import type { ReadyState } from "../../src/http/state.js";
import { buildIndex, staleReason } from "../../src/store/build.js";
import { createHashEmbedder } from "../fixtures/hash-embedder.js";
import { writeCorpus } from "../fixtures/small-corpus.js";

// A made-up corpus about orchid growing, nothing like the project's: its own gazetteer, dictionary
// supplement, table places and concepts, in corpus/knowledge/. No file under src/ knows these names.
const DOCUMENT = `# Orchid growers of the southern plain

## Nurseries

The first commercial orchid nursery in Pingtung opened in 1987, on land that had grown sugar cane.
Growers in Chiayi followed a decade later, most of them former rice farmers.

## Shipments

Table 1. Orchid exports by county (million stems)

County\t2019\t2020
Pingtung\t41.2\t44.8
Chiayi\t12.5\t13.1
Total\t53.7\t57.9

Shipments rose in 2020 although air freight grew dearer.

屏東的蘭花外銷商多向法國巴黎銀行貸款。

## Markets

Tainan growers opened 14 nurseries in Kaohsiung after 1990.

Tainan growers opened 9 nurseries in Taitung after 1995, mostly for white moth orchids.
`;

const KNOWLEDGE = {
  "knowledge/gazetteer.json": {
    names: [
      { en: ["Pingtung", "Pingdong"], zh: ["屏東"] },
      { en: ["Chiayi", "Jiayi"], zh: ["嘉義"] },
      { en: ["Tainan"], zh: ["臺南", "台南"] },
      { en: ["Kaohsiung"], zh: ["高雄"] },
      { en: ["Taitung"], zh: ["臺東", "台東"] },
    ],
  },
  "knowledge/dictionary.json": { terms: [{ zh: "蘭花苗圃", en: ["orchid nursery"] }] },
  "knowledge/table-places.json": { places: [{ name: "Pingtung" }, { name: "Chiayi" }] },
  "knowledge/table-concepts.json": {
    concepts: [
      { id: "export", en: ["exports", "export", "shipments"], zh: ["出口", "外銷"] },
      { id: "orchid", en: ["orchid", "orchids"], zh: ["蘭花"] },
    ],
  },
};

const embedder = createHashEmbedder();
let root = "";
let corpusDir = "";
let indexDir = "";
let language: CorpusLanguage;
let state: ReadyState;

async function buildAndLoad(lang: CorpusLanguage): Promise<ReadyState> {
  await buildIndex({ corpusDir, indexDir, embedder, ...indexInputs(lang) });
  return loadState(parseConfig({ CORPUS_DIR: corpusDir, INDEX_DIR: indexDir }), embedder, lang);
}

const TABLE_QUESTION = "2020 年屏東外銷了多少蘭花？";

beforeAll(async () => {
  root = await mkdtemp(join(tmpdir(), "qa-second-"));
  corpusDir = join(root, "corpus");
  indexDir = join(root, "index", "current");
  await writeCorpus(corpusDir, {
    "orchids.md": DOCUMENT,
    ...Object.fromEntries(
      Object.entries(KNOWLEDGE).map(([path, json]) => [path, JSON.stringify(json)]),
    ),
  });
  language = await loadLanguage(corpusDir);
  state = await buildAndLoad(language);
}, 60_000);

afterAll(async () => {
  if (root) await rm(root, { recursive: true, force: true });
});

describe("a second corpus with knowledge of its own", () => {
  it("indexes its documents, not its knowledge files, and records the knowledge", async () => {
    expect(state.manifest.files.map((f) => f.source)).toEqual(["orchids.md"]);
    expect(state.manifest.knowledge).toBe(language.knowledge.hash);
    expect(await staleReason(corpusDir, indexDir, embedder.id)).toBeNull();
  });

  it("reads its gazetteer and dictionary supplement when analysing and translating", () => {
    const analysis = state.qa.inspect.analyse("屏東的第一家蘭花苗圃是哪一年開業的？");
    const pingtung = analysis.entities.find((e) => e.name === "Pingtung");
    expect(pingtung).toMatchObject({ known: true });
    expect(pingtung?.forms).toEqual(expect.arrayContaining(["pingtung", "屏东"]));
    // CC-CEDICT alone reads "nursery" as 托儿所; the supplement gives the grower's phrase.
    expect(language.lexicon?.toChinese("orchid nursery")[0]).toBe("兰花苗圃");
  });

  it("answers a follow-up that swaps one of two earlier places in the reading the corpus supports", async () => {
    const asked = "How many nurseries did Tainan growers open in Kaohsiung?";
    const first = await state.qa.ask({ question: asked });
    expect(first.answer).toContain("14 nurseries");
    const history = [
      { role: "user" as const, content: asked },
      { role: "assistant" as const, content: first.answer },
    ];
    // "And Taitung?" may mean Taitung's growers opening nurseries in Kaohsiung (the first reading),
    // or Tainan's growers opening them in Taitung: only the second is in the corpus.
    const staged = await state.qa.inspect.prepare("And Taitung?", history);
    expect(staged.whole.analysis.text).toBe(
      "How many nurseries did Taitung growers open in Kaohsiung?",
    );
    expect(staged.readings.map((r) => r.whole.analysis.text)).toEqual([
      "How many nurseries did Tainan growers open in Taitung?",
    ]);
    const followUp = await state.qa.ask({ question: "And Taitung?", history });
    expect(followUp.abstained).toBe(false);
    expect(followUp.citations[0]?.quote).toContain("9 nurseries in Taitung");
    // Each reading answered alone: the one whose best sentence the support model rates higher (here
    // the second) is the one answered.
    const weights = shippedWeights();
    const alone = [staged, ...staged.readings].map((r) =>
      state.qa.inspect.answerStaged({ ...r, readings: [] }, 8, weights),
    );
    const support = alone.map((r) => r.features[ANSWERABLE_FEATURES.indexOf("support")]!);
    expect(support[1]).toBeGreaterThan(support[0]!);
    expect(state.qa.inspect.answerStaged(staged, 8, weights).features).toEqual(alone[1]!.features);
  });

  it("does not take a country named only inside a bank's name for a subject of the corpus", async () => {
    // 法國 appears only in 法國巴黎銀行 (a bank): a question about France names something the corpus
    // never speaks of, and its passage must speak of it.
    const zh = state.qa.inspect.analyse("法國的首都是哪裡？");
    expect(zh.entities.map((e) => e.name)).toEqual(["法国"]);
    for (const question of ["法國的首都是哪裡？", "What is the capital of France?"]) {
      const r = await state.qa.ask({ question });
      expect(r.features[ANSWERABLE_FEATURES.indexOf("best_entity_passage")]).toBe(0);
    }
    // The bank itself is still found and answered.
    const bank = await state.qa.ask({ question: "屏東的蘭花外銷商向哪家銀行貸款？" });
    expect(bank.abstained).toBe(false);
    expect(bank.answer).toContain("法國巴黎銀行");
  });

  it("answers from its table with its places and concepts, over HTTP", async () => {
    const app = createApp({ state: () => state, status: () => "ready" });
    const res = await app.request("/api/ask", {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ question: TABLE_QUESTION }),
    });
    expect(res.status).toBe(200);
    const body = (await res.json()) as { answer: string; table?: { row: string; value: number } };
    expect(body.table).toMatchObject({ row: "Pingtung", value: 44.8 });
    expect(body.answer).toContain("44.8");

    const data = await app.request(`/api/data?row=${encodeURIComponent("嘉義")}&column=2019`);
    const cells = (await data.json()) as { matches: { row: string; value: number }[] };
    expect(cells.matches[0]).toMatchObject({ row: "Chiayi", value: 12.5 });
  });

  it("is rebuilt when its knowledge goes, and then no longer knows its places", async () => {
    await rm(join(corpusDir, "knowledge"), { recursive: true });
    expect(await staleReason(corpusDir, indexDir, embedder.id)).toMatch(
      /corpus knowledge changed/u,
    );
    const bare = await loadLanguage(corpusDir, { lexicon: false });
    expect(bare.knowledge).toMatchObject({ gazetteer: [], dictionary: [], tablePlaces: [] });
    const without = await buildAndLoad(bare);
    expect(without.manifest.reused).toEqual({ documents: 0, chunks: 0 });
    const answer = await without.qa.ask({ question: TABLE_QUESTION });
    expect(answer.table).toBeUndefined();
  }, 30_000);
});
