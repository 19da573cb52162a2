/**
 * Reading the parts of a question that are not its topic words: the years it asks about, a clause that
 * names its source, and the capitalised names it mentions.
 */

/**
 * Years a question asks about: not decades ("the 1990s") and not the dates of sources ("the 2010
 * ICT-hubs paper", "a 2008 survey report"), which describe where to look rather than what happened.
 *
 * @example
 *   eventYears("In the 1990s paper, what happened in 1984?") // → ["1984"]
 */
export function eventYears(text: string): string[] {
  const years: string[] = [];
  for (const m of text.matchAll(
    /(?<![\d.,])(1[89]\d\d|20\d\d)(?![\d.,]\d)(s|年代)?(?=([^.?!,;，。？；]{0,30}))/gu,
  )) {
    if (m[2]) continue;
    // The year (or the year range it starts) dates a source: "the 2006–2007 firm survey".
    if (
      /^\s*(?:[–—-]\s*\d{4}\s*)?(?:[\p{L}'’-]+\s+){0,2}(paper|study|article|report|book|chapter|survey|edition|data ?set|census|yearbook)\b/iu.test(
        m[3] ?? "",
      )
    )
      continue;
    years.push(m[1]!);
  }
  return [...new Set(years)];
}

const SOURCE_HEAD = String.raw`\b(?:according to|as (?:described|reported|noted|shown) (?:in|by)|in)\s+(?:the|a|an|this|that)?\s*(?:\d{4}(?:\s*[–—-]\s*\d{4})?\s+)?(?:[\p{L}'’-]+\s+){0,3}?(?:chapter|paper|study|article|report|survey|book|section)\b`;
/** A leading clause ends at its comma; a trailing one runs to the end of the sentence (lists included). */
const LEADING_SOURCE = new RegExp(`^\\s*${SOURCE_HEAD}[^,?.;]*,`, "iu");
const TRAILING_SOURCE = new RegExp(`,\\s*${SOURCE_HEAD}[^?.;]*`, "iu");

/**
 * Separates a clause naming the source ("according to the chapter comparing …", "In the 2011 firm
 * survey") from the rest of a question.
 *
 * @example
 *   splitSourceClause("How many IC firms does Taiwan have, according to the chapter on Hsinchu?")
 *   // → { main: "How many IC firms does Taiwan have?", source: "according to the chapter on Hsinchu" }
 */
export function splitSourceClause(question: string): { main: string; source: string } {
  const m = LEADING_SOURCE.exec(question) ?? TRAILING_SOURCE.exec(question);
  if (!m) return { main: question, source: "" };
  const main = `${question.slice(0, m.index)}${question.slice(m.index + m[0].length)}`
    .replace(/^\s*,\s*/u, "")
    .trim();
  // Keep the question whole when the clause was all of it.
  return main.split(/\s+/u).length >= 3
    ? { main, source: m[0].replace(/^,?\s*|,\s*$/gu, "") }
    : { main: question, source: "" };
}

const COMMON_CAPITALISED = new Set([
  "what",
  "which",
  "who",
  "whom",
  "when",
  "where",
  "why",
  "how",
  "in",
  "and",
  "the",
  "a",
  "an",
  "by",
  "for",
  "of",
  "after",
  "before",
  "as",
  "according",
  "across",
  "during",
  "from",
  "to",
  "on",
  "at",
  "is",
  "are",
  "was",
  "were",
  "did",
  "do",
  "does",
  "i",
  "china",
  "chinese",
  "table",
  "figure",
  "ict",
  "r&d",
]);

/** Capitalised words inside an English question (not its first word): names the answer must mention. */
export function properWords(text: string): string[] {
  const out: string[] = [];
  // A parenthesis glosses what precedes it ("Shougang (Capital Steel)"), so its words are not extra names.
  for (const sentence of text.replace(/\([^)]*\)|（[^）]*）/gu, " ").split(/(?<=[.?!])\s+/u)) {
    const words = sentence.match(/[\p{L}][\p{L}'’-]*/gu) ?? [];
    words.forEach((w, i) => {
      const bare = w.replace(/['’]s$/u, "");
      // Demonyms ("European", "Japanese") describe rather than name what is asked about.
      const demonym = /(?:ean|ian|ese|ish)$/iu.test(bare);
      if (
        i > 0 &&
        /^\p{Lu}/u.test(bare) &&
        !demonym &&
        !COMMON_CAPITALISED.has(bare.toLowerCase()) &&
        bare.length > 2
      )
        out.push(bare);
    });
  }
  return [...new Set(out)];
}
