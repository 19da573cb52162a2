import { mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { runCli } from "../fixtures/processes.js";
import { SMALL_CORPUS, writeCorpus } from "../fixtures/small-corpus.js";

let root = "";
afterAll(async () => {
  if (root) await rm(root, { recursive: true, force: true });
});

const SET = [
  {
    id: "t1",
    question: "How many people did Hsinchu Science Park employ in 1995?",
    type: "fact",
    answer: "42,257",
    evidence: [{ doc: "seed-0.txt", quote: "In 1995 the park employed 42,257 people." }],
  },
  {
    id: "t2",
    question: "How many research firms did Daedeok Innopolis host in 2015?",
    type: "fact",
    answer: "1,240",
    evidence: [
      { doc: "seed-1.txt", quote: "Daedeok Innopolis hosted 1,240 research firms in 2015" },
    ],
  },
  { id: "t3", question: "What was the GDP of Mars in 2015?", type: "unanswerable", answer: "" },
];

describe("npm run eval", () => {
  it("builds, serves and scores a set with the project's own scorer, flags parsed as flags", async () => {
    root = await mkdtemp(join(tmpdir(), "qa-eval-"));
    await writeCorpus(join(root, "corpus"), SMALL_CORPUS);
    const set = join(root, "set.jsonl");
    await writeFile(set, SET.map((q) => JSON.stringify(q)).join("\n"));
    const env = {
      CORPUS_DIR: join(root, "corpus"),
      INDEX_DIR: join(root, "index", "current"),
      EMBEDDER: "use-lite",
    };
    const run = runCli("eval.ts", env, [
      "--set",
      set,
      "--k",
      "3",
      "--json",
      join(root, "out.json"),
    ]);
    expect(await run.exited).toBe(0);
    expect(run.out()).toMatch(/^OVERALL\s+3\s+1\.00\s/mu);
    expect(run.out()).toMatch(/^unanswerable\s+1\s/mu);
    const report = JSON.parse(await readFile(join(root, "out.json"), "utf8"));
    expect(report).toMatchObject({ k: 3, overall: { n: 3, recallAtK: 1 }, errors: [] });

    const bad = runCli("eval.ts", env, ["--set"]);
    expect(await bad.exited).toBe(1);
    expect(bad.log()).toMatch(/--set.*argument|argument.*--set/iu);
    expect(bad.log()).toContain("usage: npm run eval");
  }, 120_000);
});
