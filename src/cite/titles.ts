/** Headline-capitalisation rules that differ between styles. */
export interface TitleCaseRules {
  /** Words kept lowercase inside a title (articles, prepositions, some conjunctions). */
  minorWords: ReadonlySet<string>;
  /** Chicago: after a prefix such as "de-" or "anti-" the next element stays lowercase. */
  lowerAfterPrefix: boolean;
}

const PREPOSITIONS = [
  "about",
  "above",
  "across",
  "against",
  "along",
  "amid",
  "among",
  "around",
  "as",
  "at",
  "below",
  "beneath",
  "beside",
  "between",
  "beyond",
  "by",
  "despite",
  "during",
  "for",
  "from",
  "in",
  "into",
  "of",
  "on",
  "onto",
  "over",
  "per",
  "through",
  "throughout",
  "to",
  "toward",
  "towards",
  "under",
  "upon",
  "versus",
  "via",
  "vs.",
  "with",
  "within",
  "without",
];
const ARTICLES = ["a", "an", "the"];

/** Chicago 17 §8.159: articles, all prepositions, and, but, for, or, nor; to and as. */
export const CHICAGO_TITLE_CASE: TitleCaseRules = {
  minorWords: new Set([...ARTICLES, ...PREPOSITIONS, "and", "but", "or", "nor"]),
  lowerAfterPrefix: true,
};

/** APA 7 §6.17: only words of three letters or fewer are minor; "Self-Report" keeps both capitals. */
export const APA_TITLE_CASE: TitleCaseRules = {
  minorWords: new Set([
    ...ARTICLES,
    "and",
    "as",
    "but",
    "for",
    "if",
    "nor",
    "or",
    "so",
    "yet",
    "at",
    "by",
    "in",
    "of",
    "off",
    "on",
    "per",
    "to",
    "up",
    "via",
  ]),
  lowerAfterPrefix: false,
};

/** MLA 9: articles, prepositions, coordinating conjunctions (including so, yet), to. */
export const MLA_TITLE_CASE: TitleCaseRules = {
  minorWords: new Set([...ARTICLES, ...PREPOSITIONS, "and", "but", "or", "nor", "so", "yet"]),
  lowerAfterPrefix: false,
};

const PREFIXES = new Set([
  "anti",
  "co",
  "de",
  "inter",
  "intra",
  "multi",
  "non",
  "post",
  "pre",
  "re",
  "semi",
  "sub",
  "un",
]);

/** Uppercases the first letter, skipping opening quotes and brackets; leaves words with capitals alone. */
function capitalise(word: string): string {
  if (/\p{Lu}/u.test(word)) return word;
  return word.replace(/\p{Ll}/u, (letter) => letter.toUpperCase());
}

function bare(word: string): string {
  return word.replace(/^[^\p{L}]+|[^\p{L}.]+$/gu, "").toLowerCase();
}

/**
 * Converts a sentence-case title to headline case. Words that already contain capitals
 * (China, ICT) are kept; text without cased letters (Chinese) is returned unchanged.
 *
 * @example
 *   titleCase("De-centering ‘spatial fix’—patterns of ICT hubs in China", CHICAGO_TITLE_CASE);
 *   // "De-centering ‘Spatial Fix’—Patterns of ICT Hubs in China"
 */
export function titleCase(title: string, rules: TitleCaseRules): string {
  // Whitespace and dashes separate words; a dash, colon or sentence end starts a new phrase.
  const tokens = title.split(/(\s+|—|–)/);
  const wordIndexes = tokens.flatMap((token, index) =>
    /[\p{L}\p{N}]/u.test(token) ? [index] : [],
  );
  const lastWord = wordIndexes[wordIndexes.length - 1];
  let phraseStart = true;
  return tokens
    .map((token, index) => {
      if (!wordIndexes.includes(index)) {
        if (token === "—" || token === "–") phraseStart = true;
        return token;
      }
      const forceCapital = phraseStart || index === lastWord;
      phraseStart = /[:.?!]$/.test(token);
      return casedWord(token, forceCapital, rules);
    })
    .join("");
}

function casedWord(word: string, forceCapital: boolean, rules: TitleCaseRules): string {
  const parts = word.split("-");
  return parts
    .map((part, index) => {
      if (index === 0)
        return forceCapital || !rules.minorWords.has(bare(part)) ? capitalise(part) : part;
      const previous = parts[index - 1] ?? "";
      if (rules.lowerAfterPrefix && PREFIXES.has(bare(previous))) return part;
      return rules.minorWords.has(bare(part)) ? part : capitalise(part);
    })
    .join("-");
}

/**
 * A short title for in-text citations: the main title (before a subtitle); if longer than
 * four words, its first four without a trailing minor word. Titles without spaces (Chinese)
 * are cut at full-width punctuation instead.
 *
 * @example
 *   shortTitle("Varieties of global capital and the paradox of local upgrading"); // "Varieties of global capital"
 */
export function shortTitle(title: string): string {
  if (!/\s/.test(title.trim())) return title.split(/[：？！。]/)[0] ?? title;
  const main = (title.split(/:\s|[.?!]\s|—/)[0] ?? title).trim();
  const all = main.split(/\s+/);
  if (all.length <= 4) return main;
  const words = all.slice(0, 4);
  // A cut title should not end on "of" or "the", nor on the comma that went on to the next word.
  while (words.length > 1 && CHICAGO_TITLE_CASE.minorWords.has(bare(words[words.length - 1] ?? "")))
    words.pop();
  return words.join(" ").replace(/[,;:]+$/u, "");
}
