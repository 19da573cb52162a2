import { MappedTextBuilder } from "./mapped-builder.js";
import type { MappedText } from "./types.js";

/**
 * Builds a document's two texts in one pass over the raw file, both mapped back to it: the matching
 * text (NFKC, footnote markers kept; what retrieval tokenizes) and the display text (the source's own
 * characters; what users read and quote). Most characters go to both, in their own forms.
 *
 * @example
 *   const b = new TwinBuilder();
 *   b.push("%", "％", 10, 11);
 *   b.build().display.text; // "％"
 */
export class TwinBuilder {
  readonly match = new MappedTextBuilder();
  readonly display = new MappedTextBuilder();

  /** Length of the matching text (block offsets are kept in it). */
  get length(): number {
    return this.match.length;
  }

  /** Appends `match` and `display` forms of raw `[rawStart, rawEnd)`; either may be "". */
  push(match: string, display: string, rawStart: number, rawEnd: number): void {
    if (match) this.match.push(match, rawStart, rawEnd);
    if (display) this.display.push(display, rawStart, rawEnd);
  }

  /** Appends the same text to both. */
  pushBoth(text: string, rawStart: number, rawEnd: number): void {
    this.push(text, text, rawStart, rawEnd);
  }

  trimEnd(): void {
    this.match.trimEnd();
    this.display.trimEnd();
  }

  build(): { match: MappedText; display: MappedText } {
    return { match: this.match.build(), display: this.display.build() };
  }
}
