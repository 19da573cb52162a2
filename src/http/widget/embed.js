// Embed script for course sites:
//   <script src="https://HOST/embed.js" data-site="KEY" async></script>
// Adds a launcher button (in a shadow root, so the host page's CSS cannot reach it) that opens
// the chat in an iframe from HOST (so the host page's scripts cannot reach it either). Before opening,
// it asks HOST whether this page's origin is on the list for KEY, and says so plainly when it is not.
(() => {
  "use strict";
  const script =
    document.currentScript || document.querySelector('script[src*="/embed.js"][data-site]');
  if (!script || window.__regionsQaEmbed) return;
  window.__regionsQaEmbed = true;
  const base = new URL(script.src, location.href).origin;
  const site = script.getAttribute("data-site") || "";
  // zh-TW, zh-HK, zh-MO and zh-Hant read Traditional characters; other Chinese Simplified. A bare
  // data-lang="zh" takes the visitor's own Chinese.
  const tags =
    navigator.languages && navigator.languages.length
      ? navigator.languages
      : [navigator.language || "en"];
  const chineseOf = (tag) =>
    !/^zh(-|$)/i.test(tag) ? null : /-(hant|tw|hk|mo)(-|$)/i.test(tag) ? "zh-Hant" : "zh";
  const asked = (script.getAttribute("data-lang") || tags[0] || "en").toLowerCase();
  const lang =
    asked === "zh" ? tags.map(chineseOf).find(Boolean) || "zh" : chineseOf(asked) || "en";
  const T = {
    en: {
      open: "Ask the sources",
      close: "Close the chat",
      frame: "Chat: ask the sources",
      checking: "Connecting…",
      refused: (origin) =>
        `This chat is not enabled on this site: ${origin} is not on the list for site key "${site}". The administrator of the Q&A service can add it.`,
      missing: "The embed code has no data-site key, so the chat cannot open.",
    },
    zh: {
      open: "向文献提问",
      close: "关闭对话",
      frame: "对话：向文献提问",
      checking: "正在连接…",
      refused: (origin) =>
        `此网站未启用本问答：${origin} 不在站点密钥“${site}”的允许列表中，请联系问答服务管理员添加。`,
      missing: "嵌入代码缺少 data-site 站点密钥，无法打开问答。",
    },
    "zh-Hant": {
      open: "向文獻提問",
      close: "關閉對話",
      frame: "對話：向文獻提問",
      checking: "正在連線…",
      refused: (origin) =>
        `此網站未啟用本問答：${origin} 不在站點金鑰「${site}」的允許清單中，請聯絡問答服務管理員新增。`,
      missing: "嵌入程式碼缺少 data-site 站點金鑰，無法開啟問答。",
    },
  }[lang];

  const host = document.createElement("div");
  host.setAttribute("data-regions-qa", "");
  // Inline !important beats any rule of the host page on the one element it can still see.
  host.style.cssText =
    "all: initial !important; position: fixed !important; right: 16px !important; bottom: 16px !important; z-index: 2147483647 !important; display: block !important;";
  const root = host.attachShadow({ mode: "open" });
  root.innerHTML = `<style>
    :host { all: initial; }
    * { box-sizing: border-box; font: 15px/1.4 system-ui, -apple-system, "Segoe UI", "PingFang SC", "Microsoft YaHei", sans-serif; }
    .launch { display: inline-flex; align-items: center; gap: 8px; padding: 10px 16px; border-radius: 999px; border: 0;
      background: #0b5cad; color: #fff; font-weight: 600; cursor: pointer; box-shadow: 0 4px 14px rgb(0 0 0 / 0.25); }
    .launch:focus-visible, .close:focus-visible { outline: 3px solid #f5b400; outline-offset: 2px; }
    .panel { position: fixed; right: 16px; bottom: 72px; width: min(400px, calc(100vw - 32px)); height: min(600px, calc(100vh - 96px));
      display: flex; flex-direction: column; background: #fff; color: #1d1f21; border-radius: 12px; overflow: hidden;
      box-shadow: 0 10px 40px rgb(0 0 0 / 0.3); border: 1px solid #d9dcdf; }
    .panel[hidden] { display: none; }
    .head { display: flex; justify-content: flex-end; padding: 2px 4px; background: #f2f4f6; }
    .close { border: 0; background: transparent; font-size: 20px; line-height: 1; padding: 6px 10px; cursor: pointer; color: #1d1f21; border-radius: 6px; }
    iframe { flex: 1; width: 100%; border: 0; background: #fbfbfa; }
    .wait { margin: 16px; color: #5b6168; }
    .message { margin: 16px; padding: 12px; border: 1px solid #9b1c1c; border-radius: 8px; color: #9b1c1c; background: #fff; }
    @media (max-width: 480px) { .panel { right: 8px; left: 8px; width: auto; bottom: 68px; height: calc(100vh - 84px); } }
  </style>
  <div class="panel" id="panel" role="dialog" hidden><div class="head"><button class="close" type="button">×</button></div></div>
  <button class="launch" type="button" aria-expanded="false" aria-controls="panel"><svg aria-hidden="true" width="18" height="18" viewBox="0 0 24 24" fill="none" stroke="currentColor" stroke-width="2" stroke-linejoin="round"><path d="M4 5h16v11H9l-5 4z"/></svg><span class="label"></span></button>`;
  const panel = root.getElementById("panel");
  const launch = root.querySelector(".launch");
  const close = root.querySelector(".close");
  root.querySelector(".label").textContent = T.open;
  panel.setAttribute("aria-label", T.frame);
  close.setAttribute("aria-label", T.close);
  let ready = null; // a promise for the panel's content, made on first open

  /** A paragraph for the panel: an alert for a refusal, a polite status while waiting. */
  function message(text, role = "alert") {
    const p = document.createElement("p");
    p.className = role === "alert" ? "message" : "wait";
    p.setAttribute("role", role);
    p.textContent = text;
    return p;
  }

  /** Asks HOST whether this origin may use KEY; a CORS refusal means it may not (the server sends a 403). */
  async function content() {
    if (!site) return message(T.missing);
    try {
      const res = await fetch(`${base}/api/site?site=${encodeURIComponent(site)}`, {
        credentials: "omit",
      });
      if (!res.ok) throw new Error(`HTTP ${res.status}`);
    } catch (e) {
      console.warn(
        `regions-qa: ${location.origin} may not embed the chat with site key "${site}" (${e && e.message})`,
      );
      return message(T.refused(location.origin));
    }
    const frame = document.createElement("iframe");
    frame.src = `${base}/widget?site=${encodeURIComponent(site)}&lang=${lang}`;
    frame.title = T.frame;
    frame.setAttribute("allow", "clipboard-write");
    frame.setAttribute("referrerpolicy", "strict-origin");
    return frame;
  }

  async function toggle(show) {
    panel.hidden = !show;
    launch.setAttribute("aria-expanded", String(show));
    if (!show) return launch.focus();
    if (!ready) {
      const wait = message(T.checking, "status");
      panel.append(wait);
      ready = content().then((node) => {
        wait.replaceWith(node);
        return node;
      });
    }
    const node = await ready;
    if (node.tagName === "IFRAME") node.focus();
    else close.focus();
  }

  launch.addEventListener("click", () => toggle(panel.hidden));
  close.addEventListener("click", () => toggle(false));
  root.addEventListener("keydown", (e) => {
    if (e.key === "Escape" && !panel.hidden) toggle(false);
  });
  const mount = () => document.body.append(host);
  if (document.body) mount();
  else document.addEventListener("DOMContentLoaded", mount);
})();
