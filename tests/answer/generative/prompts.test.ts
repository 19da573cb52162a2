import { mkdtemp, readdir, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import {
  parsePrompts,
  PROMPT_LANGS,
  PROMPT_NAMES,
  PROMPT_VARIABLES,
  renderPrompt,
  type Prompts,
} from "../../../src/answer/generative/prompts.js";
import { SENTINEL } from "../../../src/answer/generative/verify.js";
import { generatorFromConfig } from "../../../src/cli/generator.js";
import { parseConfig } from "../../../src/config.js";

const PROMPTS_DIR = fileURLToPath(new URL("../../../prompts/", import.meta.url));
const silent = () => {};

async function shipped(dir = PROMPTS_DIR): Promise<Prompts> {
  const setup = await generatorFromConfig(
    parseConfig({ GENERATOR_URL: "http://127.0.0.1:9/v1", GENERATOR_MODEL: "m", PROMPTS_DIR: dir }),
    silent,
  );
  return setup!.prompts;
}

const values = {
  language: "LANGUAGE",
  max_sentences: "6",
  sentinel: SENTINEL,
  evidence: "[1] Title\n[1.1] EVIDENCE SENTENCE",
  question: "QUESTION?",
  history: "Q: EARLIER\nA: ANSWER",
};

describe("the shipped prompts", () => {
  it("load at start and render in English and Chinese with every value in place and no placeholder left", async () => {
    const prompts = await shipped();
    for (const name of PROMPT_NAMES)
      for (const lang of PROMPT_LANGS) {
        const text = renderPrompt(prompts, name, lang, values);
        expect(text, `${name}.${lang}`).not.toMatch(/\{\{|\}\}/u);
        for (const v of PROMPT_VARIABLES[name])
          expect(text, `${name}.${lang} shows ${v}`).toContain(values[v]);
        // Each language's prompt is written in it.
        expect(/\p{Script=Han}/u.test(text.replace(/\[1\] Title/u, ""))).toBe(lang === "zh");
      }
    expect(renderPrompt(prompts, "system", "en", values)).toMatch(/square brackets/u);
  });

  it("are the six files of prompts/, besides the README and the abstention line", async () => {
    const files = (await readdir(PROMPTS_DIR)).filter((f) => /\.(en|zh)\.txt$/u.test(f)).sort();
    expect(files).toEqual(
      PROMPT_NAMES.flatMap((n) => PROMPT_LANGS.map((l) => `${n}.${l}.txt`)).sort(),
    );
  });
});

describe("parsePrompts", () => {
  it("refuses a missing template or a wrong placeholder, naming each problem", async () => {
    const dir = await mkdtemp(join(tmpdir(), "prompts-"));
    for (const f of await readdir(PROMPTS_DIR))
      await writeFile(join(dir, f), await readFile(join(PROMPTS_DIR, f)));
    await writeFile(
      join(dir, "answer.zh.txt"),
      "問題：{{question}} {{evidense}} {{language}} {{sentinel}}",
    );
    await rm(join(dir, "condense.en.txt"));
    await expect(shipped(dir)).rejects.toThrow(
      /answer\.zh\.txt uses \{\{evidense\}\}.*answer\.zh\.txt does not use \{\{evidence\}\}.*condense\.en\.txt is missing/su,
    );
  });

  it("inserts values as they are, without expanding braces inside them", () => {
    const prompts = parsePrompts((f) =>
      f.startsWith("condense")
        ? "{{history}}|{{question}}|{{ language }}"
        : f.startsWith("system")
          ? "{{language}}{{max_sentences}}{{sentinel}}"
          : "{{evidence}}{{question}}{{language}}{{sentinel}}",
    );
    expect(
      renderPrompt(prompts, "condense", "en", {
        history: "{{question}}",
        question: "q",
        language: "en",
      }),
    ).toBe("{{question}}|q|en");
  });
});

describe("generatorFromConfig", () => {
  it("is null without GENERATOR_URL: no model is called, no prompt read", async () => {
    expect(
      await generatorFromConfig(parseConfig({ PROMPTS_DIR: "/nonexistent" }), silent),
    ).toBeNull();
  });
});
