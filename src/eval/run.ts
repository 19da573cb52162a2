import type { EvalItem } from "./set.js";
import type { Returned } from "./score.js";

/** Asks one question with its conversation so far; a server client or an in-process service. */
export type Ask = (
  question: string,
  history: Array<{ role: "user" | "assistant"; content: string }>,
) => Promise<Returned>;

/**
 * Plays each item's turns in order, sending the earlier turns and answers as history, and returns the
 * response to the last turn (as the shared client does).
 *
 * @example
 *   const responses = await askAll(items, (q, history) => qa.ask({ question: q, history }));
 */
export async function askAll(items: readonly EvalItem[], ask: Ask): Promise<Returned[]> {
  const out: Returned[] = [];
  for (const it of items) {
    const history: Array<{ role: "user" | "assistant"; content: string }> = [];
    let last: Returned | null = null;
    for (const q of it.asked) {
      last = await ask(q, history);
      history.push({ role: "user", content: q }, { role: "assistant", content: last.answer });
    }
    out.push(last!);
  }
  return out;
}
