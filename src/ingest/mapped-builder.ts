import type { MappedText } from "./types.js";

/**
 * Accumulates normalized text while remembering, for every emitted character, the raw range it came from.
 *
 * @example
 *   const b = new MappedTextBuilder();
 *   b.push("fi", 10, 11); // U+FB01 at raw offset 10 became two characters
 *   b.build().starts; // Int32Array [10, 10]
 */
export class MappedTextBuilder {
  private readonly parts: string[] = [];
  private starts: number[] = [];
  private ends: number[] = [];

  get length(): number {
    return this.starts.length;
  }

  /** Appends `text`, every UTF-16 unit of which maps to raw `[rawStart, rawEnd)`. */
  push(text: string, rawStart: number, rawEnd: number): void {
    this.parts.push(text);
    for (let i = 0; i < text.length; i++) {
      this.starts.push(rawStart);
      this.ends.push(rawEnd);
    }
  }

  /** The last emitted character, or "" when empty. */
  lastChar(): string {
    return this.charFromEnd(1);
  }

  /** The `n`th character from the end (1 is the last), or "" when there are fewer. */
  charFromEnd(n: number): string {
    for (let p = this.parts.length - 1; p >= 0; p--) {
      const part = this.parts[p]!;
      if (n <= part.length) return part.charAt(part.length - n);
      n -= part.length;
    }
    return "";
  }

  /** The last `n` emitted characters. */
  lastChars(n: number): string {
    let out = "";
    for (let p = this.parts.length - 1; p >= 0 && out.length < n; p--) out = this.parts[p]! + out;
    return out.slice(out.length - n);
  }

  /** Removes the last emitted character (a line-break hyphen, say). */
  popChar(): void {
    const last = this.parts[this.parts.length - 1];
    if (last === undefined) return;
    this.starts.length -= 1;
    this.ends.length -= 1;
    if (last.length > 1) this.parts[this.parts.length - 1] = last.slice(0, -1);
    else this.parts.pop();
  }

  /** Removes trailing whitespace characters (used before block separators). */
  trimEnd(): void {
    while (this.parts.length) {
      const last = this.parts[this.parts.length - 1] ?? "";
      const trimmed = last.replace(/\s+$/u, "");
      const cut = last.length - trimmed.length;
      if (cut === 0) return;
      this.starts.length -= cut;
      this.ends.length -= cut;
      if (trimmed) {
        this.parts[this.parts.length - 1] = trimmed;
        return;
      }
      this.parts.pop();
    }
  }

  build(): MappedText {
    return {
      text: this.parts.join(""),
      starts: Int32Array.from(this.starts),
      ends: Int32Array.from(this.ends),
    };
  }
}

/**
 * The raw `[start, end)` covered by normalized range `[start, end)`.
 *
 * @example
 *   rawSpan(doc.normalized, s.start, s.end) // → { start: 1200, end: 1305 }
 */
export function rawSpan(m: MappedText, start: number, end: number): { start: number; end: number } {
  if (end <= start) {
    const at = m.starts[start] ?? m.ends[m.ends.length - 1] ?? 0;
    return { start: at, end: at };
  }
  return { start: m.starts[start] ?? 0, end: m.ends[end - 1] ?? 0 };
}

/**
 * The range of characters of `m` whose raw origin lies inside raw `[start, end)`, as `[from, to)` indexes
 * of `m.text` (origins are in raw order, so this is a binary search). Zero-width characters at `start`
 * (block separators) are inside.
 *
 * @example
 *   const { from, to } = indexRange(doc.display, 1200, 1305);
 *   doc.display.text.slice(from, to); // the display text of raw [1200, 1305)
 */
export function indexRange(
  m: MappedText,
  start: number,
  end: number,
): { from: number; to: number } {
  let lo = 0;
  let hi = m.starts.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (m.starts[mid]! < start) lo = mid + 1;
    else hi = mid;
  }
  let to = lo;
  while (to < m.ends.length && m.ends[to]! <= end && m.starts[to]! < Math.max(end, start + 1)) to++;
  return { from: lo, to };
}
