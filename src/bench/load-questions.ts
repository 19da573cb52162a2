import { readFile } from "node:fs/promises";
import { z } from "zod";

/** The kinds of question the load mix holds, so a run is not all of one cost. */
export const LOAD_KINDS = ["en", "zh", "table", "multi", "followup"] as const;

const LoadQuestionSchema = z
  .object({
    kind: z.enum(LOAD_KINDS),
    question: z.string().min(1),
    history: z
      .array(z.object({ role: z.enum(["user", "assistant"]), content: z.string() }).strict())
      .optional(),
  })
  .strict();
export type LoadQuestion = z.infer<typeof LoadQuestionSchema>;

/** Where the mixed question set of the load benchmark lives, relative to the repository. */
export const LOAD_QUESTIONS = new URL("../../bench/load-questions.jsonl", import.meta.url);

/**
 * Parses the load benchmark's question set: one JSON object per line, `{kind, question, history?}`.
 * Throws naming the line of the first invalid entry.
 *
 * @example
 *   parseLoadQuestions('{"kind":"en","question":"Where is ZGC?"}') // → [{ kind: "en", question: "Where is ZGC?" }]
 */
export function parseLoadQuestions(text: string): LoadQuestion[] {
  return text
    .split("\n")
    .map((line, i) => [line.trim(), i + 1] as const)
    .filter(([line]) => line)
    .map(([line, n]) => {
      const parsed = LoadQuestionSchema.safeParse(JSON.parse(line));
      if (!parsed.success) throw new Error(`load question on line ${n}: ${parsed.error.message}`);
      return parsed.data;
    });
}

/** The load benchmark's questions as `/api/ask` bodies. */
export async function loadQuestionBodies(path: URL | string = LOAD_QUESTIONS): Promise<string[]> {
  const questions = parseLoadQuestions(await readFile(path, "utf8"));
  return questions.map(({ question, history }) =>
    JSON.stringify(history ? { question, history } : { question }),
  );
}
