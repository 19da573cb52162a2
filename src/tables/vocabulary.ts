import type { CorpusKnowledge } from "../knowledge/types.js";
import { placeFinder, placesOf, type Place, type PlaceHit } from "./names.js";
import { termReader, type TermReader } from "./terms.js";

/**
 * What table matching knows of a corpus: the places rows and columns are matched by and the
 * concepts of their headers. Created once from the corpus knowledge and passed to the table
 * functions that match terms (extraction's quote check, cell lookups, table answers).
 */
export interface TableVocabulary extends TermReader {
  readonly places: readonly Place[];
  /** Place names in text already passed through `matchForm`, longest first. */
  findPlaces(folded: string): PlaceHit[];
}

/**
 * The table vocabulary of a corpus's knowledge (`gazetteer.json`, `table-places.json`,
 * `table-concepts.json`); empty knowledge gives a vocabulary of plain words and years.
 *
 * @example
 *   const vocabulary = createTableVocabulary(await loadKnowledge("corpus"));
 *   [...vocabulary.termsOf("東莞 exporting firms, 2007").keys()] // → ["@dongguan", "~export", "~firm", "#2007"]
 */
export function createTableVocabulary(
  knowledge: Pick<CorpusKnowledge, "gazetteer" | "tablePlaces" | "concepts">,
): TableVocabulary {
  const places = placesOf(knowledge.gazetteer, knowledge.tablePlaces);
  const findPlaces = placeFinder(places);
  return { places, findPlaces, ...termReader(findPlaces, knowledge.concepts) };
}
