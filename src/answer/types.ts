/** A verified quotation: `quote` is the cleaned text of exactly `raw.slice(start, end)` of `source`. */
export interface Citation {
  n: number;
  docId: string;
  source: string;
  title: string;
  quote: string;
  start: number;
  end: number;
  section: string | null;
  passageId: string;
}

/** What `/api/ask` answers, before HTTP serialisation. */
export interface Answer {
  answer: string;
  abstained: boolean;
  citations: Citation[];
}
