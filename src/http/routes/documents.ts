import { Hono } from "hono";
import { AppError } from "../../errors.js";
import type { AppDeps } from "../state.js";
import { ready } from "../readiness.js";

/** `GET /api/documents`, `/api/documents/:id` and `/api/passages/:id`. */
export function documentRoutes(deps: AppDeps): Hono {
  const app = new Hono();
  app.get("/documents", (c) => {
    const s = ready(deps);
    const documents = s.manifest.files.map((f) => {
      const id = f.source.replace(/\.[^.]+$/u, "");
      return { id, ...s.entryFor(id), source: f.source, bytes: f.bytes };
    });
    return c.json({ documents });
  });
  app.get("/documents/:id{.+}", (c) => {
    const s = ready(deps);
    const id = c.req.param("id");
    const file = s.manifest.files.find((f) => f.source.replace(/\.[^.]+$/u, "") === id);
    if (!file) throw new AppError("not_found", `No document with id "${id}".`);
    const passages = s.qa.passageIdsOf(id);
    return c.json({
      id,
      ...s.entryFor(id),
      source: file.source,
      bytes: file.bytes,
      sha256: file.sha256,
      passages: passages.length,
      firstPassage: passages[0] ?? null,
    });
  });
  app.get("/passages/:id", (c) => {
    const s = ready(deps);
    const id = c.req.param("id");
    const found = s.qa.passage(id);
    if (!found) throw new AppError("not_found", `No passage with id "${id}".`);
    const { chunk, previous, next } = found;
    const raw = s.rawTexts.get(chunk.source) ?? "";
    const before = raw.slice(Math.max(0, chunk.start - 400), chunk.start);
    const after = raw.slice(chunk.end, chunk.end + 400);
    return c.json({
      id: chunk.id,
      docId: chunk.docId,
      source: chunk.source,
      title: s.entryFor(chunk.docId).title,
      start: chunk.start,
      end: chunk.end,
      text: chunk.text,
      section: chunk.section,
      sectionPath: chunk.sectionPath,
      page: chunk.page,
      kind: chunk.kind,
      lang: chunk.lang,
      context: { before, after },
      previous: previous?.id ?? null,
      next: next?.id ?? null,
    });
  });
  return app;
}
