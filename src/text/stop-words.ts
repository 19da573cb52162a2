/**
 * Stop words: general linguistic resources shared by every stage. Matching drops only
 * {@link FUNCTION_WORDS}; translating a question into the other language also drops the words that
 * frame a question about documents ({@link FRAMING_WORDS}: "according to the report, …").
 */

const words = (s: string): string[] => s.split(/\s+/u).filter(Boolean);

/** English function words and question words that carry no topic (lower case, before stemming). */
export const FUNCTION_WORDS: ReadonlySet<string> = new Set(
  words(`a about above after again against all also am among an and any are as at be because been
  before being below between both but by can could did do does doing don down during each either few
  for from further had has have having he her here hers herself him himself his how i if in into is
  isn it its itself just many me more most much my myself no nor not now of off on once only or other
  our ours ourselves out over own per same she should so some such than that the their theirs them
  themselves then there these they this those through to too under until up very via was wasn we
  were weren what what's when where which while who whom whose why will with would you your yours
  yourself yourselves s t aren according across`),
);

/** Words that frame a question about documents rather than name its topic. */
export const FRAMING_WORDS: ReadonlySet<string> = new Set(
  words(`approximately around whatever whereas whether within without yet may might must neither
  one one's ones quite rather roughly sb sb's sth upon us etc account accounts accounted called
  compared describe described mention mentioned name named paper report reported say said says study
  which's total approx kind type sort thing things something someone somebody e.g i.e eg ie`),
);

/** Function and framing words together: what question translation skips. */
export const QUESTION_STOP_WORDS: ReadonlySet<string> = new Set([
  ...FUNCTION_WORDS,
  ...FRAMING_WORDS,
]);

/** Chinese function words and question words (Simplified: text is folded first). */
export const CHINESE_STOP_WORDS: ReadonlySet<string> = new Set(
  words(`的 了 着 过 地 得 吗 呢 吧 啊 呀 么 之 其 所 而 则 即 与 及 和 或 并 且 也 都 就 还 又 再 在 于 对 把 被
  让 向 从 是 为 有 没有 这 那 这个 那个 这些 那些 这份 该 此 其中 哪 哪个 哪些 哪一 哪一个 哪一项 哪一年 哪里
  哪儿 什么 怎么 怎样 如何 为什么 为何 多少 几 几个 谁 何 何时 何种 是否 一共 共 约 大约 大概 一 个 家 项 位 种
  些 等 等等 请 问 主要 以及 由 以 将 给 跟 同 比 根据 据 当时 曾 已 已经 到 至 截至 中 里 上 下 内 后 前 时 起 来
  去 如 像 吧 么 还 一个`),
);
