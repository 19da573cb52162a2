/**
 * Splitting a compound question into the questions it asks, with general cues of English and
 * Chinese coordination: a second interrogative clause (", and which …", "; what …", "以及…"), or
 * "both A and B" naming two places to look.
 */

const WH = String.raw`(?:what|which|when|where|who|whom|whose|why|how|in what|in which|by what|by which|from what|to what|to which|at what)`;
/** Where a second interrogative clause starts: ", and which …", " and by what year …", "; how …". */
const SECOND_CLAUSE = new RegExp(String.raw`(?:,?\s+and\s+|;\s*|,\s+)(?=${WH}\b)`, "giu");
const ZH_SECOND_CLAUSE = /[，,；;]?\s*(?:以及|並且|并且|而且|另外|同時|同时)|[；;]/gu;
/** "both in the 1997 paper … and in the 2010 paper …". */
const BOTH = /\bboth\s+(.+?)\s+and\s+(.+?)(?=[?.!]|$)/iu;
const SENTENCE = /[^.?!。？！]+[.?!。？！]*/gu;

const isQuestion = (s: string) => /[?？]\s*$/u.test(s) || new RegExp(`^\\s*${WH}\\b`, "iu").test(s);

/**
 * The questions a compound question asks, each with the statements that set it up; [] when it asks
 * one thing.
 *
 * @example
 *   splitQuestion("Which agency funded it, and in what year did it open?")
 *   // → ["Which agency funded it?", "in what year did it open?"]
 *   splitQuestion("The park is described in two papers. Which firm does each name first?")
 *   // → []
 */
export function splitQuestion(question: string): string[] {
  const sentences = (question.match(SENTENCE) ?? [question]).map((s) => s.trim()).filter(Boolean);
  const setup = sentences.filter((s) => !isQuestion(s));
  const asks = sentences.filter(isQuestion);
  const clauses = asks.flatMap(clausesOf);
  if (clauses.length < 2) {
    const both = asks.length === 1 ? bothParts(asks[0]!) : null;
    if (!both) return [];
    return both.map((b) => [...setup, b].join(" "));
  }
  return clauses.map((c) => [...setup, c].join(" "));
}

function clausesOf(sentence: string): string[] {
  const re = /\p{Script=Han}/u.test(sentence) ? ZH_SECOND_CLAUSE : SECOND_CLAUSE;
  const cuts = [...sentence.matchAll(new RegExp(re.source, re.flags))];
  const out: string[] = [];
  let from = 0;
  for (const cut of cuts) {
    const piece = sentence.slice(from, cut.index).trim();
    // A clause shorter than a few words is a list item ("which firms, and which institutes"), not a question.
    if (wordCount(piece) >= 4) {
      out.push(piece.replace(/[,，;；]$/u, "") + (/[?？]$/u.test(piece) ? "" : "?"));
      from = cut.index! + cut[0].length;
    }
  }
  const rest = sentence.slice(from).trim();
  if (out.length && wordCount(rest) < 3) return [sentence];
  out.push(rest);
  return out.length > 1 ? out : [sentence];
}

function bothParts(sentence: string): [string, string] | null {
  const m = BOTH.exec(sentence);
  if (!m || m.index === undefined) return null;
  const head = sentence.slice(0, m.index).trim();
  const tail = /[?？]$/u.test(sentence) ? "?" : "";
  if (wordCount(m[1]!) < 2 || wordCount(m[2]!) < 2) return null;
  return [`${head} ${m[1]}${tail}`, `${head} ${m[2]}${tail}`];
}

const wordCount = (s: string) =>
  (s.match(/[\p{L}\p{N}]+/gu) ?? []).reduce(
    (n, w) => n + (/\p{Script=Han}/u.test(w) ? Math.ceil(w.length / 2) : 1),
    0,
  );
