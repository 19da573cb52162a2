import { createHash } from "node:crypto";

/** The pages' only stylesheet, inlined; allowed by its hash in the Content-Security-Policy. */
export const PAGE_CSS = `
:root{color-scheme:light dark;--fg:#1c1c1e;--muted:#66666d;--bg:#fff;--panel:#f4f4f6;--line:#dcdce2;--mark:#ffe27a;--accent:#0b57d0}
@media (prefers-color-scheme:dark){:root{--fg:#e6e6ea;--muted:#a0a0a8;--bg:#151517;--panel:#222226;--line:#3a3a40;--mark:#6a5712;--accent:#8ab4f8}}
*{box-sizing:border-box}
body{margin:0 auto;max-width:48rem;padding:1.5rem 1rem 3rem;font:16px/1.6 system-ui,-apple-system,"Segoe UI","Noto Sans","PingFang TC","Microsoft JhengHei",sans-serif;color:var(--fg);background:var(--bg)}
h1{font-size:1.35rem;margin:.2rem 0}h2{font-size:1.05rem;margin:2rem 0 .6rem}h3{font-size:.95rem;margin:0 0 .4rem}
a{color:var(--accent)}
.doc,.meta,.hint{color:var(--muted);margin:0;font-size:.9rem}
nav{display:flex;justify-content:space-between;gap:1rem;margin:1rem 0;font-size:.9rem}
.context{white-space:pre-wrap;overflow-wrap:anywhere;background:var(--panel);border:1px solid var(--line);border-radius:8px;padding:1rem;color:var(--muted)}
.passage{color:var(--fg)}
mark{background:var(--mark);color:inherit;border-radius:2px}
.gap{color:var(--muted)}
.page{display:block;margin:.6rem 0;text-align:center;font-size:.8rem;color:var(--muted);border-top:1px dashed var(--line)}
blockquote{margin:0;padding:.6rem 1rem;border-left:4px solid var(--mark);background:var(--panel);border-radius:0 8px 8px 0}
article{border:1px solid var(--line);border-radius:8px;padding:.8rem 1rem;margin:.8rem 0}
.ref{margin:0 0 .5rem}
pre{white-space:pre-wrap;overflow-wrap:anywhere;margin:0 0 .5rem;font-size:.85rem;background:var(--panel);padding:.6rem;border-radius:6px}
code{font-size:.9em}
.actions{display:flex;flex-wrap:wrap;gap:.5rem;align-items:center}
button{font:inherit;font-size:.85rem;padding:.25rem .7rem;border:1px solid var(--line);border-radius:6px;background:var(--bg);color:var(--fg);cursor:pointer}
button:hover{border-color:var(--accent)}
.offscreen{position:fixed;left:-9999px;top:0}
`;

/**
 * Copy buttons: a `button[data-copy]` copies its attribute's text (Clipboard API, else a selected
 * off-screen textarea). The text is in the markup, so it stays readable and selectable without script.
 */
export const PAGE_JS = `
document.addEventListener("click", (event) => {
  const button = event.target instanceof Element ? event.target.closest("button[data-copy]") : null;
  if (!button) return;
  const text = button.getAttribute("data-copy") || "";
  const label = button.dataset.label || (button.dataset.label = button.textContent || "Copy");
  const done = (ok) => {
    button.textContent = ok ? "Copied" : "Copy failed: select the text";
    setTimeout(() => { button.textContent = label; }, 1500);
  };
  const fallback = () => {
    const area = document.createElement("textarea");
    area.className = "offscreen";
    area.value = text;
    area.setAttribute("readonly", "");
    document.body.append(area);
    area.select();
    let ok = false;
    try { ok = document.execCommand("copy"); } catch (error) { ok = false; }
    area.remove();
    done(ok);
  };
  if (navigator.clipboard && window.isSecureContext) navigator.clipboard.writeText(text).then(() => done(true), fallback);
  else fallback();
});
`;

const sha256 = (text: string): string =>
  `'sha256-${createHash("sha256").update(text, "utf8").digest("base64")}'`;

/**
 * The pages' Content-Security-Policy: nothing loads from anywhere; only the inline stylesheet and
 * script above run, allowed by their hashes (computed once, here).
 */
export const PAGE_CSP = [
  "default-src 'none'",
  `style-src ${sha256(PAGE_CSS)}`,
  `script-src ${sha256(PAGE_JS)}`,
  "img-src 'none'",
  "connect-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
].join("; ");
