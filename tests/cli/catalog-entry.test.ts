import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { catalogEntryTemplate, hanShare } from "../../src/cli/catalog-entry.js";
import { parseCatalog } from "../../src/cite/catalog.js";

describe("catalogEntryTemplate", () => {
  it("is a catalog member that parses as it stands, titled by the heading", () => {
    const text = catalogEntryTemplate({
      docId: "tainan-science-park",
      source: "tainan-science-park.md",
      heading: "Tainan Science Park",
      hanShare: 0,
    });
    const catalog = parseCatalog(JSON.parse(`{${text}}`));
    expect(catalog["tainan-science-park"]).toMatchObject({
      source: "tainan-science-park.md",
      title: "Tainan Science Park",
      authors: [],
      year: null,
      language: ["en"],
    });
  });

  it("leaves the title empty without a heading and tags Chinese text as zh", () => {
    const text = catalogEntryTemplate({
      docId: "notes",
      source: "notes.txt",
      heading: null,
      hanShare: hanShare("新竹科學園區成立於1980年 (Hsinchu)"),
    });
    expect(parseCatalog(JSON.parse(`{${text}}`)).notes).toMatchObject({
      title: null,
      language: ["zh"],
    });
  });
});

describe("the README's catalog example", () => {
  it("is a valid catalog member", () => {
    const readme = readFileSync(new URL("../../README.md", import.meta.url), "utf8");
    const example = /```json\n("[\w-]+": \{[\s\S]*?\n\})\n```/u.exec(readme)?.[1];
    expect(example).toBeDefined();
    const catalog = parseCatalog(JSON.parse(`{${example}}`));
    expect(Object.values(catalog)[0]?.authors.length).toBeGreaterThan(0);
  });
});
