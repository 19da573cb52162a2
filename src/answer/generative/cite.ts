import type { QuestionAnalysis } from "../../question/types.js";
import type { AnswerContext } from "../extractive.js";
import type { Citation } from "../types.js";
import { inScript } from "./script.js";
import type { VerifiedSentence } from "./verify.js";

/**
 * Renders verified sentences for the user, numbering citations in order of first use; each citation
 * is the verified quote of one evidence sentence (its raw span, as an extractive citation).
 *
 * @example
 *   const cite = createCiter(ctx);
 *   cite.render(verified, "latin"); // → "By 1994 there were 4299 new-tech firms. [1]"
 *   cite.citations; // → [{ n: 1, quote: "… the total number of the new-tech firms reached 4299 at the end of 1994.", … }]
 */
export function createCiter(ctx: AnswerContext) {
  const citations: Citation[] = [];
  const numberOf = new Map<string, number>();
  return {
    citations,
    /** The sentence as the user reads it: in the question's script, then its [n] markers. */
    render(sentence: VerifiedSentence, script: QuestionAnalysis["script"]): string {
      const markers = sentence.cited.map((s) => {
        let n = numberOf.get(s.id);
        if (n === undefined) {
          n = citations.length + 1;
          numberOf.set(s.id, n);
          const chunk = s.hit.chunk;
          citations.push({
            n,
            docId: chunk.docId,
            source: chunk.source,
            title: ctx.title(chunk.docId),
            quote: s.text,
            start: s.start,
            end: s.end,
            section: chunk.section,
            passageId: chunk.id,
          });
        }
        return `[${n}]`;
      });
      return `${inScript(sentence.body, script)} ${markers.join("")}`;
    },
  };
}
