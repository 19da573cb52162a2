import type { Translator } from "../lexicon/types.js";
import { matchForm } from "../text/fold.js";
import { QUESTION_STOP_WORDS } from "../text/stop-words.js";
import type { Entity } from "./types.js";

/** Quoted phrases: 'Blue Harbour', “garden city”, 「港口」. */
const QUOTED =
  /(?:^|[\s(])['‘“"]([^'’”"]{2,60})['’”"](?=$|[\s,.?;:)])|[「『]([^」』]{1,30})[」』]/gu;

/**
 * The names a question mentions: gazetteer places and organisations (every spelling and script),
 * runs of capitalised words that are not sentence-initial, Latin words inside a Chinese question,
 * words of a Chinese question the dictionary knows only as proper nouns (with `unusedName`, only
 * those it says the corpus never uses), and quoted phrases.
 *
 * @example
 *   findEntities("Which firm did Kunshan win from Taipei?", translator).map((e) => e.name)
 *   // → ["Kunshan", "Taipei"]
 */
export function findEntities(
  text: string,
  translator: Translator | null,
  unusedName?: (forms: readonly string[]) => boolean,
): Entity[] {
  const out = new Map<string, Entity>();
  let rest = text;
  for (const n of translator?.names(text) ?? []) {
    out.set(matchForm(n.name), {
      name: n.name,
      forms: [...new Set(n.variants.map((v) => matchForm(v)))],
      known: true,
    });
    for (const v of n.variants) rest = rest.split(v).join(" ");
  }
  const add = (name: string) => {
    const key = matchForm(name);
    if (out.has(key) || key.length < 2) return;
    const translations = translator
      ? [
          ...translator.toChinese(name),
          ...translator.romanised(name.toLowerCase().replace(/['’\s-]/gu, "")),
        ]
      : [];
    out.set(key, {
      name,
      forms: [...new Set([key, ...placeNames(key), ...translations.map((w) => matchForm(w))])],
      known: false,
    });
  };
  for (const m of rest.matchAll(QUOTED)) add((m[1] ?? m[2]!).trim());
  // A quoted name is one name: its capitalised words are not names of their own ('P Group').
  rest = rest.replace(QUOTED, (m) => " ".repeat(m.length));
  if (/\p{Script=Han}/u.test(rest)) {
    for (const m of rest.matchAll(/[A-Za-z][A-Za-z0-9&.-]*[A-Za-z0-9]/gu))
      if (!QUESTION_STOP_WORDS.has(m[0].toLowerCase())) add(m[0]);
    for (const p of translator?.properNouns?.(rest) ?? []) {
      const key = matchForm(p.word);
      const forms = [...new Set([key, ...p.english.map((e) => matchForm(e))])];
      // A part of a name already found (彼得 of 「熊彼得」) is not a name of its own; one the corpus
      // uses reads as a word like any other.
      if (![...out.keys()].some((k) => k.includes(key)) && (unusedName?.(forms) ?? true))
        out.set(key, { name: p.word, forms, known: false });
    }
  }
  for (const run of capitalisedRuns(rest)) add(run);
  return [...out.values()];
}

/**
 * Runs of capitalised words inside sentences ("Fortune Global", "Chuanzhi Liu"): not the first word
 * of a sentence, not a stop word. Possessives are dropped.
 */
function capitalisedRuns(text: string): string[] {
  const runs: string[] = [];
  for (const sentence of text.split(/(?<=[.?!])\s+|[()（）]/u)) {
    const words = [...sentence.matchAll(/[\p{L}][\p{L}\p{N}'’&-]*/gu)];
    let run: string[] = [];
    const flush = () => {
      if (run.length) runs.push(run.join(" "));
      run = [];
    };
    words.forEach((m, i) => {
      const bare = m[0].replace(/['’]s$/u, "").replace(/['’-]+$/u, "");
      const capital = /^\p{Lu}/u.test(bare) && !QUESTION_STOP_WORDS.has(bare.toLowerCase());
      if (i > 0 && capital && bare.length > 1) run.push(bare);
      else flush();
    });
    flush();
  }
  return runs;
}

/**
 * The place names an English adjective of nationality may come from, by the regular suffixes
 * ("indian" → "india", "european" → "europe", "japanese" → "japan", "chinese" → "china"); [] for
 * other words. The candidates that are not names never match anything.
 *
 * @example
 *   placeNames("indonesian") // → ["indonesia", "indonesi"]
 */
export function placeNames(word: string): string[] {
  if (!/^[a-z]{4,}$/u.test(word)) return [];
  if (word.endsWith("ese")) return [word.slice(0, -3), `${word.slice(0, -3)}a`];
  if (word.endsWith("an")) return [word.slice(0, -1), word.slice(0, -2)];
  return [];
}
