/** The generator's prompt templates: `prompts/<name>.<lang>.txt`. */
export const PROMPT_NAMES = ["system", "answer", "condense"] as const;
export type PromptName = (typeof PROMPT_NAMES)[number];

/** Prompt languages: the question's language picks the set. */
export const PROMPT_LANGS = ["en", "zh"] as const;
export type PromptLang = (typeof PROMPT_LANGS)[number];

export type Prompts = Readonly<Record<PromptName, Readonly<Record<PromptLang, string>>>>;

/** The placeholders each template must use, exactly these: a template that drops one is refused. */
export const PROMPT_VARIABLES = {
  system: ["language", "max_sentences", "sentinel"],
  answer: ["evidence", "question", "language", "sentinel"],
  condense: ["history", "question", "language"],
} as const satisfies Record<PromptName, readonly string[]>;

type Vars<N extends PromptName> = Record<(typeof PROMPT_VARIABLES)[N][number], string>;

const PLACEHOLDER = /\{\{\s*([a-z_]+)\s*\}\}/gu;

/** The file holding one template, relative to the prompts folder. */
export const promptFile = (name: PromptName, lang: PromptLang): string => `${name}.${lang}.txt`;

/**
 * Checks templates read from files (`read(file)` gives a file's text, or undefined when missing):
 * every template present, and each using exactly its placeholders. Throws one error naming every
 * problem, so a bad prompts folder stops the server at start-up rather than at the first question.
 *
 * @example
 *   const prompts = parsePrompts((f) => files.get(f));
 */
export function parsePrompts(read: (file: string) => string | undefined): Prompts {
  const problems: string[] = [];
  const out = {} as Record<PromptName, Record<PromptLang, string>>;
  for (const name of PROMPT_NAMES) {
    out[name] = {} as Record<PromptLang, string>;
    for (const lang of PROMPT_LANGS) {
      const file = promptFile(name, lang);
      const text = read(file);
      if (text === undefined) {
        problems.push(`${file} is missing`);
        continue;
      }
      const used = new Set([...text.matchAll(PLACEHOLDER)].map((m) => m[1]!));
      const wanted: readonly string[] = PROMPT_VARIABLES[name];
      for (const v of used)
        if (!wanted.includes(v))
          problems.push(`${file} uses {{${v}}}, which is not one of ${wanted.join(", ")}`);
      for (const v of wanted) if (!used.has(v)) problems.push(`${file} does not use {{${v}}}`);
      out[name][lang] = text.trim();
    }
  }
  if (problems.length) throw new Error(`The prompt templates are invalid: ${problems.join("; ")}.`);
  return out;
}

/**
 * One template filled in. Values are inserted as they are (a value holding `{{x}}` is not expanded).
 *
 * @example
 *   renderPrompt(prompts, "condense", "en", { history: "Q: …", question: "And Suzhou?", language: "English" })
 */
export function renderPrompt<N extends PromptName>(
  prompts: Prompts,
  name: N,
  lang: PromptLang,
  vars: Vars<N>,
): string {
  return prompts[name][lang].replace(
    PLACEHOLDER,
    (_m, v: string) => (vars as Record<string, string>)[v] ?? "",
  );
}
