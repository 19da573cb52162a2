/** Where the chat UI runs: the full page at `/`, or the compact widget at `/widget` inside an iframe. */
export const CHAT_MODES = ["page", "widget"] as const;
export type ChatMode = (typeof CHAT_MODES)[number];

/**
 * The chat page's HTML. Everything dynamic (language, site key, answers) is done by `/assets/chat.js`,
 * so the HTML is a constant per mode and the CSP can forbid inline scripts and styles.
 *
 * @example
 *   chatHtml("widget") // → "<!doctype html><html lang=\"en\" data-mode=\"widget\">…"
 */
export function chatHtml(mode: ChatMode): string {
  return `<!doctype html>
<html lang="en" data-mode="${mode}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Ask the sources</title>
<link rel="stylesheet" href="/assets/chat.css">
<script src="/assets/chat.js" defer></script>
</head>
<body>
<header class="bar">
  <h1 data-i18n="title">Ask the sources</h1>
  <nav class="tools">
    <button type="button" id="new-chat" data-i18n="newChat">New conversation</button>
    <button type="button" id="lang" lang="zh-Hans" aria-label="切换到中文">中文</button>
  </nav>
</header>
<main id="log" role="log" aria-live="polite" aria-label="Conversation" data-i18n-label="conversation">
  <p class="intro" data-i18n="intro">Ask about China's innovation regions. Answers quote the sources verbatim; select a number such as [1] to see the quote and its reference.</p>
</main>
<p id="notice" role="alert" hidden></p>
<form id="ask" autocomplete="off">
  <label for="q" class="sr-only" data-i18n="questionLabel">Your question</label>
  <textarea id="q" name="question" rows="2" maxlength="2000" required placeholder="e.g. What did Skyworth make when it started in 1990?" data-i18n-placeholder="placeholder"></textarea>
  <button type="submit" id="send" data-i18n="send">Ask</button>
</form>
<dialog id="cite" aria-labelledby="cite-title">
  <h2 id="cite-title"></h2>
  <blockquote id="cite-quote"></blockquote>
  <p id="cite-locator" class="muted"></p>
  <div class="ref-row">
    <label for="cite-style" data-i18n="styleLabel">Citation style</label>
    <select id="cite-style">
      <option value="apa">APA</option><option value="chicago">Chicago</option><option value="mla">MLA</option><option value="bibtex">BibTeX</option><option value="ris">RIS</option>
    </select>
  </div>
  <pre id="cite-ref" tabindex="0"></pre>
  <p id="cite-intext-row" class="muted"><span data-i18n="inTextLabel">In text:</span> <code id="cite-intext"></code></p>
  <div class="actions">
    <button type="button" id="copy-quote" data-i18n="copyQuote">Copy quotation with reference</button>
    <button type="button" id="copy" data-i18n="copy">Copy citation</button>
    <button type="button" id="copy-intext" data-i18n="copyIntext">Copy in-text citation</button>
    <a id="open-passage" href="/" data-i18n="openPassage">Open passage</a>
    <button type="button" id="close-cite" data-i18n="close">Close</button>
  </div>
  <p id="copy-status" class="muted" role="status"></p>
</dialog>
<noscript><p class="intro">This page needs JavaScript. The API is described at <a href="/docs">/docs</a>.</p></noscript>
</body>
</html>
`;
}

/** Why the widget will not open, in the words shown to the visitor. */
export type Refusal =
  { kind: "unknown-key"; key: string } | { kind: "origin"; key: string; origin: string };

/** Escapes text for an element's content (never used inside attributes). */
const esc = (s: string) => s.replace(/[&<>]/gu, (ch) => `&#${ch.charCodeAt(0)};`);

const REFUSALS = {
  en: {
    title: "Chat not available here",
    "unknown-key": (r: Refusal) =>
      r.key
        ? `The site key "${r.key}" is not known to this Q&A service, so the chat cannot open here. Check data-site / ?site= in the embed code.`
        : "The embed code gives no site key (?site=KEY), so the chat cannot open here.",
    origin: (r: Refusal & { kind: "origin" }) =>
      `This chat is not enabled on ${r.origin}: it is not on the list for site key "${r.key}". The administrator of the Q&A service can add it.`,
  },
  zh: {
    title: "此处无法使用问答",
    "unknown-key": (r: Refusal) =>
      r.key
        ? `本问答服务不认识站点密钥“${r.key}”，无法在此打开。请检查嵌入代码中的 data-site 或 ?site=。`
        : "嵌入代码没有提供站点密钥（?site=KEY），无法在此打开。",
    origin: (r: Refusal & { kind: "origin" }) =>
      `此网站未启用本问答：${r.origin} 不在站点密钥“${r.key}”的允许列表中，请联系问答服务管理员添加。`,
  },
  "zh-Hant": {
    title: "此處無法使用問答",
    "unknown-key": (r: Refusal) =>
      r.key
        ? `本問答服務不認識站點金鑰「${r.key}」，無法在此開啟。請檢查嵌入程式碼中的 data-site 或 ?site=。`
        : "嵌入程式碼沒有提供站點金鑰（?site=KEY），無法在此開啟。",
    origin: (r: Refusal & { kind: "origin" }) =>
      `此網站未啟用本問答：${r.origin} 不在站點金鑰「${r.key}」的允許清單中，請聯絡問答服務管理員新增。`,
  },
} as const;

/** Languages of the refusal page: English, Simplified and Traditional Chinese. */
export type RefusalLanguage = keyof typeof REFUSALS;
const HTML_LANG: Record<RefusalLanguage, string> = {
  en: "en",
  zh: "zh-Hans",
  "zh-Hant": "zh-Hant",
};

/**
 * The page `/widget` shows instead of the chat when the key is unknown or the framing page's origin is
 * not on the key's list: only text, so any page may frame it and the visitor sees why.
 *
 * @example
 *   refusalHtml("en", { kind: "origin", key: "econ101", origin: "https://other.example" })
 */
export function refusalHtml(lang: RefusalLanguage, refusal: Refusal): string {
  const t = REFUSALS[lang];
  const text = refusal.kind === "origin" ? t.origin(refusal) : t["unknown-key"](refusal);
  return `<!doctype html>
<html lang="${HTML_LANG[lang]}" data-mode="widget">
<head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>${esc(t.title)}</title>
<link rel="stylesheet" href="/assets/chat.css"></head>
<body><p id="notice" role="alert">${esc(text)}</p></body>
</html>
`;
}
