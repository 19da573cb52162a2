import { keyStems } from "../text/english.js";
import type { Cedict } from "./types.js";

/** One dictionary gloss that an English key matches. */
export interface Posting {
  /** Simplified headword. */
  readonly word: string;
  /** Position of the gloss among the headword's glosses (0 = main sense). */
  readonly glossIndex: number;
  /** Number of glosses the headword has. */
  readonly glossCount: number;
  /** Content words in the gloss; equal to the key's word count for an exact match. */
  readonly glossWords: number;
  /** Whether the gloss comes from a proper-noun entry. */
  readonly proper: boolean;
  /** Whether a note narrowed the gloss's sense ("private (army rank)"). */
  readonly qualified: boolean;
  /** The gloss itself, for checking surface words that stemming conflates (university/universe). */
  readonly gloss: string;
  /**
   * For two-character words, how many longer headwords contain it: a proxy for how common the
   * word is (国内 "domestic" is in many compounds, 家养 "domestic (animal)" in none).
   */
  readonly compounds: number;
}

/** English → Chinese index over dictionary glosses, keyed by content-word stems. */
export interface ReverseIndex {
  /** Glosses containing all of `stems`: exact when the gloss has no other content word. */
  lookup(stems: readonly string[]): Posting[];
}

/** Glosses longer than this (in content words) are explanations, not translations. */
const MAX_KEY_WORDS = 4;
/** Later senses of very polysemous headwords add noise, not recall. */
const MAX_GLOSSES = 12;
/** Single characters rank low anyway; only their main senses are indexed. */
const MAX_CHAR_GLOSSES = 5;

/**
 * Builds the reverse index: each short gloss is listed under each of its content-word stems and
 * keeps its sorted stem key, so a lookup is one posting list filtered by key containment.
 *
 * @example
 *   const index = buildReverseIndex(dict);
 *   index.lookup(["foreign", "invest"]).map((p) => p.word) // → ["外资", "外商投资", …]
 */
export function buildReverseIndex(dict: Cedict): ReverseIndex {
  const words = [...dict.words.keys()];
  const slotWord: number[] = [];
  const slotGloss: number[] = [];
  // Space-padded stem keys (" equiti share ") keep a lookup's containment test to one includes().
  const slotKey: string[] = [];
  const slotWords: number[] = [];
  const byStem = new Map<string, number[]>();
  const compounds = countCompounds(words);
  words.forEach((word, id) => {
    const glosses = dict.words.get(word)?.glosses ?? [];
    const limit = Math.min(glosses.length, word.length === 1 ? MAX_CHAR_GLOSSES : MAX_GLOSSES);
    for (let g = 0; g < limit; g++) {
      const stems = keyStems(glosses[g] ?? "", false);
      if (stems.length === 0 || stems.length > MAX_KEY_WORDS) continue;
      const slot = slotKey.length;
      slotWord.push(id);
      slotGloss.push(g);
      slotKey.push(` ${stems.join(" ")} `);
      let unique = 0;
      for (let i = 0; i < stems.length; i++) {
        const stem = stems[i] ?? "";
        if (stems.indexOf(stem) !== i) continue;
        unique++;
        const list = byStem.get(stem);
        if (list) list.push(slot);
        else byStem.set(stem, [slot]);
      }
      slotWords.push(unique);
    }
  });
  return {
    lookup(stems) {
      const wanted = [...new Set(stems)];
      const lists = wanted.map((stem) => byStem.get(stem) ?? []);
      const shortest = lists.reduce((a, b) => (b.length < a.length ? b : a), lists[0] ?? []);
      const postings: Posting[] = [];
      for (const slot of shortest) {
        const key = slotKey[slot] ?? "";
        if (!wanted.every((stem) => key.includes(` ${stem} `))) continue;
        const word = words[slotWord[slot] ?? 0] ?? "";
        const glossIndex = slotGloss[slot] ?? 0;
        const entry = dict.words.get(word);
        postings.push({
          word,
          glossIndex,
          glossCount: entry?.glosses.length ?? 1,
          glossWords: slotWords[slot] ?? 0,
          proper: ((entry?.properMask ?? 0) & (1 << glossIndex)) !== 0,
          qualified: ((entry?.qualifiedMask ?? 0) & (1 << glossIndex)) !== 0,
          gloss: entry?.glosses[glossIndex] ?? "",
          compounds: compounds.get(word) ?? 0,
        });
      }
      return postings;
    },
  };
}

/** For each two-character string, the number of longer headwords containing it. */
function countCompounds(words: readonly string[]): Map<string, number> {
  const counts = new Map<string, number>();
  for (const word of words) {
    if (word.length < 3) continue;
    let previous = "";
    for (let i = 0; i + 2 <= word.length; i++) {
      const pair = word.slice(i, i + 2);
      if (pair === previous) continue;
      previous = pair;
      counts.set(pair, (counts.get(pair) ?? 0) + 1);
    }
  }
  return counts;
}
