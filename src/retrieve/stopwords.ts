/** English function words and question words that carry no topic (matched after lower-casing, before stemming). */
export const EN_STOP = new Set(
  (
    "a about above after again against all am an and any are as at be because been before being below between both but by " +
    "can could did do does doing down during each few for from further had has have having he her here hers herself him " +
    "himself his how i if in into is it its itself just me more most my myself no nor not now of off on once only or other " +
    "our ours ourselves out over own same she should so some such than that the their theirs them themselves then there " +
    "these they this those through to too under until up very was we were what when where which while who whom why will " +
    "with would you your yours yourself yourselves also according did does per across among via whose what's its much many " +
    "s t don isn wasn aren weren according"
  ).split(/\s+/u),
);

/** Chinese function words (Simplified, since matching folds to Simplified). */
export const ZH_STOP = new Set(
  "的 了 是 在 和 与 及 或 而 也 都 就 有 为 对 从 以 于 之 其 这 那 个 中 上 下 等 被 把 将 并 且 呢 吗 吧 啊 么 什么 哪 哪些 哪个 哪一 多少 几 如何 怎么 怎样 为什么 是否 还 又 该 这份 当时 一个".split(
    /\s+/u,
  ),
);
