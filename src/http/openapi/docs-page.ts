type Json = Record<string, unknown>;

const esc = (s: unknown) => String(s).replace(/[&<>"']/gu, (ch) => `&#${ch.charCodeAt(0)};`);
/** Escaped prose with `backticked` words set as code. */
const prose = (s: unknown) => esc(s).replace(/`([^`]+)`/gu, "<code>$1</code>");

/** "string, 1–2000 chars", "integer, 1–20, default 10", "one of: apa, mla". */
function describeType(s: Json): string {
  const parts: string[] = [];
  const type = Array.isArray(s.type) ? s.type.join(" or ") : (s.type as string | undefined);
  if (s.enum)
    parts.push(`one of: ${(s.enum as unknown[]).map((v) => JSON.stringify(v)).join(", ")}`);
  else if (type === "array")
    parts.push(`array${s.maxItems !== undefined ? ` (at most ${s.maxItems})` : ""}`);
  else if (type) parts.push(type);
  else if (s.anyOf) parts.push((s.anyOf as Json[]).map(describeType).join(" or "));
  // zod gives every int the safe-integer range; that says nothing to a reader.
  const bound = (v: unknown) =>
    typeof v === "number" && Math.abs(v) < Number.MAX_SAFE_INTEGER ? v : undefined;
  const range = (lo: unknown, hi: unknown, unit = "") =>
    lo !== undefined && hi !== undefined
      ? `${lo}–${hi}${unit}`
      : lo !== undefined
        ? `≥ ${lo}${unit}`
        : hi !== undefined
          ? `≤ ${hi}${unit}`
          : "";
  const r = range(s.minLength, s.maxLength, " chars") || range(bound(s.minimum), bound(s.maximum));
  if (r) parts.push(r);
  if (s.default !== undefined) parts.push(`default ${JSON.stringify(s.default)}`);
  return parts.join(", ");
}

/** A nested list of an object schema's fields ($refs into `components.schemas` resolved). */
function renderSchema(schema: Json, components: Json, depth = 0): string {
  const resolve = (s: Json): Json =>
    typeof s.$ref === "string"
      ? resolve(((components.schemas as Json)[s.$ref.split("/").pop()!] as Json | undefined) ?? {})
      : s;
  const s = resolve(schema);
  const items = s.type === "array" && s.items ? resolve(s.items as Json) : null;
  const object = items?.properties ? items : s;
  if (!object.properties || depth > 4) return `<p class="type">${esc(describeType(s))}</p>`;
  const required = new Set((object.required as string[] | undefined) ?? []);
  const rows = Object.entries(object.properties as Record<string, Json>).map(([name, raw]) => {
    const field = resolve(raw);
    const nested =
      field.properties ||
      (field.type === "array" && field.items && resolve(field.items as Json).properties);
    return `<li><code>${esc(name)}</code> <span class="type">${esc(describeType(field))}</span>${required.has(name) ? ' <span class="req">required</span>' : ""}${
      field.description ? ` — ${esc(field.description)}` : ""
    }${nested ? renderSchema(field, components, depth + 1) : ""}</li>`;
  });
  return `${items ? '<p class="type">array of:</p>' : ""}<ul class="fields">${rows.join("")}</ul>`;
}

function renderOperation(path: string, method: string, op: Json, components: Json): string {
  const id = `${method}-${path}`.replace(/[^\w-]+/gu, "-");
  const params = (op.parameters as Json[] | undefined) ?? [];
  const body = op.requestBody as Json | undefined;
  const bodySchema =
    body &&
    (((body.content as Json)["application/json"] as Json | undefined)?.schema as Json | undefined);
  const responses = Object.entries((op.responses as Record<string, Json>) ?? {});
  return `<section id="${esc(id)}">
<h2><span class="method ${esc(method)}">${esc(method.toUpperCase())}</span> <code>${esc(path)}</code></h2>
<p>${esc(op.summary ?? "")}</p>${op.description ? `<p class="desc">${prose(op.description)}</p>` : ""}
${
  params.length
    ? `<h3>Parameters</h3><table><thead><tr><th scope="col">name</th><th scope="col">in</th><th scope="col">type</th><th scope="col">notes</th></tr></thead><tbody>${params
        .map(
          (p) =>
            `<tr><td><code>${esc(p.name)}</code>${p.required ? ' <span class="req">required</span>' : ""}</td><td>${esc(p.in)}</td><td>${esc(describeType((p.schema as Json) ?? {}))}</td><td>${esc(p.description ?? "")}</td></tr>`,
        )
        .join("")}</tbody></table>`
    : ""
}
${bodySchema ? `<h3>Request body <span class="type">application/json</span></h3>${renderSchema(bodySchema, components)}` : ""}
<h3>Responses</h3><dl class="responses">${responses
    .map(([status, r]) => {
      const content = (r.content as Record<string, Json> | undefined) ?? {};
      const [type, media] = Object.entries(content)[0] ?? [];
      const schema = media?.schema as Json | undefined;
      const detail =
        schema && status.startsWith("2") && (schema.$ref || (schema as Json).properties)
          ? renderSchema(schema, components)
          : "";
      return `<dt><code>${esc(status)}</code>${type ? ` <span class="type">${esc(type)}</span>` : ""}</dt><dd>${esc(r.description ?? "")}${detail}</dd>`;
    })
    .join("")}</dl>
</section>`;
}

/**
 * A readable HTML page of an OpenAPI document: a contents list, then each operation with its
 * parameters, request body fields and responses. No scripts, no external files but /assets/docs.css.
 *
 * @example
 *   docsHtml(openApiDocument()) // → "<!doctype html>…<h2><span class=\"method post\">POST</span> <code>/api/ask</code>…"
 */
export function docsHtml(spec: {
  info: Json;
  paths: Record<string, Record<string, Json>>;
  components: Json;
}): string {
  const ops = Object.entries(spec.paths).flatMap(([path, methods]) =>
    Object.entries(methods).map(([method, op]) => ({ path, method, op })),
  );
  const toc = ops
    .map(
      ({ path, method, op }) =>
        `<li><a href="#${esc(`${method}-${path}`.replace(/[^\w-]+/gu, "-"))}"><span class="method ${esc(method)}">${esc(method.toUpperCase())}</span> ${esc(path)}</a> — ${esc(op.summary ?? "")}</li>`,
    )
    .join("");
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>${esc(spec.info.title)} API</title><link rel="stylesheet" href="/assets/docs.css"></head>
<body><header><h1>${esc(spec.info.title)} API <span class="type">v${esc(spec.info.version)}</span></h1>
<p>${esc(spec.info.description ?? "")}</p><p>Machine-readable: <a href="/openapi.json">/openapi.json</a> (OpenAPI 3.1) · <a href="/">chat</a></p></header>
<nav aria-label="Operations"><ul class="toc">${toc}</ul></nav>
<main>${ops.map(({ path, method, op }) => renderOperation(path, method, op, spec.components)).join("\n")}</main></body></html>
`;
}
