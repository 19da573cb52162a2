import { describe, expect, it } from "vitest";
import { entryForUnknownFile } from "../../src/cite/catalog.js";
import { formatInText, formatReference, formatReferenceHtml } from "../../src/cite/format.js";
import { CITATION_STYLES, IN_TEXT_STYLES, type CatalogEntry } from "../../src/cite/types.js";
import {
  anonymousArticle,
  bohaiChapter,
  bohaiChapterHan,
  catalog,
  censusYearbook,
  make,
  withAuthors,
} from "./fixtures.js";

/** Every style must cope with every entry, including the sparsest ones. */
const entries: [string, CatalogEntry][] = [
  ...Object.entries(catalog),
  ["bohaiChapter", bohaiChapter],
  ["bohaiChapterHan", bohaiChapterHan],
  ["censusYearbook", censusYearbook],
  ["anonymousArticle", anonymousArticle],
  ["21 authors", withAuthors(21)],
  ["unknown file", entryForUnknownFile("dropped-in.txt")],
  ["empty", make({})],
  [
    "chapter",
    make({ type: "chapter", title: "A chapter?", containerTitle: "A book", pages: "5-9" }),
  ],
];

const unescape = (html: string): string =>
  html
    .replace(/<\/?i>/g, "")
    .replace(/&lt;/g, "<")
    .replace(/&gt;/g, ">")
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/&amp;/g, "&");

describe.each(CITATION_STYLES)("%s references", (style) => {
  it.each(entries)("%s: no placeholders, doubled punctuation or stray spaces", (_name, entry) => {
    const text = formatReference(entry, style);
    expect(text).not.toMatch(/undefined|null|NaN|\[object/);
    expect(text).not.toMatch(/,,|\.\.(?!\.)/);
    // BibTeX indents fields and RIS writes "TY  - ", so only prose styles are held to single spaces.
    if (style !== "bibtex" && style !== "ris") expect(text).not.toMatch(/\s{2}|^\s|\s$/);
  });

  it.each(entries)("%s: HTML is the plain text, escaped, with <i> only", (_name, entry) => {
    const html = formatReferenceHtml(entry, style);
    expect(html).not.toMatch(/<(?!\/?i>)/);
    expect(unescape(html)).toBe(formatReference(entry, style));
  });
});

describe.each(IN_TEXT_STYLES)("%s in-text", (style) => {
  it.each(entries)("%s: a non-empty citation without placeholders", (_name, entry) => {
    const text = formatInText(entry, style, { section: "1", page: 2, table: "3", paragraph: 4 });
    expect(text.length).toBeGreaterThan(4);
    expect(text).not.toMatch(/undefined|null|NaN|\(\s|\s\)|,,/);
  });
});

it("escapes markup in titles for HTML", () => {
  const entry = make({ type: "book", title: "<script>alert(1)</script> & more" });
  expect(formatReferenceHtml(entry, "apa")).toBe(
    "<i>&lt;script&gt;alert(1)&lt;/script&gt; &amp; more</i>. (n.d.).",
  );
});
