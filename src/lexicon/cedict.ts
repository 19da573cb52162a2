// Dictionary data: CC-CEDICT (https://cc-cedict.org), © MDBG and contributors,
// licensed CC BY-SA 4.0 (https://creativecommons.org/licenses/by-sa/4.0/).
// Read at the edge (`cedict-file.ts` in Node, the Worker's data in Workers) and parsed here.
import { pinyin } from "pinyin-pro";
import { MAX_GLOSS_WORDS, cleanGloss, properNames, wordCount } from "./clean-gloss.js";
import type { DictionaryTerm } from "../knowledge/types.js";
import { supplementLines } from "./supplement.js";
import type { Cedict, DictWord } from "./types.js";

/** Credit line for CC-CEDICT, to show wherever dictionary-derived output is published. */
export const ATTRIBUTION =
  "Chinese–English glosses from CC-CEDICT (https://cc-cedict.org), © MDBG and contributors, " +
  "licensed under CC BY-SA 4.0 (https://creativecommons.org/licenses/by-sa/4.0/).";

/** Segmentation never tries headwords longer than this; longer CEDICT entries are idioms. */
const MAX_SEGMENT_WORD = 8;

/** The kept glosses of one entry (or of all proper-noun entries) with their "qualified" bits. */
interface Senses {
  readonly texts: string[];
  qualifiedMask: number;
  /** The entry's pinyin as written ("zhong4"). */
  readonly reading: string;
}

interface Builder {
  /** One per common-word entry (one per pronunciation). */
  common: Senses[];
  proper: Senses;
  refs: string[] | undefined;
}

/** The entry of a headword known without its glosses (see {@link parseDictionary}). */
const GLOSSLESS: DictWord = { glosses: [], properMask: 0, qualifiedMask: 0 };
const GLOSSLESS_NAME: DictWord = { ...GLOSSLESS, name: true };

/** Whether every sense of a dictionary word is a proper noun (capitalised pinyin). */
export const properOnly = (entry: DictWord | undefined): boolean =>
  entry !== undefined &&
  entry.glosses.length > 0 &&
  entry.properMask === (1 << entry.glosses.length) - 1;

/** Marks a glossless headword the dictionary knows only as a proper noun ("比亚迪\tname"). */
export const NAME_MARK = "\tname";

/**
 * CC-CEDICT text with a corpus's dictionary supplement (`knowledge/dictionary.json`) appended,
 * parsed: the supplement's senses follow CC-CEDICT's own for a word both have. `headwords` (one a
 * line) are further words known without glosses — those a pruned dictionary left out — so that
 * segmentation still finds them; those marked with {@link NAME_MARK} are known as proper nouns.
 *
 * @example
 *   parseDictionary(cedictText, knowledge.dictionary).words.get("外资")?.glosses
 *   // → ["foreign investment", …, "foreign capital"]
 *   parseDictionary(prunedText, [], "福田区").words.get("福田区") // → { glosses: [], … }
 */
export function parseDictionary(
  cedictText: string,
  supplement: readonly DictionaryTerm[],
  headwords = "",
): Cedict {
  const dict = parseCedict(`${cedictText}\n${supplementLines(supplement)}`);
  if (!headwords) return dict;
  const words = new Map(dict.words);
  for (const line of headwords.split("\n")) {
    const name = line.endsWith(NAME_MARK);
    const word = name ? line.slice(0, -NAME_MARK.length) : line;
    if (word && !words.has(word)) words.set(word, name ? GLOSSLESS_NAME : GLOSSLESS);
  }
  return { ...dict, words };
}

/**
 * Parses CC-CEDICT text (`trad simp [pin1 yin1] /gloss/gloss/`) into merged, cleaned entries.
 *
 * @example
 *   parseCedict("東莞 东莞 [Dong1 guan3] /Dongguan prefecture-level city in Guangdong/")
 *     .words.get("东莞") // → { glosses: ["Dongguan"], properMask: 1, qualifiedMask: 0 }
 */
export function parseCedict(text: string): Cedict {
  const builders = new Map<string, Builder>();
  const properByPinyin = new Map<string, string[]>();
  let start = 0;
  while (start < text.length) {
    let end = text.indexOf("\n", start);
    if (end < 0) end = text.length;
    if (text.charCodeAt(start) !== 35 /* # */)
      parseLine(text.slice(start, end), builders, properByPinyin);
    start = end + 1;
  }
  return { words: resolve(builders), maxWordLength: MAX_SEGMENT_WORD, properByPinyin };
}

function parseLine(
  line: string,
  builders: Map<string, Builder>,
  properByPinyin: Map<string, string[]>,
): void {
  const space1 = line.indexOf(" ");
  const space2 = line.indexOf(" ", space1 + 1);
  const open = line.indexOf("[", space2);
  const close = line.indexOf("]", open);
  const slash = line.indexOf("/", close);
  if (space1 < 0 || space2 < 0 || open < 0 || close < 0 || slash < 0) return;
  const simplified = line.slice(space1 + 1, space2);
  const first = line.charCodeAt(open + 1);
  const proper = first >= 65 && first <= 90;
  let builder = builders.get(simplified);
  if (!builder) {
    builder = { common: [], proper: { texts: [], qualifiedMask: 0, reading: "" }, refs: undefined };
    builders.set(simplified, builder);
  }
  const pinyin = line.slice(open + 1, close);
  const senses = proper ? builder.proper : { texts: [], qualifiedMask: 0, reading: pinyin };
  if (!proper) builder.common.push(senses);
  addEntry(builder, senses, line.slice(slash + 1, line.lastIndexOf("/")).split("/"), proper);
  if (proper) {
    const key = readingKey(pinyin);
    const list = properByPinyin.get(key);
    if (!list) properByPinyin.set(key, [simplified]);
    else if (!list.includes(simplified)) list.push(simplified);
  }
}

/** Toneless pinyin, syllables joined: "Qian1 an1" → "qianan". */
function readingKey(pinyin: string): string {
  return pinyin
    .toLowerCase()
    .replace(/u:/g, "u")
    .replace(/[^a-z]/g, "");
}

function addEntry(builder: Builder, senses: Senses, rawGlosses: string[], proper: boolean): void {
  let firstLong: string | undefined;
  let added = 0;
  for (const raw of rawGlosses) {
    const cleaned = cleanGloss(raw);
    if (cleaned.kind === "ref") (builder.refs ??= []).push(cleaned.word);
    else if (cleaned.kind === "drop") continue;
    else if (wordCount(cleaned.text) > MAX_GLOSS_WORDS) firstLong ??= cleaned.text;
    else if (proper && /^[A-Z0-9]/.test(cleaned.text))
      for (const name of properNames(cleaned.text)) added += keep(senses, name, false);
    else added += keep(senses, cleaned.text, cleaned.qualified);
  }
  // An entry that only explains (no short gloss) still gets its first clause, shortened.
  if (added === 0 && firstLong !== undefined) {
    const clause = (firstLong.split(/[,;]/)[0] ?? "")
      .split(" ")
      .slice(0, MAX_GLOSS_WORDS)
      .join(" ");
    keep(senses, proper ? (properNames(clause)[0] ?? clause) : clause, true);
  }
}

/** Adds a short gloss unless it is a repeat; returns 1 when the gloss counts as kept. */
function keep(senses: Senses, text: string, qualified: boolean): number {
  if (senses.texts.includes(text) || senses.texts.length >= 31) return 1;
  if (qualified) senses.qualifiedMask |= 1 << senses.texts.length;
  senses.texts.push(text);
  return 1;
}

/**
 * Orders a headword's common entries so its usual reading leads: the reading pinyin-pro gives
 * the word (重 → zhong: "heavy" before chong "to repeat"), then the entry with most senses.
 */
function mainReadingFirst(word: string, entries: Senses[]): Senses[] {
  // Rare multi-character polyphones are not worth a pinyin-pro call each during the load.
  if (word.length > 1) return [...entries].sort((a, b) => b.texts.length - a.texts.length);
  const usual = pinyin(word, { toneType: "none", separator: "", v: false }).replace(/ü/g, "u");
  const rank = (s: Senses): number => (readingKey(s.reading) === usual ? 1000 : 0) + s.texts.length;
  return [...entries].sort((a, b) => rank(b) - rank(a));
}

/**
 * Merges a headword's senses into a DictWord: common-word entries first (usual reading
 * leading), then proper nouns. At most 31 glosses fit the bit masks.
 */
function toDictWord(word: string, builder: Builder): DictWord {
  const only = builder.common[0];
  if (builder.common.length === 1 && only && builder.proper.texts.length === 0) {
    return { glosses: only.texts, properMask: 0, qualifiedMask: only.qualifiedMask };
  }
  const glosses: string[] = [];
  let properMask = 0;
  let qualifiedMask = 0;
  const lists = [...mainReadingFirst(word, builder.common), builder.proper];
  for (const list of lists) {
    list.texts.forEach((text, i) => {
      if (glosses.includes(text) || glosses.length >= 31) return;
      if (list === builder.proper) properMask |= 1 << glosses.length;
      if (list.qualifiedMask & (1 << i)) qualifiedMask |= 1 << glosses.length;
      glosses.push(text);
    });
  }
  return { glosses, properMask, qualifiedMask };
}

function resolve(builders: Map<string, Builder>): Map<string, DictWord> {
  const words = new Map<string, DictWord>();
  const referring: [string, string[]][] = [];
  for (const [word, builder] of builders) {
    let any = builder.proper.texts.length > 0;
    for (const senses of builder.common) any ||= senses.texts.length > 0;
    if (any) words.set(word, toDictWord(word, builder));
    else if (builder.refs) referring.push([word, builder.refs]);
  }
  // "abbr. for X" / "variant of X" entries borrow X's glosses (one level is enough in practice).
  for (const [word, refs] of referring) {
    const target = refs.map((ref) => words.get(ref)).find((entry) => entry !== undefined);
    if (target) words.set(word, target);
  }
  return words;
}
