import { beforeAll, describe, expect, it } from "vitest";
import { createUseLiteEmbedder } from "../../src/embed/use-lite.js";
import type { Embedder } from "../../src/embed/types.js";
import { cosine, describeEmbedderContract } from "./embedder.contract.js";

describeEmbedderContract("use-lite", () => createUseLiteEmbedder());

describe("createUseLiteEmbedder", () => {
  let embedder: Embedder;
  beforeAll(async () => {
    embedder = await createUseLiteEmbedder();
  }, 60_000);

  it("is the 512-dimension English offline model", () => {
    expect(embedder).toMatchObject({ id: "use-lite", dimension: 512, multilingual: false });
  });

  it("places paraphrases closer than unrelated sentences", async () => {
    const [firm, rnd, river] = await embedder.embed(
      [
        "The firm spends on research and development",
        "R&D expenditure of the company",
        "The river flows through the mountains",
      ],
      "passage",
    );
    expect(cosine(firm!, rnd!)).toBeGreaterThan(cosine(firm!, river!));
  });
});
