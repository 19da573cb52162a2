/** One earlier turn of the conversation, as sent by the client. */
export interface Turn {
  role: "user" | "assistant";
  content: string;
}

const ELLIPTICAL_START = /^(and|but|what about|how about|and what about|what of|then|also|same|in the same|那|那麼|那么|同一|同年|還有|还有|另外|至於|至于)/iu;
const ELLIPTICAL_END = /(呢|呢？|呢\?)$/u;
const BACK_REFERENCE = /\b(it|its|they|their|them|that|those|this|these|the same|there)\b|同一|該|该|其|它|他們|他们/iu;

/**
 * Whether a question leans on the previous turn: it opens like a continuation ("And in Dongguan?",
 * "同一年北京呢？"), is very short, or refers back ("how far is it").
 *
 * @example
 *   isFollowUp("And in Dongguan?") // → true
 */
export function isFollowUp(question: string): boolean {
  const q = question.trim();
  const words = q.split(/\s+/u).length;
  const han = q.match(/\p{Script=Han}/gu)?.length ?? 0;
  if (ELLIPTICAL_START.test(q) || ELLIPTICAL_END.test(q)) return true;
  if (han ? han <= 8 : words <= 4) return true;
  return BACK_REFERENCE.test(q) && (han ? han <= 16 : words <= 9);
}

/**
 * The context a follow-up question needs: the most recent user question that was itself complete
 * (chained follow-ups reach back to it), or "" for a self-contained question.
 *
 * @example
 *   followUpContext("And in Dongguan?", [{ role: "user", content: "What share of Beijing's firms…?" }])
 *   // → "What share of Beijing's firms…?"
 */
export function followUpContext(question: string, history: readonly Turn[] = []): string {
  if (!isFollowUp(question)) return "";
  const users = history.filter((t) => t.role === "user").map((t) => t.content.trim()).filter(Boolean);
  const parts: string[] = [];
  for (let i = users.length - 1; i >= 0 && parts.length < 3; i--) {
    parts.unshift(users[i]!);
    if (!isFollowUp(users[i]!)) break;
  }
  return parts.join(" ");
}
