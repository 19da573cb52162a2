import { stemmer } from "stemmer";
import { QUESTION_STOP_WORDS } from "./stop-words.js";

/** One word of English text. */
export interface EnglishToken {
  /** As written, possessive "'s" removed. */
  readonly text: string;
  readonly lower: string;
  readonly stem: string;
  /** Function, question or framing word. */
  readonly stop: boolean;
  /** Written with a capital and not sentence-initial, or all caps: likely a name. */
  readonly name: boolean;
  /** Punctuation (not a hyphen) separates it from the previous token: phrases stop here. */
  readonly boundary: boolean;
  /** A hyphen joins it to the previous token ("high-tech"). */
  readonly hyphenated: boolean;
}

const WORD = /[A-Za-z0-9]+(?:[&'’][A-Za-z0-9]+)*/g;
const stems = new Map<string, string>();

/**
 * Porter stem of a lowercase word, cached (dictionary indexing stems ~300k words).
 *
 * @example
 *   stem("investments") // → "invest"
 */
export function stem(lower: string): string {
  let cached = stems.get(lower);
  if (cached === undefined) {
    cached = /[a-z]/.test(lower) ? stemmer(americanSpelling(lower.replace(/’/g, "'"))) : lower;
    stems.set(lower, cached);
  }
  return cached;
}

const BRITISH: Readonly<Record<string, string>> = {
  centre: "center",
  centres: "centers",
  programme: "program",
  programmes: "programs",
  labour: "labor",
  metre: "meter",
  fibre: "fiber",
  defence: "defense",
  licence: "license",
  catalogue: "catalog",
  analyse: "analyze",
  behaviour: "behavior",
  neighbour: "neighbor",
  harbour: "harbor",
  favour: "favor",
};
const BRITISH_ISE =
  /^(organ|real|recogn|special|privat|global|industrial|modern|liberal|decentral|central|util|urban|capital|local|emphas|character|categor|critic|minim|maxim|mobil|stabil|optim|priorit|standard|subsid|author|commercial|internation|rational|normal|democrat|corporat|marketis|regional)is(e|ed|es|ing|ation|ations)$/;

/**
 * British spellings in American form, so that "centre" meets the dictionary's "center".
 *
 * @example
 *   americanSpelling("organisation") // → "organization"
 */
export function americanSpelling(lower: string): string {
  const listed = BRITISH[lower];
  if (listed) return listed;
  const ise = lower.includes("is") ? lower.replace(BRITISH_ISE, "$1iz$2") : lower;
  // General endings: centre/center, labour(ed)/labor(ed), organisation/organization. Most words
  // have none of them, and this runs over the whole dictionary at load: test cheaply first.
  if (!/(?:tres?|our(?:s|ed|ing)?|isations?)$/u.test(ise)) return ise;
  return ise
    .replace(/^(\p{L}{3,})tre(s?)$/u, "$1ter$2")
    .replace(/^(\p{L}{3,})our(s|ed|ing)?$/u, "$1or$2")
    .replace(/isation(s?)$/u, "ization$1");
}

/**
 * Splits English text into words; hyphenated words become consecutive tokens ("high-tech" →
 * high, tech), apostrophes are normalised and possessives dropped.
 *
 * @example
 *   tokenizeEnglish("Korea's high-tech firms").map((t) => t.lower) // → ["korea", "high", "tech", "firms"]
 */
export function tokenizeEnglish(text: string): EnglishToken[] {
  const tokens: EnglishToken[] = [];
  const normalized = text.normalize("NFKC");
  let previousEnd = 0;
  for (const match of normalized.matchAll(WORD)) {
    const written = match[0].replace(/’/g, "'").replace(/'s$/i, "");
    const lower = written.toLowerCase();
    const gap = normalized.slice(previousEnd, match.index);
    previousEnd = match.index + match[0].length;
    const sentenceStart = tokens.length === 0 || /[.?!:]/.test(gap);
    const name =
      (/^[A-Z]/.test(written) && !sentenceStart) ||
      (/^[A-Z0-9&]{2,}$/.test(written) && /[A-Z]/.test(written));
    const boundary = tokens.length > 0 && /[^\s\-‐–]/.test(gap);
    const hyphenated = tokens.length > 0 && /^[\-‐–]$/.test(gap);
    tokens.push({
      text: written,
      lower,
      stem: stem(lower),
      stop: QUESTION_STOP_WORDS.has(lower),
      name,
      boundary,
      hyphenated,
    });
  }
  return tokens;
}

/**
 * Content-word stems of a phrase, sorted unless told otherwise: the matching key that questions and dictionary glosses
 * share, so "end of the year" and "year-end" meet.
 *
 * @example
 *   keyStems("the private equity funds") // → ["equiti", "fund", "privat"]
 */
export function keyStems(text: string, sorted = true): string[] {
  const stems: string[] = [];
  const lower = text.toLowerCase();
  // A hand-rolled scan: this runs over every dictionary gloss while the lexicon loads.
  let start = -1;
  for (let i = 0; i <= lower.length; i++) {
    const code = i < lower.length ? lower.charCodeAt(i) : 32;
    const inWord =
      (code >= 97 && code <= 122) ||
      (code >= 48 && code <= 57) ||
      code === 38 ||
      code === 39 ||
      code === 0x2019;
    if (inWord) {
      if (start < 0) start = i;
      continue;
    }
    if (start < 0) continue;
    let word = lower.slice(start, i);
    start = -1;
    if (word.endsWith("'s") || word.endsWith("’s")) word = word.slice(0, -2);
    if (word !== "" && !QUESTION_STOP_WORDS.has(word)) stems.push(stem(word));
  }
  return sorted ? stems.sort() : stems;
}
