import type { Chunk } from "../chunks/types.js";
import type { Embedder } from "../embed/types.js";
import { followUpContext, substituteNames, type Turn } from "../retrieve/followup.js";
import { splitTwoParts } from "../retrieve/decompose.js";
import { fuseRankings } from "../retrieve/fuse.js";
import { prepareQuery } from "../retrieve/query.js";
import { containsNumber } from "../retrieve/rerank.js";
import { matchForm } from "../text/fold.js";
import { retrieve } from "../retrieve/retriever.js";
import type { Hit, Translator } from "../retrieve/types.js";
import type { LoadedIndex } from "../store/index-data.js";
import { answerExtractive, DEFAULT_EXTRACTIVE } from "./extractive.js";
import { answerFromCell, type TableRef } from "./table-answer.js";
import { answerFromTables } from "../tables/answer.js";
import type { Table } from "../tables/types.js";
import type { Answer } from "./types.js";

/** Everything a loaded service holds; built once by the CLI and injected into the HTTP app. */
export interface QaDeps {
  index: LoadedIndex;
  embedder: Embedder;
  translator: Translator | null;
  /** Raw text of each corpus file by source path. */
  rawTexts: ReadonlyMap<string, string>;
  title: (docId: string) => string;
  /** Authors' family names of each document, so questions can point at a source ("According to Chen…"). */
  sources?: ReadonlyArray<{ docId: string; names: string[] }>;
  /** Extracted tables; numeric questions a cell answers are answered from them. */
  tables?: readonly Table[];
}

export interface AskInput {
  question: string;
  history?: Turn[];
  k?: number;
  /** Aborted when the asker has gone (the client disconnected); answering then stops with its reason. */
  signal?: AbortSignal;
}

/** A passage as returned by the API. */
export interface PassageOut {
  id: string;
  docId: string;
  source: string;
  start: number;
  end: number;
  text: string;
  score: number;
  section: string | null;
}

export const toPassage = (h: Hit): PassageOut => ({
  id: h.chunk.id,
  docId: h.chunk.docId,
  source: h.chunk.source,
  start: h.chunk.start,
  end: h.chunk.end,
  text: h.chunk.text,
  score: Math.round(h.score * 1e6) / 1e6,
  section: h.chunk.section,
});

/**
 * The question-answering pipeline: follow-up context → query preparation → hybrid retrieval →
 * extractive answer with verified citations.
 *
 * @example
 *   const qa = createQaService(deps);
 *   const { answer, passages } = await qa.ask({ question: "Where is ZGC?" });
 */
export function createQaService(deps: QaDeps) {
  const byId = new Map<string, number>(deps.index.chunks.map((c, i) => [c.id, i]));
  /** The passage of `docId` that contains raw offset `at` (table citations point into passages too). */
  const passageAt = (docId: string, at: number) =>
    deps.index.chunks.find((c) => c.docId === docId && c.start <= at && at < c.end)?.id;
  async function search(question: string, k: number, history: Turn[] = []) {
    let context = followUpContext(question, history);
    // "What about Guangdong?" after a question about Jiangsu: ask the earlier question about Guangdong.
    const swapped =
      context && deps.translator ? substituteNames(question, context, deps.translator.names) : null;
    const full = swapped ? `${swapped} ${question}` : question;
    if (swapped) context = swapped;
    const mentioned = (deps.sources ?? []).filter((src) =>
      src.names.some((n) => new RegExp(`\\b${n}\\b`, "iu").test(question)),
    );
    const prepare = (q: string) =>
      prepareQuery(q, deps.translator, {
        multilingual: deps.embedder.multilingual,
        context,
        contextWeight: swapped ? 1 : 0.5,
        sourceNames: mentioned.flatMap((src) => src.names),
        preferDocs: mentioned.map((src) => src.docId),
      });
    const query = prepare(question);
    const n = Math.max(k, 10);
    let hits = await retrieve(deps.index, deps.embedder, query, n);
    // A two-part question ("… both in the 1997 paper … and in the 2010 paper …") also retrieves for each
    // part, and the three rankings are fused, so each part's evidence reaches the top passages.
    const partQueries = (splitTwoParts(question) ?? []).map(prepare);
    if (partQueries.length) {
      const lists = [
        hits,
        ...(await Promise.all(partQueries.map((p) => retrieve(deps.index, deps.embedder, p, n)))),
      ];
      const byIndex = new Map(lists.flat().map((h) => [h.index, h]));
      hits = fuseRankings(
        lists.map((l) => ({ ranking: l.map((h) => h.index), weight: 1 })),
        10,
      )
        .slice(0, n)
        .map(([i, score]) => ({ ...byIndex.get(i)!, score }));
    }
    return { query, hits, context, asked: full, swapped: Boolean(swapped), partQueries };
  }
  return {
    search: async (question: string, k: number) => (await search(question, k)).hits.slice(0, k),
    async ask(
      input: AskInput,
    ): Promise<Answer & { passages: PassageOut[]; hits: Hit[]; table?: TableRef }> {
      input.signal?.throwIfAborted();
      const k = input.k ?? 8;
      const { query, hits, context, asked, swapped, partQueries } = await search(
        input.question,
        k,
        input.history,
      );
      const passages = hits.slice(0, Math.max(k, 5)).map(toPassage);
      const found = deps.tables?.length
        ? answerFromTables(deps.tables, swapped ? asked : input.question, {
            context: swapped ? "" : context,
          })
        : null;
      const raw = found ? deps.rawTexts.get(found.table.source) : undefined;
      const fromTable =
        found && raw ? answerFromCell(found, raw, deps.title(found.table.docId), query.lang) : null;
      if (fromTable) {
        const citations = fromTable.citations.map((c) => ({
          ...c,
          passageId: passageAt(c.docId, c.start) ?? "",
        }));
        // The passage holding the cited row goes first, so the evidence is among the ranked passages.
        // Then passages whose prose quotes the same figure ("… to only 8.3% in 2007"): they corroborate it.
        const rowPassage = deps.index.chunks.find((c) => c.id === citations[0]?.passageId);
        const figure =
          fromTable.table.value === null
            ? ""
            : String(fromTable.table.value).replace(/[,\s%]/gu, "");
        const quoting = /\d/u.test(figure)
          ? hits.filter(
              (h) => h.chunk.kind !== "table" && containsNumber(matchForm(h.chunk.text), figure),
            )
          : [];
        const first = [
          ...(rowPassage
            ? [{ index: -1, chunk: rowPassage, score: hits[0]?.score ?? 1, lexical: 0, dense: 0 }]
            : []),
          ...quoting,
        ];
        const ids = new Set(first.map((h) => h.chunk.id));
        const ranked = [...first.map(toPassage), ...passages.filter((p) => !ids.has(p.id))];
        return {
          answer: fromTable.answer,
          abstained: false,
          citations,
          passages: ranked.slice(0, Math.max(k, 5)),
          hits,
          table: fromTable.table,
        };
      }
      const answer = answerExtractive(
        query,
        hits,
        {
          raw: (s) => deps.rawTexts.get(s),
          title: deps.title,
          lexical: deps.index.lexical,
        },
        DEFAULT_EXTRACTIVE,
        partQueries,
      );
      return { ...answer, passages, hits };
    },
    passageIdsOf: (docId: string): string[] =>
      deps.index.chunks.filter((c) => c.docId === docId).map((c) => c.id),
    passage(id: string): { chunk: Chunk; previous: Chunk | null; next: Chunk | null } | null {
      const i = byId.get(id);
      if (i === undefined) return null;
      const chunk = deps.index.chunks[i]!;
      const same = (c: Chunk | undefined) => (c && c.docId === chunk.docId ? c : null);
      return {
        chunk,
        previous: same(deps.index.chunks[i - 1]),
        next: same(deps.index.chunks[i + 1]),
      };
    },
  };
}
export type QaService = ReturnType<typeof createQaService>;
