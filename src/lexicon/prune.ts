import { keyStems } from "../text/english.js";
import { isHan, toSimplified } from "../text/fold.js";
import { cleanGloss } from "./clean-gloss.js";

/** What {@link pruneCedict} kept. */
export interface PrunedCedict {
  /** CC-CEDICT lines (its comment header first), newline-separated, as the parser reads them. */
  text: string;
  /**
   * The Simplified headwords of the entries left out, one a line: without their glosses they still
   * let a question be segmented into the words the whole dictionary would find (`parseDictionary`).
   */
  headwords: string;
  /** Entries kept, and entries in the full dictionary. */
  kept: number;
  of: number;
}

/** Headwords up to this length are looked up among the corpus's substrings; longer ones by search. */
const SHORT_WORD = 8;
/** Glosses of more content words are explanations, not translations (as the reverse index has it). */
const MAX_GLOSS_STEMS = 4;

/**
 * CC-CEDICT reduced to the entries that can connect a question to the corpus: those whose
 * Simplified headword occurs in `texts` (after the project's script fold, as the lexicon reads
 * text) — the only Chinese words a Chinese passage can match — and those with a gloss of one to
 * four content words that all occur in `texts` — the Chinese words of a question that translate
 * into words an English passage has. Entries these refer to ("variant of X", "abbr. for X") are
 * kept too: they borrow X's glosses. The Worker parses about a third of the 120,000 entries at each
 * cold start. The other words' headwords are listed apart (`headwords`), glosses left out: a
 * question is segmented by every headword, as with the whole dictionary, so one word the corpus
 * lacks ("福田區") does not split into characters that translate into other words. The comment
 * header (licence and attribution) is kept.
 *
 * @example
 *   pruneCedict("# CC-CEDICT\n北京 北京 [Bei3 jing1] /Beijing/\n上海 上海 [Shang4 hai3] /Shanghai/", ["北京大學"])
 *   // → { text: "# CC-CEDICT\n北京 北京 [Bei3 jing1] /Beijing/", headwords: "上海", kept: 1, of: 2 }
 */
export function pruneCedict(cedictText: string, texts: Iterable<string>): PrunedCedict {
  const all = [...texts];
  const corpus = all.map(toSimplified).join("\n");
  const occurs = occurrenceTest(corpus);
  const english = new Set(all.flatMap((t) => keyStems(t.replace(/\p{Script=Han}+/gu, " "))));
  const translatesIntoCorpus = (gloss: string) => {
    const stems = keyStems(gloss);
    return (
      stems.length > 0 && stems.length <= MAX_GLOSS_STEMS && stems.every((s) => english.has(s))
    );
  };
  const glossesOf = (line: string) =>
    line.slice(line.indexOf("/") + 1, line.lastIndexOf("/")).split("/");
  const header: string[] = [];
  const entries: Array<{ line: string; word: string }> = [];
  for (const line of cedictText.split(/\r?\n/u)) {
    if (line.startsWith("#")) header.push(line);
    else {
      const word = line.split(" ", 2)[1];
      if (word) entries.push({ line, word });
    }
  }
  const wanted = new Set<string>();
  for (const { line, word } of entries)
    if (occurs(word) || glossesOf(line).some(translatesIntoCorpus)) wanted.add(word);
  // References are followed one level, as the parser resolves them.
  for (const { line, word } of entries) {
    if (!wanted.has(word)) continue;
    for (const raw of glossesOf(line)) {
      const gloss = cleanGloss(raw);
      if (gloss.kind === "ref") wanted.add(gloss.word);
    }
  }
  const kept = entries.filter((e) => wanted.has(e.word)).map((e) => e.line);
  const others = new Set(entries.filter((e) => !wanted.has(e.word)).map((e) => e.word));
  return {
    text: [...header, ...kept].join("\n"),
    headwords: [...others].join("\n"),
    kept: kept.length,
    of: entries.length,
  };
}

/**
 * A test of whether a word occurs in `corpus`: every substring of up to {@link SHORT_WORD}
 * characters of its Chinese runs is kept in a set; words with other characters or longer ones are
 * searched for.
 */
function occurrenceTest(corpus: string): (word: string) => boolean {
  const short = new Set<string>();
  for (const [run] of corpus.matchAll(/[\u3400-\u9fff\uf900-\ufaff\u{20000}-\u{2ffff}]+/gu)) {
    const chars = [...run];
    for (let i = 0; i < chars.length; i++) {
      let piece = "";
      for (let j = i; j < Math.min(chars.length, i + SHORT_WORD); j++) {
        piece += chars[j];
        short.add(piece);
      }
    }
  }
  const allHan = (word: string) => [...word].every((ch) => isHan(ch.codePointAt(0)!));
  return (word) =>
    allHan(word) && [...word].length <= SHORT_WORD ? short.has(word) : corpus.includes(word);
}
