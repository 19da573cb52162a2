/** A bracketed group of digits, dots and separators: "[2.1]", "[1.3, 2.4]", "【3.2】", and "[3]" too. */
const GROUP = /[[［【]([\d.\s,，;；、]*\d[\d.\s,，;；、]*)[\]］】]/gu;
/** Leading citation groups of a segment (ICU puts "[2.1]" after a full stop into the next sentence). */
const LEADING_GROUPS = /^\s*(?:[[［【][\d.\s,，;；、]*\d[\d.\s,，;；、]*[\]］】]\s*)+/u;
/** What may still become a citation group once more text arrives. */
const OPEN_GROUP = /^\s*(?:[[［【][\d.\s,，;；、]*)?$/u;
const ID = /^\d+\.\d+$/u;

/** A sentence of the model's reply, its citation groups taken out. */
export interface CitedSentence {
  /** The sentence without its citation groups, whitespace tidied. */
  body: string;
  /** Ids cited, in order, each once: "2.1". */
  ids: string[];
  /** Bracketed numbers that are not ids of the form passage.sentence ("[3]", "[2.]"). */
  malformed: string[];
}

/**
 * Splits one sentence of the reply into its text and the ids it cites, wherever the groups stand.
 *
 * @example
 *   parseCited("By 1983 there were 11 firms [2.1, 2.3].")
 *   // → { body: "By 1983 there were 11 firms.", ids: ["2.1", "2.3"], malformed: [] }
 */
export function parseCited(sentence: string): CitedSentence {
  const ids: string[] = [];
  const malformed: string[] = [];
  const body = sentence
    .replace(GROUP, (_m, inner: string) => {
      for (const part of inner.split(/[\s,，;；、]+/u).filter(Boolean)) {
        const id = part.replace(/\s+/gu, "");
        if (!ID.test(id)) malformed.push(id);
        else if (!ids.includes(id)) ids.push(id);
      }
      return " ";
    })
    // Markdown a model adds despite the prompt: list bullets and emphasis.
    .replace(/^\s*(?:[-*•]\s+)/u, "")
    .replace(/\*\*|__/gu, "")
    .replace(/\s+/gu, " ")
    .replace(/\s+(?=[.,;:!?。，；：！？、）)」』])/gu, "")
    .trim();
  return { body, ids, malformed };
}

/**
 * Cuts a streamed reply into sentences as it arrives (`Intl.Segmenter`), each handed out once it
 * is complete: when the next sentence has begun with something other than citation ids, so ids
 * written after a full stop ("… in 1983. [2.1]") stay with their sentence. What is handed out is
 * never cut again, so the sentences joined are the reply.
 *
 * @example
 *   const split = createSentenceSplitter();
 *   split.push("Eleven firms [1.1]. By 19"); // → ["Eleven firms [1.1]. "]
 *   split.end(); // → ["By 19"]
 */
export function createSentenceSplitter(locale?: string) {
  const segmenter = new Intl.Segmenter(locale, { granularity: "sentence" });
  let pending = "";
  const pieces = (): string[] => {
    const out: string[] = [];
    for (const { segment } of segmenter.segment(pending)) {
      const lead = out.length ? LEADING_GROUPS.exec(segment)?.[0] : undefined;
      if (lead) out[out.length - 1] += lead;
      const rest = lead ? segment.slice(lead.length) : segment;
      if (rest) out.push(rest);
    }
    return out;
  };
  return {
    /** Adds text; returns the sentences completed by it. */
    push(text: string): string[] {
      pending += text;
      const all = pieces();
      // The last piece may still grow; the one before it too while the last may yet be its ids.
      const keep = all.length >= 2 && OPEN_GROUP.test(all.at(-1)!) ? 2 : 1;
      const done = all.slice(0, Math.max(0, all.length - keep));
      pending = all.slice(done.length).join("");
      return done;
    },
    /** The reply is over: returns what is left, as sentences. */
    end(): string[] {
      const all = pieces().filter((s) => s.trim());
      pending = "";
      return all;
    },
  };
}

const OPEN_THINK = "<think>";
const CLOSE_THINK = "</think>";

/**
 * Drops a leading `<think>…</think>` block from a streamed reply: reasoning models (DeepSeek-R1,
 * Qwen3) served without a reasoning parser write their deliberation into the content, and it must
 * not be read as answer sentences. Text before the reply shows whether it thinks is held back.
 *
 * @example
 *   const strip = createThinkingFilter();
 *   strip.push("<think>1.6 says"); // → ""
 *   strip.push(" eleven</think>Eleven firms [1.6]."); // → "Eleven firms [1.6]."
 */
export function createThinkingFilter() {
  let state: "start" | "thinking" | "answer" = "start";
  let held = "";
  return {
    push(piece: string): string {
      if (state === "answer") return piece;
      held += piece;
      if (state === "start") {
        const head = held.trimStart();
        if (!head || (head.length < OPEN_THINK.length && OPEN_THINK.startsWith(head))) return "";
        if (!head.startsWith(OPEN_THINK)) {
          state = "answer";
          const out = held;
          held = "";
          return out;
        }
        state = "thinking";
      }
      const end = held.indexOf(CLOSE_THINK);
      if (end < 0) return "";
      state = "answer";
      const out = held.slice(end + CLOSE_THINK.length).trimStart();
      held = "";
      return out;
    },
    /** The reply is over: what was held back, unless it was unfinished thinking. */
    end(): string {
      const out = state === "start" ? held : "";
      held = "";
      return out;
    },
  };
}
