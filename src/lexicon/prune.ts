import { keyStems } from "../text/english.js";
import { isHan, toSimplified } from "../text/fold.js";
import { NAME_MARK, parseCedict, properOnly } from "./cedict.js";
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

/** Glosses of more content words are explanations, not translations (as the reverse index has it). */
const MAX_GLOSS_STEMS = 4;

/**
 * CC-CEDICT reduced to the entries that can connect a question to the corpus. A Chinese word can
 * meet the corpus's text when one of its matching tokens occurs there — a character bigram (in the
 * project's script fold), or the character itself for a one-character word — so an English
 * question's translation 卢武铉 still finds 盧武炫 through 卢武. An English word can lead a Chinese
 * question to English text when the word is one of a gloss of one to four content words that all
 * occur in `texts`; glosses are judged as the lexicon reads them (parsed: "Futian district of
 * Shenzhen City, Guangdong" is the name "Futian"). Entries these refer to ("variant of X", "abbr.
 * for X") are kept too: they borrow X's glosses. The other words' headwords are listed apart
 * (`headwords`), glosses left out: a question is segmented by every headword, as with the whole
 * dictionary, so a word the corpus lacks (福田區) does not split into characters that translate
 * into other words. The comment header (licence and attribution) is kept.
 *
 * What is lost: the glosses of words that meet neither the corpus's Chinese nor its English, and
 * with them the competition they give kept words for a question's top translations; the Worker
 * parses less than half of the 120,000 entries at each cold start instead.
 *
 * @example
 *   pruneCedict("# CC-CEDICT\n北京 北京 [Bei3 jing1] /Beijing/\n上海 上海 [Shang4 hai3] /Shanghai/", ["北京大學"])
 *   // → { text: "# CC-CEDICT\n北京 北京 [Bei3 jing1] /Beijing/", headwords: "上海", kept: 1, of: 2 }
 */
export function pruneCedict(cedictText: string, texts: Iterable<string>): PrunedCedict {
  const all = [...texts];
  const meets = tokenTest(all.map(toSimplified).join("\n"));
  const english = new Set(all.flatMap((t) => keyStems(t.replace(/\p{Script=Han}+/gu, " "))));
  const translatesIntoCorpus = (gloss: string) => {
    const stems = keyStems(gloss);
    return (
      stems.length > 0 && stems.length <= MAX_GLOSS_STEMS && stems.every((s) => english.has(s))
    );
  };
  const parsed = parseCedict(cedictText).words;
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
  for (const { word } of entries)
    if (meets(word) || parsed.get(word)?.glosses.some(translatesIntoCorpus)) wanted.add(word);
  // References are followed one level, as the parser resolves them.
  for (const { line, word } of entries) {
    if (!wanted.has(word)) continue;
    for (const raw of line.slice(line.indexOf("/") + 1, line.lastIndexOf("/")).split("/")) {
      const gloss = cleanGloss(raw);
      if (gloss.kind === "ref") wanted.add(gloss.word);
    }
  }
  const kept = entries.filter((e) => wanted.has(e.word)).map((e) => e.line);
  const others = new Set(entries.filter((e) => !wanted.has(e.word)).map((e) => e.word));
  // A word the dictionary knows only as a proper noun keeps that much: a question naming it names
  // something the corpus never mentions (比亚迪, BYD).
  const listed = [...others].map((w) => (properOnly(parsed.get(w)) ? `${w}${NAME_MARK}` : w));
  return {
    text: [...header, ...kept].join("\n"),
    headwords: listed.join("\n"),
    kept: kept.length,
    of: entries.length,
  };
}

/**
 * A test of whether a (Simplified) word shares a matching token with `corpus`: a character bigram
 * of its, or for a one-character word the character. Words with characters other than Han are
 * searched for whole.
 */
function tokenTest(corpus: string): (word: string) => boolean {
  const chars = new Set<string>();
  const bigrams = new Set<string>();
  for (const [run] of corpus.matchAll(/\p{Script=Han}+/gu)) {
    const cs = [...run];
    cs.forEach((c, i) => {
      chars.add(c);
      if (i > 0) bigrams.add(cs[i - 1]! + c);
    });
  }
  return (word) => {
    const cs = [...word];
    if (!cs.every((c) => isHan(c.codePointAt(0)!))) return corpus.includes(word);
    if (cs.length === 1) return chars.has(cs[0]!);
    return cs.some((c, i) => i > 0 && bigrams.has(cs[i - 1]! + c));
  };
}
