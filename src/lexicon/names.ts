import { pinyin } from "pinyin-pro";
import { hasHan, toSimplified } from "../text/fold.js";
import type { NameEntry } from "../knowledge/types.js";
import type { FoundName } from "./types.js";

interface Compiled {
  readonly entry: NameEntry;
  /** English forms and demonyms: everything that finds the name in English text. */
  readonly english: readonly string[];
  readonly variants: readonly string[];
  /** Simplified Chinese forms, for searching folded text. */
  readonly han: readonly string[];
}

/** A gazetteer compiled for lookups: names found in text, in any spelling or script. */
export interface Gazetteer {
  /**
   * Gazetteer names occurring in a text, English or Chinese (either script), in order of first
   * occurrence. Within a script a longer name wins over one it contains.
   */
  find(text: string): FoundName[];
  /** All forms of a name — English, Traditional, Simplified — from any one of them; [] when unknown. */
  variants(term: string): string[];
  /** Canonical English form of a Simplified Chinese name, if it is one. */
  englishName(simplified: string): string | undefined;
  /** Every Simplified Chinese form with the name's English forms. */
  forms(): [string, string[]][];
  /**
   * The gazetteer's spelling of a word it does not know but one letter away from one of its names
   * ("Shenzen" → "Shenzhen"): users misspell place names. Null when there is none or more than one.
   */
  spelling(word: string): string | null;
}

/** Shortest word checked for a misspelt name: shorter words are too often other words. */
const MIN_SPELLING = 6;

/** Whether two words differ by one insertion, deletion, substitution or swap of neighbours. */
function oneEditApart(a: string, b: string): boolean {
  if (a === b || Math.abs(a.length - b.length) > 1) return false;
  let i = 0;
  while (i < a.length && i < b.length && a[i] === b[i]) i++;
  if (a.length === b.length)
    return (
      a.slice(i + 1) === b.slice(i + 1) ||
      (a[i] === b[i + 1] && a[i + 1] === b[i] && a.slice(i + 2) === b.slice(i + 2))
    );
  return a.length > b.length ? a.slice(i + 1) === b.slice(i) : a.slice(i) === b.slice(i + 1);
}

/**
 * Romanisation key: lowercase, with apostrophes, hyphens and spaces removed, so that
 * "Zhong’guancun", "Zhong'guancun" and "Zhongguancun" (or "Park Chung-hee" and "Park Chung Hee") meet.
 *
 * @example
 *   latinKey("Zhong’guancun") // → "zhongguancun"
 */
export function latinKey(text: string): string {
  return text
    .normalize("NFKC")
    .toLowerCase()
    .replace(/['’‘ʼ`\-‐–\s.]/g, "");
}

/**
 * Toneless pinyin of Chinese text, syllables joined, for matching a Chinese name to its English
 * spelling. Traditional input is folded first; non-Chinese characters are dropped.
 *
 * @example
 *   pinyinOf("天津") // → "tianjin"
 *   pinyinOf("東莞") // → "dongguan"
 */
export function pinyinOf(chinese: string): string {
  const simplified = toSimplified(chinese).replace(/[^\u3400-\u9fff]/g, "");
  if (simplified === "") return "";
  return pinyin(simplified, { toneType: "none", separator: "", v: false })
    .toLowerCase()
    .replace(/ü/g, "u")
    .replace(/[^a-z]/g, "");
}

/**
 * Whether a romanised English spelling is the pinyin of a Chinese word.
 *
 * @example
 *   matchesPinyin("Qian'an", "遷安") // → true
 */
export function matchesPinyin(romanised: string, chinese: string): boolean {
  const key = latinKey(romanised);
  return key !== "" && key === pinyinOf(chinese);
}

/**
 * Compiles gazetteer entries (a corpus's `knowledge/gazetteer.json`) for lookups. An empty list
 * gives a gazetteer that finds nothing.
 *
 * @example
 *   const names = compileGazetteer(knowledge.gazetteer);
 *   names.find("東莞與深圳的電子業").map((n) => n.name) // → ["Dongguan", "Shenzhen"]
 *   names.find("offices in Zhong’guancun").map((n) => n.name) // → ["Zhongguancun"]
 *   names.variants("东莞") // → ["Dongguan", "東莞", "东莞"]
 *   names.englishName("大田") // → "Daejeon"
 *   names.forms().find(([form]) => form === "大德")?.[1] // → ["Daedeok", "Taedok", …]
 */
export function compileGazetteer(entries: readonly NameEntry[]): Gazetteer {
  const { byKey, latin, han } = compile(entries);
  return {
    find: (text) => findIn(text, byKey, latin, han),
    variants(term) {
      const key = hasHan(term) ? toSimplified(term).trim() : latinKey(term);
      return [...(byKey.get(key)?.variants ?? [])];
    },
    englishName(simplified) {
      const name = byKey.get(simplified);
      return name && hasHan(simplified) ? name.entry.en[0] : undefined;
    },
    forms: () => han.map(([form, name]) => [form, [...name.english]]),
    spelling(word) {
      const key = latinKey(word);
      if (key.length < MIN_SPELLING || byKey.has(key)) return null;
      const near = new Set<string>();
      for (const [k, name] of byKey)
        if (!hasHan(k) && k.length >= MIN_SPELLING - 1 && oneEditApart(key, k))
          near.add(name.entry.en[0]!);
      return near.size === 1 ? [...near][0]! : null;
    },
  };
}

function findIn(
  text: string,
  byKey: ReadonlyMap<string, Compiled>,
  latin: RegExp | null,
  han: readonly (readonly [string, Compiled])[],
): FoundName[] {
  const spans: { start: number; end: number; name: Compiled }[] = [];
  for (const match of latin ? text.normalize("NFKC").matchAll(latin) : []) {
    const name = byKey.get(latinKey(match[0]));
    if (name && caseAllowed(match[0], name)) {
      spans.push({ start: match.index, end: match.index + match[0].length, name });
    }
  }
  if (hasHan(text)) {
    // NFKC and Traditional→Simplified keep Chinese text the same length, so offsets stay comparable.
    const folded = toSimplified(text);
    const hanSpans: typeof spans = [];
    for (const [form, name] of han) {
      for (let at = folded.indexOf(form); at >= 0; at = folded.indexOf(form, at + 1)) {
        hanSpans.push({ start: at, end: at + form.length, name });
      }
    }
    // Forward longest match: a form that starts inside a name already found is not there (北大
    // "Peking University" is not in 台北大橋, Taipei Bridge), nor is one inside a longer name.
    hanSpans.sort((a, b) => a.start - b.start || b.end - a.end);
    let end = 0;
    for (const s of hanSpans) {
      if (s.start < end) continue;
      spans.push(s);
      end = s.end;
    }
  }
  const seen = new Set<Compiled>();
  const found: FoundName[] = [];
  for (const span of spans.sort((a, b) => a.start - b.start)) {
    if (seen.has(span.name)) continue;
    seen.add(span.name);
    found.push({ name: span.name.entry.en[0] ?? "", variants: span.name.variants });
  }
  return found;
}

/** All-caps abbreviations ("SIP", "CAS") and flagged common words ("Stone") must keep their case. */
function caseAllowed(written: string, name: Compiled): boolean {
  const form = name.english.find((en) => latinKey(en) === latinKey(written)) ?? "";
  if (/^[A-Z0-9&]{2,}$/.test(form)) return written === form;
  return !name.entry.caseSensitive || /^[A-Z]/.test(written);
}

function compile(entries: readonly NameEntry[]) {
  const byKey = new Map<string, Compiled>();
  const han: [string, Compiled][] = [];
  const patterns: string[] = [];
  for (const entry of entries) {
    const english = [...entry.en, ...(entry.demonyms ?? [])];
    const simplified = entry.zh.map(toSimplified);
    const name: Compiled = {
      entry,
      english,
      variants: [...new Set([...english, ...entry.zh, ...simplified])],
      han: [...new Set(simplified)],
    };
    for (const en of english) {
      byKey.set(latinKey(en), name);
      patterns.push(latinPattern(en));
    }
    for (const form of name.han) {
      byKey.set(form, name);
      han.push([form, name]);
    }
  }
  patterns.sort((a, b) => b.length - a.length);
  // Without English names an empty alternation would match everywhere.
  const latin = patterns.length
    ? new RegExp(`(?<![A-Za-z0-9])(?:${patterns.join("|")})(?![A-Za-z0-9])`, "gi")
    : null;
  return { byKey, latin, han };
}

/** A regex source for an English name that tolerates apostrophe, hyphen and spacing variants. */
function latinPattern(en: string): string {
  return en
    .split(/(['’\-\s]+)/)
    .map((part, i) =>
      i % 2 === 1 ? "['’‘ʼ\\-‐–\\s]*" : part.replace(/[.*+?^${}()|[\]\\]/g, "\\$&"),
    )
    .join("");
}
