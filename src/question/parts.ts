/**
 * Splitting a compound question into the questions it asks, with general cues of English and
 * Chinese coordination: a second interrogative clause (", and which …", "; what …", "以及…"), or
 * "both A and B" naming two places to look.
 */

const WH = String.raw`(?:what|which|when|where|who|whom|whose|why|how|in what|in which|by what|by which|from what|to what|to which|at what|under what)`;
const WH_WORD = new RegExp(String.raw`\b${WH}\b`, "iu");
/** A conjunction before an interrogative word: ", and which …", " and since when …"; or a semicolon. */
const COORDINATED = new RegExp(String.raw`,?\s+and\s+(?=${WH}\b)|;\s*(?:and\s+)?`, "giu");
/**
 * A comma before an interrogative word that opens a question, not a relative or temporal clause
 * ("…, which was built …", "…, when the city grew …").
 */
const COMMA = new RegExp(
  String.raw`,\s+(?=${WH}\b(?!\s+(?:is|was|are|were|has|had|have|the|a|an|it|its|they|their|this|that|these|those|he|she)\b))`,
  "giu",
);
const ZH_COORDINATED = /[，,；;]\s*(?:以及|並且|并且|而且|同時|同时)|[；;]/gu;
/** Chinese interrogative words: a clause without one does not ask anything. */
const ZH_WH = /什麼|什么|哪|多少|幾|几|誰|谁|何|如何|怎|為什麼|为什么|嗎|吗|呢|是否/u;
/** "both in the harbour survey … and in the city yearbook …". */
const BOTH = /\bboth\s+(.+?)\s+and\s+(.+?)(?=[?.!]\s*$|$)/iu;
/** Words after which a full stop does not end a sentence (a general list of English abbreviations). */
const ABBREVIATION =
  /(?:\bet al|\be\.g|\bi\.e|\bcf|\bvs|\betc|\bMr|\bMrs|\bMs|\bDr|\bProf|\bNo|\bSt|\bJr|\bInc|\bCo|\bCorp|\bLtd|\bU\.S|\b\p{Lu})$/u;

/**
 * The sentences of a question: full stops after abbreviations and initials ("Zhou et al.",
 * "George C. S. Lin") do not end one.
 *
 * @example
 *   sentences("Zhou et al. surveyed firms. Which city led?") // → ["Zhou et al. surveyed firms.", "Which city led?"]
 */
export function sentences(text: string): string[] {
  const out: string[] = [];
  let from = 0;
  for (const m of text.matchAll(/[.?!]+(?=\s|$)|[。？！]+/gu)) {
    const end = m.index! + m[0].length;
    if (m[0] === "." && ABBREVIATION.test(text.slice(from, m.index))) continue;
    out.push(text.slice(from, end).trim());
    from = end;
  }
  if (text.slice(from).trim()) out.push(text.slice(from).trim());
  return out.filter(Boolean);
}

const isQuestion = (s: string) => /[?？]\s*$/u.test(s) || new RegExp(`^\\s*${WH}\\b`, "iu").test(s);

/**
 * The sentences of a (part of a) question that ask something, without the statements that set it
 * up; the whole text when none asks.
 *
 * @example
 *   askingSentences("The survey names a port. When did it open?") // → "When did it open?"
 */
export function askingSentences(text: string): string {
  const asking = sentences(text).filter(isQuestion);
  return asking.length ? asking.join(" ") : text.trim();
}

/**
 * The questions a compound question asks, each with the statements that set it up; [] when it asks
 * one thing.
 *
 * @example
 *   splitQuestion("Which agency funded it, and who finished it?")
 *   // → ["Which agency funded it?", "who finished it?"]
 *   splitQuestion("Around 1990, how many cranes stood there?") // → []
 */
export function splitQuestion(question: string): string[] {
  const all = sentences(question);
  const setup = all.filter((s) => !isQuestion(s));
  const clauses = all.filter(isQuestion).flatMap(clausesOf);
  if (clauses.length >= 2) return clauses.map((c) => [...setup, c].join(" "));
  // "X appears both in A and in B. …": one variant of the whole question per place to look.
  for (const [i, s] of all.entries()) {
    const both = bothVariants(s);
    if (both) return both.map((v) => [...all.slice(0, i), v, ...all.slice(i + 1)].join(" "));
  }
  // A statement that sets the question up ("The 1997 paper names a firm …. What …?") is evidence
  // to find in its own right: often in another document than the answer.
  const substantial = setup.filter((s) => wordCount(s) >= 6);
  if (substantial.length && clauses.length === 1) return [...substantial, question.trim()];
  return [];
}

function clausesOf(sentence: string): string[] {
  const han = /\p{Script=Han}/u.test(sentence);
  const cuts = han
    ? [...sentence.matchAll(ZH_COORDINATED)]
    : [...sentence.matchAll(COORDINATED), ...sentence.matchAll(COMMA)].sort(
        (a, b) => a.index! - b.index!,
      );
  const out: string[] = [];
  let from = 0;
  for (const cut of cuts) {
    const piece = sentence.slice(from, cut.index).trim();
    // A piece is a question of its own only when it asks something and is more than a list item.
    if (wordCount(piece) >= 4 && (han ? ZH_WH.test(piece) : WH_WORD.test(piece))) {
      out.push(piece.replace(/[,，;；]$/u, "") + (/[?？]$/u.test(piece) ? "" : "?"));
      from = cut.index! + cut[0].length;
    }
  }
  const rest = sentence.slice(from).trim();
  const asks = han ? ZH_WH.test(rest) : WH_WORD.test(rest);
  if (!out.length || wordCount(rest) < 3 || !asks) return [sentence];
  return [...out, rest];
}

function bothVariants(sentence: string): [string, string] | null {
  const m = BOTH.exec(sentence);
  if (!m || m.index === undefined || wordCount(m[1]!) < 2 || wordCount(m[2]!) < 2) return null;
  const head = sentence.slice(0, m.index).trim();
  const tail = sentence.slice(m.index + m[0].length);
  const tidy = (v: string) => v.replace(/[,，]\s*([?？.])$/u, "$1");
  return [tidy(`${head} ${m[1]}${tail}`), tidy(`${head} ${m[2]}${tail}`)];
}

const wordCount = (s: string) =>
  (s.match(/[\p{L}\p{N}]+/gu) ?? []).reduce(
    (n, w) => n + (/\p{Script=Han}/u.test(w) ? Math.ceil(w.length / 2) : 1),
    0,
  );
