import { anchorsFound } from "./query.js";
import { tokenize } from "../text/tokens.js";
import { matchForm } from "../text/fold.js";
import type { Hit, PreparedQuery } from "./types.js";

const QUANTITY_CUE =
  /\b(how (many|much|far|large|big|long)|what (share|percentage|proportion|percent|number|fraction|amount)|how many|rate|ratio|what (?:is|was|are|were) the (?:largest|smallest|highest|lowest|maximum|minimum|average|total))\b|多少|幾|几|比例|比率|百分之|佔|占/iu;

const TIME_CUE =
  /\b(when|what year|which year|what month|which month|what date|in what year|by what year|since when)\b|哪一年|哪年|何年|幾年|几年|何時|何时|幾月|几月|什麼時候|什么时候|哪個月|哪个月/iu;

/** Whether a question asks for a date or year. */
export const asksTime = (question: string): boolean => TIME_CUE.test(question);

/** Whether a question asks for a number. */
export const asksQuantity = (question: string): boolean => QUANTITY_CUE.test(question);

/**
 * Second-stage scoring over fused candidates: boosts passages that contain the question's numbers and
 * names, and numbers at all when the question asks for a quantity; footnotes count a little less.
 * Scores are multiplicative adjustments of the fused score, so the first-stage order still matters most.
 */
export function rerank(hits: Hit[], query: PreparedQuery): Hit[] {
  const wantsNumber = asksQuantity(query.text);
  return hits
    .map((h) => {
      const text = matchForm(h.chunk.text);
      let factor = 1;
      for (const n of query.numbers) if (containsNumber(text, n)) factor *= 1.25;
      if (query.anchors.length) {
        const found = anchorsFound(
          query,
          new Set(tokenize(`${h.chunk.section ?? ""} ${h.chunk.text}`)),
        );
        factor *= 0.75 + 0.35 * (found / query.anchors.length);
      }
      if (wantsNumber && /\d/u.test(text)) factor *= 1.1;
      if (h.chunk.kind === "footnote") factor *= 0.85;
      if (query.preferDocs.includes(h.chunk.docId)) factor *= 1.4;
      return { ...h, score: h.score * factor };
    })
    .sort((a, b) => b.score - a.score);
}

/** `n` occurs in `text` as a whole number (not as part of a longer one). */
export function containsNumber(text: string, n: string): boolean {
  const re = new RegExp(`(?<![\\d.])${n.replace(/[.]/gu, "\\.")}(?![\\d]|\\.\\d)`, "u");
  return re.test(text);
}
