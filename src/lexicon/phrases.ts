import { americanSpelling, stem, type EnglishToken } from "../text/english.js";
import type { Posting, ReverseIndex } from "./reverse-index.js";
import type { ChineseVocabulary } from "./types.js";

/** Longest English phrase looked up as one unit, in content words. */
const MAX_PHRASE = 4;
/** Two content words this far apart may still form a phrase ("share of the regional market"). */
const PAIR_WINDOW = 5;
/** Within one phrase, candidates scoring below this share of the best are noise. */
const RELATIVE_FLOOR = 0.35;

/** Adjectives of place whose noun is the dictionary headword ("Asian" → Asia). */
const DEMONYMS: Readonly<Record<string, string>> = {
  asian: "asia",
  european: "europe",
  african: "africa",
  american: "america",
  korean: "korea",
  chinese: "china",
  japanese: "japan",
  taiwanese: "taiwan",
  indian: "india",
  russian: "russia",
  german: "germany",
  french: "france",
  british: "britain",
  canadian: "canada",
  western: "west",
  eastern: "east",
  northern: "north",
  southern: "south",
};

/** Chinese length preference: 2–4 characters are words, single characters are ambiguous. */
const LENGTH_FACTOR = [0, 0.3, 1, 0.95, 0.9, 0.7, 0.55] as const;

/** English words looked up together: a run of the question or a pair of nearby words. */
export interface Span {
  readonly positions: readonly number[];
  readonly tokens: readonly EnglishToken[];
  /** Contiguous in the question (internal function words allowed). */
  readonly contiguous: boolean;
}

/** A span with its best Chinese translations. */
export interface Phrase extends Span {
  readonly exact: boolean;
  /** Best candidates with their scores, at most `perTerm`. */
  readonly best: readonly (readonly [string, number])[];
}

function isContent(
  token: EnglishToken | undefined,
  i: number,
  covered: ReadonlySet<number>,
): token is EnglishToken {
  return (
    token !== undefined &&
    !token.stop &&
    !covered.has(i) &&
    !/^\d/.test(token.text) &&
    token.text.length > 1
  );
}

/**
 * Candidate phrases of a tokenised question, skipping function words and positions covered by
 * names: contiguous runs of up to four content words (one function word may sit
 * inside: "bank of China"), plus pairs of nearby content words, which must match a gloss exactly.
 *
 * @example
 *   spans(tokenizeEnglish("market share"), new Set()).map((s) => s.tokens.map((t) => t.text).join(" "))
 *   // → ["market", "market share", "share"]
 */
export function spans(tokens: readonly EnglishToken[], covered: ReadonlySet<number>): Span[] {
  const result: Span[] = [];
  for (let start = 0; start < tokens.length; start++) {
    if (!isContent(tokens[start], start, covered)) continue;
    const positions = [start];
    let stops = 0;
    result.push({ positions: [start], tokens: [tokens[start] as EnglishToken], contiguous: true });
    for (let end = start + 1; end < tokens.length && positions.length < MAX_PHRASE; end++) {
      const token = tokens[end];
      if (!token || token.boundary || covered.has(end) || /^\d/.test(token.text)) break;
      if (token.stop) {
        if (++stops > 1) break;
        continue;
      }
      positions.push(end);
      result.push({
        positions: [...positions],
        tokens: positions.map((i) => tokens[i] as EnglishToken),
        contiguous: true,
      });
    }
    for (let other = start + 2; other < tokens.length && other - start <= PAIR_WINDOW; other++) {
      const token = tokens[other];
      if (
        !isContent(token, other, covered) ||
        result.some(
          (s) =>
            s.contiguous &&
            s.positions.length === 2 &&
            s.positions[0] === start &&
            s.positions[1] === other,
        )
      )
        continue;
      result.push({
        positions: [start, other],
        tokens: [tokens[start] as EnglishToken, token],
        contiguous: false,
      });
    }
  }
  return result;
}

/**
 * Looks a span up in the reverse index and keeps its best translations: exact gloss matches over
 * containing glosses, literal words over stems that merely coincide, relative to the best one.
 *
 * @example
 *   lookupPhrase(spans(tokenizeEnglish("market share"), new Set())[1], index, undefined, 3)?.best
 *   // → [["市占率", 1.67], ["市场份额", 1.58], ["市场占有率", 1.23]]
 */
export function lookupPhrase(
  span: Span,
  index: ReverseIndex,
  vocabulary: ChineseVocabulary | undefined,
  perTerm: number,
): Phrase | undefined {
  // The translations depend on the span's words, not on the question around them.
  const key = [
    span.contiguous ? 1 : 0,
    perTerm,
    ...span.tokens.map((t) => `${t.lower}\u0000${t.stem}\u0000${t.name ? 1 : 0}`),
  ].join("\u0001");
  let kept = lookups.get(index)?.get(vocabulary ?? NO_VOCABULARY);
  if (!kept) {
    kept = new Map();
    const byVocabulary = lookups.get(index) ?? new WeakMap();
    byVocabulary.set(vocabulary ?? NO_VOCABULARY, kept);
    lookups.set(index, byVocabulary);
  }
  let found = kept.get(key);
  if (found === undefined) {
    found = translateSpan(span, index, vocabulary, perTerm) ?? null;
    kept.set(key, found);
    if (kept.size > LOOKUPS_KEPT) kept.delete(kept.keys().next().value as string);
  }
  return found === null ? undefined : { ...span, ...found };
}

/** Phrase translations kept per dictionary and vocabulary (oldest go first). */
const LOOKUPS_KEPT = 50_000;
const NO_VOCABULARY = {};
const lookups = new WeakMap<
  ReverseIndex,
  WeakMap<object, Map<string, Pick<Phrase, "exact" | "best"> | null>>
>();

function translateSpan(
  span: Span,
  index: ReverseIndex,
  vocabulary: ChineseVocabulary | undefined,
  perTerm: number,
): Pick<Phrase, "exact" | "best"> | undefined {
  const stems = span.tokens.map((t) => t.stem);
  const demonymStems = span.tokens.map((t) =>
    DEMONYMS[t.lower] ? stem(DEMONYMS[t.lower] ?? "") : t.stem,
  );
  let postings = index.lookup(stems);
  if (demonymStems.some((s, i) => s !== stems[i])) postings.push(...index.lookup(demonymStems));
  const words = span.tokens.length;
  // A phrase only matches glosses that say little more than it ("private equity" in "private
  // equity fund"); a pair of distant words only matches a gloss that is exactly that pair.
  postings = postings.filter(
    (p) =>
      p.glossWords === words || (span.contiguous && (words === 1 || p.glossWords === words + 1)),
  );
  if (postings.length === 0) return undefined;
  const isName = span.tokens.every((t) => t.name);
  const surfaces = span.tokens.map(
    (t) => [surface(t.lower), surface(DEMONYMS[t.lower] ?? t.lower)] as const,
  );
  const exactWords = new Set(postings.filter((p) => p.glossWords === words).map((p) => p.word))
    .size;
  // English words with dozens of exact translations ("move", "hold") are vague; rank them lower.
  const vagueness = 1 / Math.sqrt(1 + exactWords / 10);
  const best = new Map<string, number>();
  for (const posting of postings) {
    const glossWords = posting.gloss
      .toLowerCase()
      .split(/[^a-z0-9&']+/)
      .filter((w) => w !== "" && w !== "to");
    const glossSurfaces = new Set(glossWords.map(surface));
    const literal = surfaces.every(([a, b]) => glossSurfaces.has(a) || glossSurfaces.has(b));
    // "business" is a better gloss for "business" than "what business?" or "on business".
    const extra = Math.max(0, glossWords.length - words);
    let score =
      scorePosting(posting, words, isName, vocabulary) *
      vagueness *
      (literal ? 1 : 0.55) *
      0.85 ** extra;
    if (!span.contiguous) score *= 0.8;
    best.set(posting.word, Math.max(best.get(posting.word) ?? 0, score));
  }
  const ranked = [...best].sort((a, b) => b[1] - a[1] || b[0].length - a[0].length);
  const top = ranked[0]?.[1] ?? 0;
  return {
    exact: exactWords > 0,
    best: ranked.filter(([, score]) => score >= top * RELATIVE_FLOOR).slice(0, perTerm),
  };
}

/** Inflectional and common derivational endings, longest first (see `surface`). */
const ENDINGS = [
  "ations",
  "ation",
  "ments",
  "ment",
  "ings",
  "ing",
  "ions",
  "ion",
  "ies",
  "ial",
  "ied",
  "ed",
  "es",
  "al",
  "ic",
  "s",
  "y",
  "e",
] as const;

/**
 * A light lemma for literal comparison, stricter than Porter: polluting/pollution, industrial/
 * industry and companies/company still meet, but university/universe, business/busy and
 * designate/design — which Porter conflates — do not.
 */
function surface(word: string): string {
  const american = americanSpelling(word);
  for (const ending of ENDINGS) {
    if (american.length - ending.length >= 3 && american.endsWith(ending))
      return american.slice(0, -ending.length);
  }
  return american;
}

function scorePosting(
  posting: Posting,
  words: number,
  isName: boolean,
  vocabulary: ChineseVocabulary | undefined,
): number {
  const exact = posting.glossWords === words;
  const match = exact ? 1 : (0.4 * words) / posting.glossWords;
  const phrase = words;
  const sense = 1 / (1 + 0.2 * posting.glossIndex);
  const specific = 1 / (1 + 0.04 * (posting.glossCount - 1));
  const qualified = posting.qualified ? 0.6 : 1;
  const length = LENGTH_FACTOR[Math.min(posting.word.length, LENGTH_FACTOR.length - 1)] ?? 0.4;
  const proper = posting.proper && !isName ? 0.2 : !posting.proper && isName ? 0.9 : 1;
  const common =
    posting.word.length === 2 ? Math.min(1.3, 0.85 + 0.1 * Math.log1p(posting.compounds)) : 1;
  const known = vocabulary ? (vocabulary.has(posting.word) ? 1.6 : 0.5) : 1;
  return match * phrase * sense * specific * qualified * length * proper * common * known;
}
