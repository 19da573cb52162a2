import { escapeRegExp } from "../text/fold.js";

/** One earlier turn of the conversation, as sent by the client. */
export interface Turn {
  role: "user" | "assistant";
  content: string;
}

const ELLIPTICAL_START =
  /^(and|but|what about|how about|and what about|what of|then|also|same|in the same|那|那麼|那么|同一|同年|還有|还有|另外|至於|至于)/iu;
const ELLIPTICAL_END = /(呢|呢？|呢\?)$/u;
const BACK_REFERENCE =
  /\b(it|its|they|their|them|that|those|this|these|the same|there)\b|同一|該|该|其|它|他們|他们/iu;

/**
 * Whether a question leans on the previous turn: it opens like a continuation ("And in Dongguan?",
 * "同一年北京呢？"), is very short, or refers back ("how far is it").
 *
 * @example
 *   isFollowUp("And in Dongguan?") // → true
 */
export function isFollowUp(question: string, named = true): boolean {
  const q = question.trim();
  const words = q.split(/\s+/u).length;
  const han = q.match(/\p{Script=Han}/gu)?.length ?? 0;
  if (ELLIPTICAL_START.test(q) || ELLIPTICAL_END.test(q)) return true;
  if (han ? han <= 8 : words <= 4) return true;
  // A question that refers back and names nothing of its own ("Why were those workshops still losing
  // money a decade after they opened?") is about what came before, however long it is.
  return BACK_REFERENCE.test(q) && (!named || (han ? han <= 16 : words <= 9));
}

/**
 * The context a follow-up question needs: the most recent user question that was itself complete
 * (chained follow-ups reach back to it), or "" for a self-contained question.
 *
 * @example
 *   followUpContext("And in Dongguan?", [{ role: "user", content: "What share of Beijing's firms…?" }])
 *   // → "What share of Beijing's firms…?"
 */
export function followUpContext(
  question: string,
  history: readonly Turn[] = [],
  named = true,
): string {
  return followUpTurns(question, history, named).join(" ");
}

/**
 * The earlier user turns a follow-up continues, oldest first ([] for a self-contained question).
 * `named` says whether the question names anything of its own (see {@link isFollowUp}).
 *
 * @example
 *   followUpTurns("And in Dongguan?", history) // → ["What share of Beijing's firms…?"]
 */
export function followUpTurns(
  question: string,
  history: readonly Turn[] = [],
  named = true,
): string[] {
  if (!isFollowUp(question, named)) return [];
  const users = history
    .filter((t) => t.role === "user")
    .map((t) => t.content.trim())
    .filter(Boolean);
  const parts: string[] = [];
  for (let i = users.length - 1; i >= 0 && parts.length < 3; i--) {
    parts.unshift(users[i]!);
    if (!isFollowUp(users[i]!)) break;
  }
  return parts;
}

/**
 * The last answer the assistant gave, which a follow-up may refer back to ("that firm", "it").
 *
 * @example
 *   lastAnswer([{ role: "user", content: "Which firm…?" }, { role: "assistant", content: "Compal … [1]" }])
 *   // → "Compal … [1]"
 */
export function lastAnswer(history: readonly Turn[]): string {
  for (let i = history.length - 1; i >= 0; i--)
    if (history[i]!.role === "assistant") return history[i]!.content;
  return "";
}

type NameFinder = (text: string) => Array<{ name: string; variants: readonly string[] }>;

/** Most readings of a follow-up that swaps one name when the earlier question named several. */
export const MAX_READINGS = 3;

/**
 * Resolves a follow-up that swaps the place or organisation of the previous question ("And in
 * Zhejiang?" after "…how many Shandong firms export?") by rewriting that question with the new name:
 * every reading, the likeliest first ([] when the follow-up names nothing new or the earlier question
 * nothing to replace). One new name after a question
 * that named several may stand for any of them ("And Hunan?" after "…how much tea Fujian shipped to
 * Zhejiang" may ask about Hunan's tea or about Fujian's shipments to Hunan): one reading per earlier
 * name, the first-named first. Several new names replace the earlier ones in order, one reading.
 *
 * @example
 *   substitutionReadings("And Hunan?", "How much tea did Fujian ship to Zhejiang?", translator.names)
 *   // → ["How much tea did Hunan ship to Zhejiang?", "How much tea did Fujian ship to Hunan?"]
 */
export function substitutionReadings(
  question: string,
  context: string,
  names: NameFinder,
): string[] {
  const asked = names(question);
  const before = names(context).filter((c) => !asked.some((a) => a.name === c.name));
  if (!asked.length || !before.length || !context) return [];
  const surface = (n: { name: string; variants: readonly string[] }) =>
    n.variants.find((v) => new RegExp(escapeRegExp(v), "iu").test(question)) ?? n.name;
  const replace = (text: string, old: { variants: readonly string[] }, replacement: string) => {
    for (const v of [...old.variants].sort((a, b) => b.length - a.length)) {
      const latin = /^[\p{Script=Latin}\s'’.-]+$/u.test(v);
      text = text.replace(
        new RegExp(latin ? `\\b${escapeRegExp(v)}\\b` : escapeRegExp(v), "giu"),
        replacement,
      );
    }
    return text;
  };
  const choices =
    asked.length === 1
      ? before.slice(0, MAX_READINGS).map((old) => [old])
      : [before.slice(0, asked.length)];
  const readings = choices
    .map((olds) => olds.reduce((text, old, i) => replace(text, old, surface(asked[i]!)), context))
    .filter((r) => r !== context);
  return [...new Set(readings)];
}
