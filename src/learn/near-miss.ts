import type { EvalItem, QuestionType } from "../eval/set.js";
import type { NameEntry } from "../knowledge/types.js";
import { escapeRegExp, scriptOf, toSimplified } from "../text/fold.js";

/** Question types not turned into near misses: they span turns or documents, or have no answer. */
const SKIPPED_TYPES: ReadonlySet<QuestionType> = new Set(["multi-doc", "followup", "unanswerable"]);
const YEAR = /(?<!\d)(?:19|20)\d\d(?!\d)/gu;
const HAN = /\p{Script=Han}/u;
/** Written in Simplified characters (compared character by character, as question analysis does). */
/** A near miss: an answerable question with one name or year changed, and the question it came from. */
export interface NearMiss {
  item: EvalItem;
  /** Id of the answerable question it was made from (it shares that question's fold). */
  origin: string;
  /** What was changed. */
  change: "name" | "year";
}

/** Where a labelled question's answer is: the passages holding its evidence, and their document. */
export interface EvidenceText {
  /** Text of the passages that hold the gold evidence. */
  near: string;
  /** Text of the document(s) the evidence is in. */
  document: string;
}

/**
 * Near-miss questions for fitting abstention, made from answerable labelled questions the way near
 * misses arise: the question asks about a place, organisation or year the same document discusses,
 * but not where the answer is ("How many firms in Suzhou …" when the passage counts Shenzhen's).
 * A name is replaced by another gazetteer name the document uses and the evidence passages do not;
 * a year by the nearest year the document names and the evidence passages do not. The changed
 * question is labelled unanswerable: its evidence no longer answers it. (Some might still be
 * answered elsewhere in the corpus; they are a minority, and are only ever used as training rows.)
 *
 * @example
 *   nearMisses(items, knowledge.gazetteer, (it) => evidenceOf(it)).length
 */
export function nearMisses(
  items: readonly EvalItem[],
  gazetteer: readonly NameEntry[],
  evidence: (item: EvalItem) => EvidenceText | null,
): NearMiss[] {
  const entries = gazetteer.map((e) => ({
    latin: e.en.filter((f) => !HAN.test(f)),
    han: [...new Set(e.zh.flatMap((z) => [z, toSimplified(z)]))],
    caseSensitive: e.caseSensitive ?? false,
  }));
  type Entry = (typeof entries)[number];
  const formsOf = (e: Entry) => [...e.latin, ...e.han];
  const occurs = (text: string, lower: string, form: string, e: Entry) =>
    HAN.test(form)
      ? text.includes(form)
      : new RegExp(
          `(?<![\\p{L}\\p{N}])${escapeRegExp(e.caseSensitive ? form : form.toLowerCase())}(?![\\p{L}\\p{N}])`,
          "u",
        ).test(e.caseSensitive ? text : lower);
  const named = (text: string, e: Entry) => {
    const lower = text.toLowerCase();
    return formsOf(e).some((f) => occurs(text, lower, f, e));
  };
  const out: NearMiss[] = [];
  for (const item of items) {
    if (!!SKIPPED_TYPES.has(item.type) || item.asked.length !== 1 || !item.gold.length) continue;
    const ev = evidence(item);
    if (!ev) continue;
    const q = item.question;
    const qLower = q.toLowerCase();
    const simplified = scriptOf(q) === "hans";
    // A name of the question that the evidence passages use, replaced by one they do not use.
    const asked = entries
      .map((e) => ({
        e,
        form: formsOf(e)
          .filter((f) => occurs(q, qLower, f, e))
          .sort((a, b) => b.length - a.length)[0],
      }))
      .filter((x): x is { e: Entry; form: string } => x.form !== undefined && named(ev.near, x.e));
    const target = asked.sort((a, b) => b.form.length - a.form.length)[0];
    if (target) {
      const han = HAN.test(target.form);
      const options = entries.filter(
        (e) =>
          e !== target.e &&
          (han ? e.han.length : e.latin.length) &&
          !asked.some((a) => a.e === e) &&
          named(ev.document, e) &&
          !named(ev.near, e),
      );
      const pick = options[hash(`${item.id}:name`) % Math.max(1, options.length)];
      if (pick) {
        const form = han
          ? simplified
            ? toSimplified(pick.han[0]!)
            : (pick.han.find((f) => f !== toSimplified(f)) ?? pick.han[0]!)
          : pick.latin[0]!;
        out.push(variant(item, q.split(target.form).join(form), "name"));
      }
    }
    // A year of the question that the evidence states, replaced by the nearest the evidence does not.
    const years = [...new Set(q.match(YEAR) ?? [])].filter((y) => ev.near.includes(y));
    if (years.length) {
      const y = years[0]!;
      const near = new Set(ev.near.match(YEAR) ?? []);
      const others = [...new Set(ev.document.match(YEAR) ?? [])]
        .filter((o) => !near.has(o))
        .sort((a, b) => Math.abs(+a - +y) - Math.abs(+b - +y) || +a - +b);
      if (others[0]) out.push(variant(item, q.split(y).join(others[0]), "year"));
    }
  }
  return out;
}

function variant(item: EvalItem, question: string, change: NearMiss["change"]): NearMiss {
  return {
    origin: item.id,
    change,
    item: {
      ...item,
      id: `${item.id}~${change}`,
      question,
      asked: [question],
      type: "unanswerable",
      answer: "NOT_IN_CORPUS",
      aliases: [],
      evidence: [],
      gold: [],
    },
  };
}

/** FNV-1a: a stable pseudo-random choice per question. */
function hash(s: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) h = Math.imul(h ^ s.charCodeAt(i), 0x01000193) >>> 0;
  return h;
}
