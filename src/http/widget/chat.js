// The chat page (/) and the embeddable widget (/widget): plain browser JavaScript, no build step.
// Answers stream from POST /api/ask/stream (server-sent events); the final `done` event carries the
// /api/ask response, whose [n] markers become buttons that open the quoted passage and its reference.
"use strict";
(() => {
  const $ = (id) => document.getElementById(id);
  const params = new URLSearchParams(location.search);
  const mode = document.documentElement.dataset.mode === "widget" ? "widget" : "page";
  const siteKey = mode === "widget" ? params.get("site") || "" : "";
  const STYLES = ["apa", "chicago", "mla", "bibtex", "ris"];
  const MAX_HISTORY = 10;

  const STRINGS = {
    en: {
      title: "Ask the sources",
      conversation: "Conversation",
      intro:
        "Ask about China's innovation regions — Zhongguancun, Shanghai–Suzhou, Shenzhen–Dongguan, Tianjin, Hsinchu, Daedeok. Answers quote the sources verbatim; select a number such as [1] to see the quote and its reference.",
      questionLabel: "Your question",
      placeholder: "e.g. What did Skyworth make when it started in 1990?",
      send: "Ask",
      searching: "Searching the sources…",
      newChat: "New conversation",
      name: "English",
      switchHere: "Switch to English",
      styleLabel: "Citation style",
      sources: "Sources",
      source: (n, title) => `Source ${n}: ${title}`,
      openPassage: "Open passage",
      copy: "Copy citation",
      copyIntext: "Copy in-text citation",
      copyQuote: "Copy quotation with reference",
      inTextLabel: "In text:",
      copied: "Citation copied.",
      copiedQuote: "Quotation and reference copied.",
      copyFailed: "Could not copy; select the citation text and copy it.",
      loadingStyle: "Loading this style…",
      close: "Close",
      tableOf: (label) => `${label} (the cell that answers is highlighted)`,
      chartOf: (what) => `Bar chart: ${what}`,
      forbidden: (d) => `This site is not allowed to use the chat. ${d}`,
      unknownSite:
        "The site key in the embed code is missing or unknown, so the chat cannot be used here.",
      rateLimited: (s) => `Too many questions at once; try again in ${s} seconds.`,
      rateLimitedKept: (s) =>
        `Too many questions at once. Your question is still in the box; you can ask again in ${s} s.`,
      canAskAgain: "You can ask again now.",
      unavailable: "The service is starting up or busy; try again shortly.",
      network: "The service could not be reached. Check the connection and try again.",
      failed: (d) => `The question could not be answered: ${d}`,
      abstained: "The sources do not answer this question.",
      generated:
        "Written by a language model from the sources; each sentence was checked against the sentences it cites.",
      newTab: "(opens in a new tab)",
    },
    zh: {
      title: "向文献提问",
      conversation: "对话",
      intro:
        "询问中国创新区域的问题——中关村、上海—苏州、深圳—东莞、天津、新竹、大德。回答逐字引用原文；点击 [1] 等编号查看引文及其出处。",
      questionLabel: "你的问题",
      placeholder: "例如：1995年北京实验区有多少家金融机构？",
      send: "提问",
      searching: "正在检索文献…",
      newChat: "新对话",
      name: "中文",
      switchHere: "切换到中文",
      styleLabel: "引用格式",
      sources: "来源",
      source: (n, title) => `来源 ${n}：${title}`,
      openPassage: "打开原文段落",
      copy: "复制引用",
      copyIntext: "复制文内引用",
      copyQuote: "复制引文及出处",
      inTextLabel: "文内引用：",
      copied: "已复制引用。",
      copiedQuote: "已复制引文及出处。",
      copyFailed: "无法复制；请选中引用文字后手动复制。",
      loadingStyle: "正在载入该格式…",
      close: "关闭",
      tableOf: (label) => `${label}（回答所在的单元格已标出）`,
      chartOf: (what) => `条形图：${what}`,
      forbidden: (d) => `本网站未获准使用此问答服务。${d}`,
      unknownSite: "嵌入代码中的站点密钥缺失或无效，无法在此使用问答。",
      rateLimited: (s) => `提问过于频繁，请在 ${s} 秒后重试。`,
      rateLimitedKept: (s) => `提问过于频繁。问题已保留在输入框中，可在 ${s} 秒后再次提问。`,
      canAskAgain: "现在可以再次提问。",
      unavailable: "服务正在启动或繁忙，请稍后再试。",
      network: "无法连接到服务，请检查网络后重试。",
      failed: (d) => `无法回答这个问题：${d}`,
      abstained: "文献中没有能回答这个问题的内容。",
      generated: "由语言模型根据文献撰写；每个句子都已与它引用的句子核对。",
      newTab: "（在新标签页中打开）",
    },
    // Traditional Chinese (Taiwan, Hong Kong, Macau, zh-Hant); a string missing here falls back to zh.
    "zh-Hant": {
      title: "向文獻提問",
      conversation: "對話",
      intro:
        "詢問中國創新區域的問題——中關村、上海—蘇州、深圳—東莞、天津、新竹、大德。回答逐字引用原文；點選 [1] 等編號檢視引文及其出處。",
      questionLabel: "你的問題",
      placeholder: "例如：1995年北京實驗區有多少家金融機構？",
      send: "提問",
      searching: "正在檢索文獻…",
      newChat: "新對話",
      name: "中文",
      switchHere: "切換到中文",
      styleLabel: "引用格式",
      sources: "來源",
      source: (n, title) => `來源 ${n}：${title}`,
      openPassage: "開啟原文段落",
      copy: "複製引用",
      copied: "已複製引用。",
      copyFailed: "無法複製；請選取引用文字後手動複製。",
      loadingStyle: "正在載入該格式…",
      close: "關閉",
      tableOf: (label) => `${label}（回答所在的儲存格已標出）`,
      chartOf: (what) => `長條圖：${what}`,
      forbidden: (d) => `本網站未獲准使用此問答服務。${d}`,
      unknownSite: "嵌入程式碼中的站點金鑰缺失或無效，無法在此使用問答。",
      rateLimited: (s) => `提問過於頻繁，請在 ${s} 秒後重試。`,
      rateLimitedKept: (s) => `提問過於頻繁。問題已保留在輸入框中，可在 ${s} 秒後再次提問。`,
      canAskAgain: "現在可以再次提問。",
      unavailable: "服務正在啟動或繁忙，請稍後再試。",
      network: "無法連線到服務，請檢查網路後重試。",
      failed: (d) => `無法回答這個問題：${d}`,
      abstained: "文獻中沒有能回答這個問題的內容。",
      generated: "由語言模型根據文獻撰寫；每個句子都已與它引用的句子核對。",
      newTab: "（在新分頁中開啟）",
    },
  };
  /** The interface languages, as `lang` attributes of the page. */
  const HTML_LANG = { en: "en", zh: "zh-Hans", "zh-Hant": "zh-Hant" };

  const stored = (key) => {
    try {
      return localStorage.getItem(`regions-qa:${key}`);
    } catch {
      return null; // storage can be blocked in third-party iframes
    }
  };
  const store = (key, value) => {
    try {
      localStorage.setItem(`regions-qa:${key}`, value);
    } catch {
      /* not kept; fine */
    }
  };
  const browserTags = () =>
    navigator.languages && navigator.languages.length
      ? navigator.languages
      : [navigator.language || "en"];
  /** zh-TW, zh-HK, zh-MO and zh-Hant read Traditional characters; other Chinese tags Simplified. */
  const chineseOf = (tag) => {
    const t = String(tag).toLowerCase();
    if (!/^zh(-|$)/.test(t)) return null;
    return /-(hant|tw|hk|mo)(-|$)/.test(t) ? "zh-Hant" : "zh";
  };
  /** The Chinese the browser asks for, if it asks for any (else Simplified). */
  const browserChinese = () => browserTags().map(chineseOf).find(Boolean) || "zh";
  /** A language tag (from ?lang=, storage or the browser) as an interface language; bare "zh" follows the browser. */
  const interfaceOf = (tag) => {
    const t = String(tag || "").toLowerCase();
    if (t === "zh") return browserChinese();
    return chineseOf(t) || "en";
  };
  let lang = interfaceOf(params.get("lang") || stored("lang") || browserTags()[0]);
  // The Chinese the language button switches to from English.
  let chinese = lang === "en" ? browserChinese() : lang;
  let style = STYLES.includes(stored("style")) ? stored("style") : "apa";
  const t = () => (lang === "zh-Hant" ? { ...STRINGS.zh, ...STRINGS["zh-Hant"] } : STRINGS[lang]);

  /** @type {{role: "user"|"assistant", content: string}[]} */
  let history = [];
  let busy = false;
  let disabled = false;

  function applyLanguage() {
    const s = t();
    document.documentElement.lang = HTML_LANG[lang];
    document.title = s.title;
    for (const el of document.querySelectorAll("[data-i18n]")) el.textContent = s[el.dataset.i18n];
    for (const el of document.querySelectorAll("[data-i18n-placeholder]"))
      el.placeholder = s[el.dataset.i18nPlaceholder];
    for (const el of document.querySelectorAll("[data-i18n-label]"))
      el.setAttribute("aria-label", s[el.dataset.i18nLabel]);
    // The button names the other language in that language.
    const other = lang === "en" ? chinese : "en";
    const toggle = $("lang");
    toggle.textContent = STRINGS[other].name;
    toggle.lang = HTML_LANG[other];
    toggle.setAttribute("aria-label", STRINGS[other].switchHere);
    for (const el of document.querySelectorAll("[data-i18n-abstained]"))
      el.textContent = s.abstained;
  }

  function el(tag, props = {}, children = []) {
    const node = document.createElement(tag);
    for (const [k, v] of Object.entries(props)) {
      if (k === "class") node.className = v;
      else if (k === "text") node.textContent = v;
      else if (k.startsWith("on")) node.addEventListener(k.slice(2), v);
      else node.setAttribute(k, v);
    }
    for (const c of children) node.append(c);
    return node;
  }

  function showNotice(message) {
    const n = $("notice");
    n.textContent = message;
    n.hidden = !message;
  }

  /** Request headers: what we accept, a JSON content type when there is a body, and the widget's site key. */
  function headers({ accept = "application/json", body = false } = {}) {
    const h = { accept };
    if (body) h["content-type"] = "application/json";
    if (siteKey) h["x-site-key"] = siteKey;
    return h;
  }

  /** A readable message for a refused request, from its problem+json body. */
  async function problemMessage(res) {
    let detail = res.statusText;
    try {
      detail = (await res.json()).detail || detail;
    } catch {
      /* not JSON */
    }
    if (res.status === 403) return t().forbidden(detail);
    if (res.status === 429) return t().rateLimited(res.headers.get("retry-after") || "60");
    if (res.status === 503) return t().unavailable;
    return t().failed(detail);
  }

  function scrollToEnd() {
    const log = $("log");
    log.scrollTop = log.scrollHeight;
  }

  // ---- streaming ---------------------------------------------------------------------------

  /** Reads server-sent events from a fetch response, calling `on(event, data)` for each. */
  async function readEvents(res, on) {
    const reader = res.body.getReader();
    const decoder = new TextDecoder();
    let buffer = "";
    for (;;) {
      const { value, done } = await reader.read();
      buffer += decoder.decode(value || new Uint8Array(), { stream: !done });
      let cut;
      while ((cut = buffer.search(/\r?\n\r?\n/)) >= 0) {
        const block = buffer.slice(0, cut);
        buffer = buffer.slice(cut).replace(/^\r?\n\r?\n/, "");
        let event = "message";
        const data = [];
        for (const line of block.split(/\r?\n/)) {
          if (line.startsWith("event:")) event = line.slice(6).trim();
          else if (line.startsWith("data:")) data.push(line.slice(5).replace(/^ /, ""));
        }
        if (data.length) on(event, JSON.parse(data.join("\n")));
      }
      if (done) return;
    }
  }

  // ---- rendering ---------------------------------------------------------------------------

  /**
   * The answer text with each [n] that has a citation turned into a button opening it. An abstention
   * is said in the interface's language (the server words it after the question's).
   */
  function renderAnswer(target, turn) {
    target.replaceChildren();
    if (turn.result.abstained && !turn.result.citations.length) {
      target.dataset.i18nAbstained = "";
      target.textContent = t().abstained;
      return;
    }
    const byN = new Map(turn.result.citations.map((c) => [c.n, c]));
    for (const part of turn.result.answer.split(/(\[\d+\])/)) {
      const m = /^\[(\d+)\]$/.exec(part);
      const c = m && byN.get(Number(m[1]));
      if (!c) {
        target.append(part);
        continue;
      }
      target.append(
        el("button", {
          type: "button",
          class: "mark",
          "aria-haspopup": "dialog",
          "aria-label": t().source(c.n, c.title),
          text: `[${c.n}]`,
          onclick: () => openCitation(turn, c.n),
        }),
      );
    }
  }

  function renderSources(turn) {
    const list = el("ol", { class: "sources", "aria-label": t().sources });
    for (const c of turn.result.citations) {
      list.append(
        el("li", {}, [
          el("button", {
            type: "button",
            class: "mark",
            "aria-haspopup": "dialog",
            "aria-label": t().source(c.n, c.title),
            text: `[${c.n}]`,
            onclick: () => openCitation(turn, c.n),
          }),
          ` ${c.title}`,
          el("span", { class: "where", text: c.locator ? ` — ${c.locator}` : "" }),
          " · ",
          el("a", {
            href: passageUrl(c),
            class: "passage-link",
            ...linkTarget(),
            text: t().openPassage,
          }),
        ]),
      );
    }
    return list;
  }

  // `view` highlights the quote in the passage page; older servers only have the passage id.
  const passageUrl = (c) => c.view || `/p/${encodeURIComponent(c.passageId)}`;
  // Passages open in a new tab, so the conversation stays where it is (it is also kept in sessionStorage).
  const linkTarget = () => ({ target: "_blank", rel: "noopener" });

  const COMPARE =
    /\b(compare[sd]?|comparison|versus|vs\.?|highest|lowest|largest|smallest|biggest|most|least|rank(ed|ing)?|which (region|city|province|area))\b|比较|比較|最高|最低|最多|最少|最大|最小|哪个|哪個|排名/i;

  /** A small table of the answer's source table, and a bar chart when the question compares rows. */
  async function renderTable(box, turn) {
    const ref = turn.result.table;
    let table;
    try {
      const res = await fetch(`/api/tables/${encodeURIComponent(ref.id)}`, { headers: headers() });
      if (!res.ok) return;
      table = await res.json();
    } catch {
      return;
    }
    if (!table || table.status !== "parsed") return;
    const colName = (c) => c.label || c.key;
    const rowName = (r) => (r.group ? `${r.label} (${r.group})` : r.label);
    const column = table.columns.find((c) => colName(c) === ref.column);
    const figure = el("figure", { class: "answer-table" });
    figure.append(el("figcaption", { text: t().tableOf(table.caption || table.label) }));
    const head = el("tr", {}, [
      el("th", { scope: "col", text: table.stub || "" }),
      ...table.columns.map((c) => el("th", { scope: "col", text: colName(c) })),
    ]);
    const body = table.rows.map((r) => {
      const hit = rowName(r) === ref.row;
      return el("tr", hit ? { class: "hl-row" } : {}, [
        el("th", { scope: "row", text: rowName(r) }),
        ...table.columns.map((c) => {
          const cell = r.cells.find((x) => x.column === c.key);
          const cls = [
            cell && cell.value !== null ? "num" : "",
            hit && column && c.key === column.key ? "hl-cell" : "",
          ]
            .filter(Boolean)
            .join(" ");
          return el("td", cls ? { class: cls } : {}, [cell ? cell.text : ""]);
        }),
      ]);
    });
    const wrap = el(
      "div",
      { class: "table-wrap", tabindex: "0", role: "region", "aria-label": table.label },
      [el("table", {}, [el("thead", {}, [head]), el("tbody", {}, body)])],
    );
    figure.append(wrap);
    box.append(figure);
    revealCell(wrap);
    const answerRow = table.rows.find((r) => rowName(r) === ref.row);
    if (column && answerRow && COMPARE.test(`${turn.question} ${turn.result.answer}`)) {
      const series = comparedSeries(table, answerRow, column, rowName, colName, turn.question);
      if (series.bars.length >= 2) box.append(barChart(series));
    }
    scrollToEnd();
  }

  /**
   * Brings the answering cell into view inside the table's own scroll box: where it is when it shows
   * whole, else right beside the sticky row labels (never half under them).
   */
  function revealCell(wrap) {
    const hl = wrap.querySelector(".hl-cell");
    const labels = wrap.querySelector("tr > :first-child");
    const box = wrap.getBoundingClientRect();
    if (hl && labels) {
      const cell = hl.getBoundingClientRect();
      const sticky = labels.getBoundingClientRect().width;
      // Where the cell starts in the scrolled content, and the scrollLeft that puts it beside the labels.
      const start = cell.left - box.left - wrap.clientLeft + wrap.scrollLeft;
      const visible = start >= sticky && start + cell.width <= wrap.clientWidth;
      wrap.scrollLeft = visible ? 0 : Math.max(0, start - sticky);
    }
    const row = wrap.querySelector(".hl-row");
    if (row) {
      const top = row.getBoundingClientRect().top - box.top + wrap.scrollTop;
      wrap.scrollTop = Math.max(0, top - wrap.clientHeight / 2);
    }
  }

  /** The unit a cell's value is in: its own, else its column's, else the table's. */
  const unitOf = (table, column, cell) =>
    (cell && cell.unit) || (column && column.unit) || table.unit || "";

  /**
   * The values the question compared: the answer column down the rows of the answer's group, or the
   * answer row across the columns — whichever the answer is the largest or smallest of, and when
   * both, the one whose labels the question names. Only values in the answer's unit are drawn: a
   * chart never puts a share beside an amount.
   */
  function comparedSeries(table, answerRow, column, rowName, colName, question) {
    const answerCell = answerRow.cells.find((x) => x.column === column.key);
    const unit = unitOf(table, column, answerCell);
    const usable = (b) =>
      b.cell && typeof b.cell.value === "number" && unitOf(table, b.column, b.cell) === unit;
    const down = table.rows
      .filter((r) => !r.total && r.group === answerRow.group)
      .map((r) => ({
        label: r.label,
        column,
        cell: r.cells.find((x) => x.column === column.key),
        hit: r === answerRow,
      }))
      .filter(usable);
    const across = table.columns
      .filter((c) => c.role !== "stub")
      .map((c) => ({
        label: colName(c),
        column: c,
        cell: answerRow.cells.find((x) => x.column === c.key),
        hit: c.key === column.key,
      }))
      .filter(usable);
    const extreme = (bars) => {
      const hit = bars.find((b) => b.hit);
      const values = bars.map((b) => b.cell.value);
      return (
        hit &&
        bars.length >= 2 &&
        (hit.cell.value === Math.max(...values) || hit.cell.value === Math.min(...values))
      );
    };
    const words = new Set(question.toLowerCase().match(/[\p{L}\p{N}]+/gu) || []);
    const named = (bars) =>
      bars.filter(
        (b) =>
          !b.hit &&
          (b.label.toLowerCase().match(/[\p{L}\p{N}]+/gu) || []).some((w) => words.has(w)),
      ).length;
    const pickDown =
      extreme(down) && extreme(across)
        ? named(down) >= named(across)
        : extreme(down) || !extreme(across);
    const bars = pickDown ? down : across;
    return {
      bars: bars.slice(0, 16),
      title: pickDown ? colName(column) : rowName(answerRow),
      unit,
    };
  }

  /** `what`, with the unit added unless it already says it ("R&D expense (thousand yuan)"). */
  const withUnit = (what, unit) =>
    !unit || what.toLowerCase().includes(unit.toLowerCase()) ? what : `${what} (${unit})`;

  /**
   * A horizontal bar chart in HTML: one row per bar, its label wrapping in its own column (never
   * cut), the bar and its value beside it. One axis, one unit; the answer's bar in the accent colour.
   */
  function barChart({ bars, title: what, unit }) {
    const title = t().chartOf(withUnit(what, unit));
    const max = Math.max(...bars.map((b) => Math.abs(b.cell.value))) || 1;
    const list = el("ul", { class: "chart", "data-unit": unit });
    for (const b of bars) {
      const fill = el("span", { class: "bar-fill", "aria-hidden": "true" });
      // Inline style through the CSSOM, which the page's CSP (no inline style attributes) allows.
      fill.style.width = `calc(${(Math.abs(b.cell.value) / max).toFixed(4)} * (100% - 5.5em))`;
      list.append(
        el("li", { class: `bar${b.hit ? " hl" : ""}` }, [
          el("span", { class: "bar-label", text: b.label }),
          el("span", { class: "bar-track" }, [
            fill,
            el("span", { class: "bar-value", text: b.cell.text }),
          ]),
        ]),
      );
    }
    return el("figure", { class: "answer-chart" }, [el("figcaption", { text: title }), list]);
  }

  // ---- citations dialog --------------------------------------------------------------------

  let open = null; // { turn, n }
  /** In-text citations per turn, style and citation number, for styles fetched after the answer. */
  const inTexts = new WeakMap();

  /** The reference of citation `n` in style `s`, if already known. */
  const referenceFor = (turn, n, s) => (turn.refs[s] ? turn.refs[s].get(n) : undefined);

  /** The in-text citation of citation `n` in style `s` (RIS has none), if already known. */
  function inTextFor(turn, n, s) {
    if (s === "ris") return null;
    const fetched = inTexts.get(turn)?.[s]?.get(n);
    if (fetched !== undefined) return fetched;
    // The answer came with references and in-text citations in the style it was asked in: the first
    // style `turn.refs` received.
    const asked = turn.result.citations.find((c) => c.n === n);
    const askedStyle = Object.keys(turn.refs)[0];
    return asked && asked.inText && s === askedStyle ? asked.inText : undefined;
  }

  /** The quotation as a writer pastes it: in quotation marks (「」 for Chinese), then the in-text citation. */
  function quotation(quote, inText) {
    const marked = /\p{Script=Han}/u.test(quote) ? `「${quote}」` : `“${quote}”`;
    if (!inText) return marked;
    return /\p{Script=Han}/u.test(quote) ? `${marked}${inText}` : `${marked} ${inText}`;
  }

  async function showCitation() {
    if (!open) return;
    const { turn, n } = open;
    const base = turn.result.citations.find((c) => c.n === n);
    $("cite-title").textContent = t().source(n, base.title);
    $("cite-quote").textContent = base.quote;
    $("cite-quote").lang = /\p{Script=Han}/u.test(base.quote) ? "zh-Hant" : "en";
    $("cite-locator").textContent = base.locator || "";
    $("cite-style").value = style;
    const link = $("open-passage");
    link.href = passageUrl(base);
    Object.assign(link, linkTarget());
    $("copy-status").textContent = "";
    const known = referenceFor(turn, n, style);
    const inText = inTextFor(turn, n, style);
    $("cite-ref").textContent = known ?? t().loadingStyle;
    $("cite-intext").textContent = inText ?? "";
    $("cite-intext-row").hidden = !inText;
    const ready = known !== undefined && inText !== undefined;
    $("copy").disabled = known === undefined;
    $("copy-intext").disabled = !ready || !inText;
    $("copy-quote").disabled = !ready;
    if (!ready) await loadReference(turn, base, style);
  }

  /**
   * The reference and in-text citation in another style, from GET /api/cite for the cited passage
   * and the quote's range (so the locator is the quote's); the passage alone when the range is refused.
   */
  async function loadReference(turn, c, s) {
    try {
      const url = (range) =>
        `/api/cite?passage=${encodeURIComponent(c.passageId)}&style=${s}${range ? `&start=${c.start}&end=${c.end}` : ""}`;
      let res = await fetch(url(true), { headers: headers() });
      if (res.status === 400) res = await fetch(url(false), { headers: headers() });
      if (!res.ok) {
        $("cite-ref").textContent = await problemMessage(res);
        return;
      }
      const { reference, inText } = await res.json();
      (turn.refs[s] ??= new Map()).set(c.n, reference);
      const byStyle = inTexts.get(turn) ?? {};
      inTexts.set(turn, byStyle);
      (byStyle[s] ??= new Map()).set(c.n, inText ?? null);
    } catch {
      $("cite-ref").textContent = t().network;
      return;
    }
    if (open && open.turn === turn && open.n === c.n && style === s) showCitation();
  }

  function openCitation(turn, n) {
    open = { turn, n };
    const dialog = $("cite");
    if (!dialog.open) dialog.showModal();
    showCitation();
  }

  /** Copies the reference, the in-text citation, or the quotation with its in-text citation and reference. */
  async function copyFromDialog(what) {
    if (!open) return;
    const { turn, n } = open;
    const base = turn.result.citations.find((c) => c.n === n);
    const reference = referenceFor(turn, n, style) ?? "";
    const inText = inTextFor(turn, n, style) ?? "";
    const text =
      what === "reference"
        ? reference
        : what === "inText"
          ? inText
          : `${quotation(base.quote, inText)}\n\n${reference}`;
    const ok = await copyText(text);
    $("copy-status").textContent = ok
      ? what === "quote"
        ? t().copiedQuote
        : t().copied
      : t().copyFailed;
  }

  async function copyText(text) {
    try {
      await navigator.clipboard.writeText(text);
      return true;
    } catch {
      // Clipboard API refused (insecure context, iframe without permission): the old way.
      const area = el("textarea", { class: "sr-only", readonly: "" });
      area.value = text;
      $("cite").append(area);
      area.select();
      const ok = document.execCommand && document.execCommand("copy");
      area.remove();
      return Boolean(ok);
    }
  }

  // ---- asking ------------------------------------------------------------------------------

  /** A question bubble and an answer box (saying "Searching…") at the end of the conversation. */
  function appendTurn(question) {
    const log = $("log");
    const bubble = el("p", { class: "turn-q", text: question });
    const answerText = el("p", { class: "answer", text: t().searching });
    const box = el("article", { class: "turn-a", "aria-busy": "true", "aria-label": t().title }, [
      answerText,
    ]);
    log.append(bubble, box);
    return { bubble, box, answerText };
  }

  /** Fills an answer box with a finished turn: the answer, its sources, and its table and chart. */
  function showResult(turn, box, answerText) {
    box.removeAttribute("aria-busy");
    if (turn.result.abstained) box.classList.add("abstained");
    renderAnswer(answerText, turn);
    // A generated answer is the model's wording, not a quotation: say so (the quotes are in the sources).
    if (turn.result.answerer === "generative" && !turn.result.abstained)
      box.append(el("p", { class: "generated", "data-i18n": "generated", text: t().generated }));
    if (turn.result.citations.length) box.append(renderSources(turn));
    if (turn.result.table) renderTable(box, turn);
  }

  async function ask(question) {
    busy = true;
    $("send").disabled = true;
    showNotice("");
    const turn = { question, history: history.slice(-MAX_HISTORY), refs: {}, result: null };
    const { bubble, box, answerText } = appendTurn(question);
    scrollToEnd();
    let streamed = "";
    try {
      const res = await fetch("/api/ask/stream", {
        method: "POST",
        headers: headers({ accept: "text/event-stream", body: true }),
        body: JSON.stringify({ question, history: turn.history, style }),
      });
      if (res.status === 429) {
        // Not asked: the turn goes, the question goes back in the box until the server takes more.
        bubble.remove();
        box.remove();
        busy = false;
        holdQuestion(question, Number(res.headers.get("retry-after")) || 60);
        return;
      }
      if (!res.ok) throw new Error(await problemMessage(res));
      await readEvents(res, (event, data) => {
        if (event === "delta") {
          streamed += data.text;
          answerText.textContent = streamed;
        } else if (event === "reset") {
          // The generated answer fell back to the quoted one, which follows.
          streamed = "";
          answerText.textContent = "";
        } else if (event === "done") {
          turn.result = data;
        } else if (event === "error") {
          throw new Error(t().failed(data.detail));
        }
      });
      if (!turn.result) throw new Error(t().network);
    } catch (e) {
      box.removeAttribute("aria-busy");
      answerText.textContent = "";
      box.classList.add("failed");
      box.append(
        el("p", { class: "error", text: e instanceof TypeError ? t().network : e.message }),
      );
      finish();
      return;
    }
    turn.refs[style] = new Map(turn.result.citations.map((c) => [c.n, c.reference]));
    showResult(turn, box, answerText);
    history.push(
      { role: "user", content: question },
      { role: "assistant", content: turn.result.answer.slice(0, 8000) },
    );
    keep(turn, style);
    finish();
    scrollToEnd();
  }

  let waiting = false;

  /**
   * After a 429: the question stays in the box (unless the student already typed another), the
   * notice says so, and the Ask button counts down the seconds until the server takes questions again.
   */
  function holdQuestion(question, seconds) {
    const box = $("q");
    if (!box.value.trim()) box.value = question;
    box.focus();
    waiting = true;
    showNotice(t().rateLimitedKept(seconds));
    const send = $("send");
    let left = seconds;
    const tick = () => {
      if (left > 0) {
        send.disabled = true;
        send.textContent = `${t().send} (${left})`;
        left--;
        return;
      }
      clearInterval(timer);
      waiting = false;
      send.textContent = t().send;
      send.disabled = disabled || busy;
      showNotice(t().canAskAgain);
    };
    const timer = setInterval(tick, 1000);
    tick();
  }

  function finish() {
    busy = false;
    $("send").disabled = disabled || waiting;
  }

  // ---- the conversation, kept for this tab (so it survives opening a passage and coming back) ----

  const CONVERSATION_KEY = `regions-qa:conversation:${mode}:${siteKey}`;
  const MAX_KEPT = 30;
  /** @type {{question: string, style: string, result: object}[]} */
  let kept = [];

  function keep(turn, turnStyle) {
    // Passages are not shown, so they are not kept: the stored turns stay small.
    kept.push({
      question: turn.question,
      style: turnStyle,
      result: { ...turn.result, passages: [] },
    });
    kept = kept.slice(-MAX_KEPT);
    try {
      sessionStorage.setItem(CONVERSATION_KEY, JSON.stringify({ v: 1, history, turns: kept }));
    } catch {
      /* storage blocked or full: the conversation lives as long as the page */
    }
  }

  function forget() {
    kept = [];
    try {
      sessionStorage.removeItem(CONVERSATION_KEY);
    } catch {
      /* nothing kept */
    }
  }

  function restore() {
    let saved = null;
    try {
      saved = JSON.parse(sessionStorage.getItem(CONVERSATION_KEY) || "null");
    } catch {
      saved = null;
    }
    if (!saved || saved.v !== 1 || !Array.isArray(saved.turns)) return;
    history = Array.isArray(saved.history) ? saved.history.slice(-2 * MAX_KEPT) : [];
    kept = saved.turns;
    for (const k of kept) {
      const turn = { question: k.question, history: [], refs: {}, result: k.result };
      turn.refs[k.style] = new Map(k.result.citations.map((c) => [c.n, c.reference]));
      const { box, answerText } = appendTurn(k.question);
      showResult(turn, box, answerText);
    }
    scrollToEnd();
  }

  // ---- wiring ------------------------------------------------------------------------------

  function wire() {
    applyLanguage();
    $("ask").addEventListener("submit", (e) => {
      e.preventDefault();
      const q = $("q").value.trim();
      if (!q || busy || disabled || waiting) return;
      $("q").value = "";
      ask(q);
    });
    $("q").addEventListener("keydown", (e) => {
      // Enter asks, Shift+Enter starts a new line (and IME composition is left alone).
      if (e.key === "Enter" && !e.shiftKey && !e.isComposing) {
        e.preventDefault();
        $("ask").requestSubmit();
      }
    });
    $("new-chat").addEventListener("click", () => {
      history = [];
      forget();
      for (const n of [...$("log").children]) if (!n.classList.contains("intro")) n.remove();
      $("q").focus();
    });
    $("lang").addEventListener("click", () => {
      lang = lang === "en" ? chinese : "en";
      store("lang", lang);
      applyLanguage();
    });
    $("close-cite").addEventListener("click", () => $("cite").close());
    $("cite").addEventListener("close", () => {
      open = null;
    });
    $("cite-style").addEventListener("change", (e) => {
      style = e.target.value;
      store("style", style);
      showCitation();
    });
    $("copy").addEventListener("click", () => copyFromDialog("reference"));
    $("copy-intext").addEventListener("click", () => copyFromDialog("inText"));
    $("copy-quote").addEventListener("click", () => copyFromDialog("quote"));
    if (mode === "widget") checkSite();
    restore();
  }

  /** In the widget, a missing or unknown site key is said plainly instead of failing on the first question. */
  async function checkSite() {
    const refuse = (message) => {
      disabled = true;
      $("send").disabled = true;
      $("q").disabled = true;
      showNotice(message);
    };
    if (!siteKey) return refuse(t().unknownSite);
    try {
      const res = await fetch(`/api/site?site=${encodeURIComponent(siteKey)}`, {
        headers: headers(),
      });
      if (res.status === 403) return refuse(t().unknownSite);
      if (!res.ok) showNotice(await problemMessage(res));
    } catch {
      showNotice(t().network);
    }
  }

  wire();
})();
