import { beforeAll, describe, expect, it } from "vitest";
import { z } from "zod";
import { createApp } from "../../src/http/app.js";
import { AskResponseSchema, SearchResponseSchema } from "../../src/http/openapi/responses.js";
import { AskRequestSchema } from "../../src/http/schemas.js";
import type { ReadyState } from "../../src/http/state.js";
import { readyState } from "../fixtures/service.js";

let app: ReturnType<typeof createApp>;
beforeAll(async () => {
  const state: ReadyState = await readyState();
  app = createApp({ state: () => state, status: () => "ready" });
}, 120_000);

const ask = async (body: unknown) =>
  (
    await app.request("/api/ask", {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify(body),
    })
  ).json();

describe("GET /openapi.json", () => {
  it("is OpenAPI 3.1 whose request schema is generated from the zod schema that validates /api/ask", async () => {
    const spec = await (await app.request("/openapi.json")).json();
    expect(spec.openapi).toBe("3.1.0");
    const { $schema: _, ...generated } = z.toJSONSchema(AskRequestSchema, {
      io: "input",
    }) as Record<string, unknown>;
    expect(spec.components.schemas.AskRequest).toEqual(generated);
    expect(spec.components.schemas.AskRequest.properties.question.maxLength).toBe(2000);
    expect(spec.paths["/api/ask"].post.requestBody.content["application/json"].schema).toEqual({
      $ref: "#/components/schemas/AskRequest",
    });
    for (const path of [
      "/api/ask",
      "/api/ask/stream",
      "/api/search",
      "/api/tables/{id}",
      "/api/site",
      "/healthz",
    ])
      expect(spec.paths[path]).toBeDefined();
    expect(spec.paths["/api/ask"].post.responses["429"].headers["Retry-After"]).toBeDefined();
    const q = spec.paths["/api/search"].get.parameters.find(
      (p: { name: string }) => p.name === "q",
    );
    expect(q).toMatchObject({ in: "query", required: true });
  });

  it("describes the responses the API really sends (prose and table answers, search)", async () => {
    for (const question of [
      "How many financial organizations were there in BEZ by 1995?",
      "Which region had the highest mean % R&D expenditure in revenue among hardware firms?",
    ]) {
      const parsed = AskResponseSchema.safeParse(await ask({ question }));
      expect(parsed.success, parsed.error?.message).toBe(true);
    }
    expect(
      SearchResponseSchema.safeParse(await (await app.request("/api/search?q=Tianjin")).json())
        .success,
    ).toBe(true);
  });
});

describe("GET /docs", () => {
  it("renders every operation with its parameters and request fields as plain HTML, no scripts", async () => {
    const res = await app.request("/docs");
    expect(res.headers.get("content-type")).toMatch(/text\/html/u);
    const html = await res.text();
    expect(html).toContain("<code>/api/ask/stream</code>");
    expect(html).toMatch(
      /<code>question<\/code> <span class="type">string, 1–2000 chars<\/span> <span class="req">required<\/span>/u,
    );
    expect(html).toContain("one of: &#34;apa&#34;, &#34;chicago&#34;");
    expect(html).not.toMatch(/<script/iu);
  });
});
