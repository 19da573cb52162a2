/**
 * English function words, question words and question framing ("according to the report…").
 * Used on both sides of the English→Chinese index so that question phrases and dictionary
 * glosses reduce to the same content words ("end of the year" and "year-end" → end year).
 */
export const ENGLISH_STOP_WORDS: ReadonlySet<string> = new Set(
  `a about above after again against all also am among an and any approximately are around as at
  be because been before being below between both but by can could did do does doing done down
  during each either etc few for from further had has have having he her here hers him his how
  i if in into is it its itself just many may me might more most much must my neither no nor not
  of off on once one one's ones only or other our out over own per quite rather roughly same sb sb's
  she should so some sth such than that the their theirs them then there these they this those
  through to too under until up upon us very via was we were what whatever when where whereas
  whether which while who whom whose why will with within without would yet you your
  according account accounts accounted called compared describe described did does mention mentioned name named
  paper report reported say said says study what's which's total approx kind
  type sort thing things something someone somebody e.g i.e eg ie`.split(/\s+/),
);

/**
 * Chinese function words and question words: skipped when glossing a question into English.
 * Simplified forms only; text is folded to Simplified first.
 */
export const CHINESE_STOP_WORDS: ReadonlySet<string> = new Set(
  `的 了 着 过 地 得 吗 呢 吧 啊 呀 么 之 其 所 而 则 即 与 及 和 或 并 且 也 都 就 还 又 再 在 于 对 把 被 让 向 从
  是 为 有 没有 这 那 这个 那个 这些 那些 这份 该 此 其中 哪 哪个 哪些 哪一 哪一个 哪一项 哪一年 哪里 哪儿 什么 怎么
  怎样 如何 为什么 为何 多少 几 几个 谁 何 何时 何种 是否 一共 共 约 大约 大概 一 个 家 项 位 种 些 等 等等 请 问
  主要 以及 由 以 将 给 跟 同 比 根据 据 当时 曾 已 已经 到 至 截至 中 里 上 下 内 后 前 时 起 来 去 如 像`.split(
    /\s+/,
  ),
);
