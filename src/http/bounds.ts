import type { AskRequest } from "./schemas.js";

/**
 * How much of a conversation reaches question analysis and retrieval: the last few turns, each cut
 * to a few hundred characters. Validation already refuses absurd bodies (a question over 2,000
 * characters, more than 20 turns or 8,000 characters a turn, over MAX_BODY_BYTES); this bounds the
 * work of the valid ones, whose cost grows with the text that is searched.
 */
export const ASK_BOUNDS = { turns: 6, turnChars: 600 } as const;

/** At most `n` code points of `s` (never half a surrogate pair). */
const head = (s: string, n: number) => {
  if (s.length <= n) return s;
  const last = s.charCodeAt(n - 1);
  return s.slice(0, last >= 0xd800 && last <= 0xdbff ? n - 1 : n);
};

/**
 * The request as the answering pipeline gets it: the last {@link ASK_BOUNDS}.turns turns of
 * history, each turn's text cut to {@link ASK_BOUNDS}.turnChars characters.
 *
 * @example
 *   boundAsk({ question: "And in Tianjin?", history: longConversation }).history!.length // → 6
 */
export function boundAsk(body: AskRequest, bounds = ASK_BOUNDS): AskRequest {
  if (!body.history) return body;
  return {
    ...body,
    history: body.history
      .slice(-bounds.turns)
      .map((t) => ({ role: t.role, content: head(t.content, bounds.turnChars) })),
  };
}
