import { describe, expect, it } from "vitest";
import { parseConfig } from "../src/config.js";

describe("parseConfig: the generator", () => {
  it("is off by default, and an empty variable counts as unset", () => {
    for (const env of [{}, { GENERATOR_URL: "", GENERATOR_MODEL: "", GENERATOR_API_KEY: "" }]) {
      const c = parseConfig(env);
      expect(c.GENERATOR_URL).toBeUndefined();
      expect(c.GENERATOR_MODEL).toBeUndefined();
      expect(c.GENERATOR_API_KEY).toBeUndefined();
    }
    expect(parseConfig({})).toMatchObject({
      GENERATOR_TIMEOUT_SECONDS: 60,
      GENERATOR_PASSAGES: 5,
      PROMPTS_DIR: "prompts",
    });
  });

  it("takes a URL, model, key, timeout and passage count", () => {
    expect(
      parseConfig({
        GENERATOR_URL: "http://127.0.0.1:11434/v1",
        GENERATOR_MODEL: "qwen2.5:7b-instruct",
        GENERATOR_API_KEY: "sk-x",
        GENERATOR_TIMEOUT_SECONDS: "2.5",
        GENERATOR_PASSAGES: "8",
      }),
    ).toMatchObject({
      GENERATOR_MODEL: "qwen2.5:7b-instruct",
      GENERATOR_TIMEOUT_SECONDS: 2.5,
      GENERATOR_PASSAGES: 8,
    });
  });

  it("refuses a URL without a model, a URL that is not http(s), and a bad timeout, naming each variable", () => {
    expect(() => parseConfig({ GENERATOR_URL: "http://127.0.0.1:11434/v1" })).toThrow(
      /GENERATOR_MODEL: GENERATOR_MODEL must be set when GENERATOR_URL is/u,
    );
    expect(() => parseConfig({ GENERATOR_URL: "ftp://host/v1", GENERATOR_MODEL: "m" })).toThrow(
      /GENERATOR_URL/u,
    );
    expect(() => parseConfig({ GENERATOR_TIMEOUT_SECONDS: "0" })).toThrow(
      /GENERATOR_TIMEOUT_SECONDS/u,
    );
  });
});
