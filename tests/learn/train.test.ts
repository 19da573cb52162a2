import { rm } from "node:fs/promises";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { locateEvidence, parseQuestionSet } from "../../src/eval/set.js";
import { prepareQuestions, train } from "../../src/learn/train.js";
import { neutralWeights, parseWeights } from "../../src/learn/weights.js";
import type { ReadyState } from "../../src/http/state.js";
import { indexedCorpus } from "../fixtures/service.js";
import { ADDED_DOCUMENT, SMALL_CORPUS } from "../fixtures/small-corpus.js";

/** Labelled questions of our own about the small corpus, in the shared sets' format. */
const LABELLED = [
  [
    "l1",
    "fact",
    "When did the Hsinchu park open?",
    "December 1980",
    "Hsinchu Science Park opened in December 1980",
  ],
  [
    "l2",
    "fact",
    "How many companies were in the Hsinchu park by 1990?",
    "121",
    "By 1990 the park counted 121 companies",
  ],
  [
    "l3",
    "fact",
    "How many people worked in the Hsinchu park in 1995?",
    "42,257",
    "In 1995 the park employed 42,257 people",
  ],
  [
    "l4",
    "fact",
    "How many research firms did Daedeok host in 2015?",
    "1,240",
    "Daedeok Innopolis hosted 1,240 research firms in 2015",
  ],
  [
    "l5",
    "fact",
    "When was Daedeok's anchor institute founded?",
    "1973",
    "Its anchor institute was founded in 1973",
  ],
  [
    "l6",
    "fact",
    "On what land was the Tainan park built?",
    "sugar cane fields",
    "founded in 1996 on former sugar cane fields",
  ],
  [
    "l7",
    "fact",
    "What was the Tainan park's tenant count in 2011?",
    "172",
    "In 2011 the Tainan Science Park hosted 172 firms",
  ],
  [
    "l8",
    "fact",
    "Where does the Daedeok district lie?",
    "north of Daejeon",
    "The district lies north of Daejeon",
  ],
  ["u1", "unanswerable", "How many firms did the Tainan park host in 2005?", "NOT_IN_CORPUS", ""],
  [
    "u2",
    "unanswerable",
    "What is the annual budget of the Daedeok anchor institute?",
    "NOT_IN_CORPUS",
    "",
  ],
] as const;

const jsonl = LABELLED.map(([id, type, question, answer, quote]) =>
  JSON.stringify({
    id,
    type,
    question,
    answer,
    aliases: [],
    evidence: quote ? [{ doc: "x", quote }] : [],
    table: null,
    turns: null,
  }),
).join("\n");

let root = "";
let state: ReadyState;
beforeAll(async () => {
  const files = { ...SMALL_CORPUS, [ADDED_DOCUMENT.source]: ADDED_DOCUMENT.text };
  ({ root, state } = await indexedCorpus(files, neutralWeights()));
}, 60_000);

afterAll(async () => {
  if (root) await rm(root, { recursive: true, force: true });
});

describe("train", () => {
  it("fits weights the service accepts, and scores every labelled question out of fold", async () => {
    const items = locateEvidence(parseQuestionSet(jsonl), state.rawTexts);
    expect(items.every((it) => it.gold.length === it.evidence.length)).toBe(true);
    const prepared = await prepareQuestions(state.qa, items);
    const result = await train(state.qa, prepared, state.rawTexts, { folds: 2 });
    expect(parseWeights(JSON.parse(JSON.stringify(result.weights)))).toBeTruthy();
    expect(result.outOfFold.map((s) => s.id)).toEqual(items.map((it) => it.id));
    expect(result.outOfFold.every((s) => s.type === "unanswerable" || s.recall !== null)).toBe(
      true,
    );
    expect(
      result.outOfFold.filter((s) => s.citations > 0).every((s) => s.valid === s.citations),
    ).toBe(true);
    // Fitted on all of them, the ranking finds each question's evidence first.
    const ranked = prepared
      .filter((p) => p.item.gold.length)
      .map((p) => state.qa.inspect.rank(p.staged, result.weights).merged[0]!.chunk);
    const found = ranked.filter((c, i) =>
      prepared
        .filter((p) => p.item.gold.length)
        [i]!.item.gold.some((g) => c.source === g.source && c.start <= g.start && g.end <= c.end),
    );
    expect(found.length).toBeGreaterThanOrEqual(6);
  }, 60_000);
});
