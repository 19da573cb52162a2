import { z } from "zod";

/** Question types of the labelled sets (see eval/README.md). */
export const QUESTION_TYPES = [
  "fact",
  "table",
  "zh",
  "zh-simplified",
  "cross-lingual-en2zh",
  "cross-lingual-zh2en",
  "multi-doc",
  "unanswerable",
  "followup",
] as const;
export type QuestionType = (typeof QUESTION_TYPES)[number];

const EvidenceSchema = z.object({ doc: z.string(), quote: z.string().min(1) });

/** One labelled question, as written in `*.jsonl` sets. */
export const LabelledQuestionSchema = z.object({
  id: z.string(),
  question: z.string().min(1),
  lang: z.string().optional(),
  type: z.enum(QUESTION_TYPES),
  answer: z.string(),
  aliases: z.array(z.string()).default([]),
  evidence: z.array(EvidenceSchema).default([]),
  parts: z.array(z.array(z.string())).nullish(),
  turns: z
    .array(z.object({ question: z.string() }))
    .nullish()
    .transform((t) => t ?? null),
});
export type LabelledQuestion = z.infer<typeof LabelledQuestionSchema>;

/** A gold evidence span located in the corpus: `[start, end)` of `source`'s text. */
export interface GoldSpan {
  source: string;
  start: number;
  end: number;
}

/** A labelled question with its evidence located in the corpus. */
export interface EvalItem extends LabelledQuestion {
  gold: GoldSpan[];
  /** The turns to send, in order; the last is the question itself. */
  asked: string[];
}

/**
 * Parses a JSONL question set; throws naming the line of the first invalid record.
 *
 * @example
 *   parseQuestionSet('{"id":"q1","question":"…","type":"fact","answer":"x"}\n')[0]?.id // → "q1"
 */
export function parseQuestionSet(text: string, name = "set"): LabelledQuestion[] {
  return text.split("\n").flatMap((line, i) => {
    if (!line.trim()) return [];
    let json: unknown;
    try {
      json = JSON.parse(line);
    } catch (e) {
      throw new Error(`${name}, line ${i + 1}: not JSON (${(e as Error).message})`);
    }
    const r = LabelledQuestionSchema.safeParse(json);
    if (!r.success)
      throw new Error(`${name}, line ${i + 1}: ${r.error.issues[0]?.message ?? "invalid"}`);
    return [r.data];
  });
}

/**
 * Locates each evidence quote in the corpus texts (source → text). A quote is looked up verbatim,
 * in the file the set names when a seed-to-source map is given, else in every file; quotes that are
 * nowhere in the corpus are left out (and reported by the caller).
 *
 * @example
 *   locateEvidence(items, new Map([["a.txt", "… the quote …"]]))[0]?.gold // → [{ source: "a.txt", start: 2, end: 11 }]
 */
export function locateEvidence(
  items: readonly LabelledQuestion[],
  texts: ReadonlyMap<string, string>,
  seedToSource: ReadonlyMap<string, string> = new Map(),
): EvalItem[] {
  return items.map((it) => {
    const gold = it.evidence.flatMap((e): GoldSpan[] => {
      const named = seedToSource.get(e.doc);
      const order = named ? [named] : [...texts.keys()];
      for (const source of order) {
        const at = texts.get(source)?.indexOf(e.quote) ?? -1;
        if (at >= 0) return [{ source, start: at, end: at + e.quote.length }];
      }
      return [];
    });
    const asked = it.turns?.map((t) => t.question) ?? [it.question];
    return { ...it, gold, asked };
  });
}
