import { Hono } from "hono";
import { z } from "zod";
import { AppError } from "../../errors.js";
import { findCells } from "../../tables/lookup.js";
import type { Table } from "../../tables/types.js";
import type { AppDeps } from "../state.js";
import { parseWith } from "../validate.js";
import { ready } from "../readiness.js";

const ListQuery = z.object({
  doc: z.string().max(300).optional(),
  q: z.string().max(300).optional(),
});
const DataQuery = z
  .object({
    row: z.string().max(300).optional(),
    column: z.string().max(300).optional(),
    table: z.string().max(300).optional(),
    doc: z.string().max(300).optional(),
  })
  .refine((q) => q.row || q.column, "give at least one of row or column");

const TableQuery = z.object({
  format: z.enum(["json", "csv"], { error: "format must be json or csv" }).default("json"),
});

const summary = (t: Table) => ({
  id: t.id,
  docId: t.docId,
  source: t.source,
  label: t.label,
  caption: t.caption,
  unit: t.unit,
  status: t.status,
  reason: t.reason ?? null,
  rows: t.rows.length,
  columns: t.columns.length,
});

/** CSV (RFC 4180) of a parsed table: a header line of column labels, then one line per row. */
export function tableCsv(t: Table): string {
  const esc = (v: string) => (/[",\n\r]/u.test(v) ? `"${v.replace(/"/gu, '""')}"` : v);
  const header = [t.stub ?? "", ...t.columns.map((c) => c.label || c.key)];
  const lines = t.rows.map((r) => [
    r.group ? `${r.group}: ${r.label}` : r.label,
    ...t.columns.map((c) => r.cells.find((x) => x.column === c.key)?.text ?? ""),
  ]);
  return [header, ...lines].map((l) => l.map(esc).join(",")).join("\r\n") + "\r\n";
}

/** `GET /api/tables`, `/api/tables/:id` (JSON or `?format=csv`) and `GET /api/data` cell lookups. */
export function tableRoutes(deps: AppDeps): Hono {
  const app = new Hono();
  const tables = () => ready(deps).tables as Table[];
  app.get("/tables", (c) => {
    const { doc, q } = parseWith(ListQuery, c.req.query());
    const needle = q?.toLowerCase();
    const list = tables().filter(
      (t) =>
        (!doc || t.docId.includes(doc) || t.source.includes(doc)) &&
        (!needle || `${t.label} ${t.caption}`.toLowerCase().includes(needle)),
    );
    return c.json({ tables: list.map(summary) });
  });
  app.get("/tables/:id{.+}", (c) => {
    const id = c.req.param("id");
    const { format } = parseWith(TableQuery, c.req.query());
    const t = tables().find((x) => x.id === id);
    if (!t) throw new AppError("not_found", `No table with id "${id}".`);
    if (format === "csv") {
      if (t.status !== "parsed")
        throw new AppError(
          "invalid_request",
          `Table ${id} is unparsed (${t.reason ?? "structure uncertain"}); only its raw text is available.`,
        );
      return c.body(tableCsv(t), 200, { "content-type": "text/csv; charset=utf-8" });
    }
    return c.json(t);
  });
  app.get("/data", (c) => {
    const q = parseWith(DataQuery, c.req.query());
    const s = ready(deps);
    const matches = findCells(tables(), q, s.tableVocabulary).slice(0, 20);
    return c.json({
      matches: matches.map((m) => ({
        score: m.score,
        table: { id: m.table.id, label: m.table.label, caption: m.table.caption },
        row: m.row.label,
        group: m.row.group,
        column: m.column.label,
        value: m.cell.value,
        unit: m.cell.unit,
        text: m.cell.text,
        citation: {
          source: m.table.source,
          start: m.row.start,
          end: m.row.end,
          quote: (s.rawTexts.get(m.table.source) ?? "").slice(m.row.start, m.row.end),
        },
      })),
    });
  });
  return app;
}
