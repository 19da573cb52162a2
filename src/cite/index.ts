export { entryForSource, entryForUnknownFile, parseCatalog } from "./catalog.js";
export { formatInText, formatReference, formatReferenceHtml } from "./format.js";
export { formatLocator } from "./locator.js";
export {
  CITATION_STYLES,
  CatalogEntrySchema,
  CatalogSchema,
  ENTRY_TYPES,
  IN_TEXT_STYLES,
  type Author,
  type Catalog,
  type CatalogEntry,
  type CatalogEntryInput,
  type CitationStyle,
  type EntryType,
  type InTextStyle,
  type Locator,
} from "./types.js";
