/** Tables stage: extraction from raw corpus text, cell lookups, question answering, CSV. */
export { extractTables } from "./extract.js";
export { findCells } from "./lookup.js";
export { answerFromTables, type ScoredCell, type TableQuestion } from "./answer.js";
export { tableToCsv } from "./csv.js";
export { formatValue } from "./format.js";
export type { Place, PlaceHit } from "./names.js";
export { createTableVocabulary, type TableVocabulary } from "./vocabulary.js";
export type {
  CellMatch,
  CellQuery,
  Span,
  Table,
  TableAnswer,
  TableCell,
  TableColumn,
  TableLayout,
  TableRow,
  TableStatus,
} from "./types.js";
