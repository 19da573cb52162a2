import type { NameEntry, TablePlace } from "../knowledge/types.js";
import { matchForm } from "../text/fold.js";

/** A place the corpus discusses, with the names it goes by (Traditional and Simplified forms are
 * folded together by {@link matchForm}, so one script is enough). */
export interface Place {
  id: string;
  names: readonly string[];
}

/** A place name found in folded text. */
export interface PlaceHit {
  id: string;
  start: number;
  end: number;
}

/**
 * The table places of a corpus (`knowledge/table-places.json`) with their gazetteer names (not
 * demonyms: "Korean firms" names no place a table must cover), the gazetteer names each
 * `includes`, and its `aliases`. Ids are the names in kebab case ("inner-mongolia").
 *
 * @example
 *   placesOf(knowledge.gazetteer, knowledge.tablePlaces).find((p) => p.id === "zhongguancun")?.names
 *   // → ["Zhongguancun", …, "中關村", …, "BEZ", …]
 */
export function placesOf(
  gazetteer: readonly NameEntry[],
  tablePlaces: readonly TablePlace[],
): Place[] {
  const placeOf = new Map<string, string>();
  for (const place of tablePlaces) {
    placeOf.set(place.name, place.name);
    for (const name of place.includes ?? []) placeOf.set(name, place.name);
  }
  const names = new Map<string, string[]>(tablePlaces.map((place) => [place.name, []]));
  for (const entry of gazetteer) {
    const place = placeOf.get(entry.en[0] ?? "");
    if (place) names.get(place)?.push(...entry.en, ...entry.zh);
  }
  return tablePlaces.map((place) => ({
    id: place.name.toLowerCase().replace(/[^a-z0-9]+/gu, "-"),
    names: [...new Set([...(names.get(place.name) ?? []), ...(place.aliases ?? [])])],
  }));
}

/**
 * A finder of place names in text already passed through {@link matchForm}: longer names win over
 * the names inside them ("濱海新區" over "濱海"), and Latin names must stand as whole words.
 *
 * @example
 *   const findPlaces = placeFinder(places);
 *   findPlaces(matchForm("东莞 and Beijing")) // → [{ id: "dongguan", … }, { id: "beijing", … }]
 */
export function placeFinder(places: readonly Place[]): (folded: string) => PlaceHit[] {
  const aliases = places
    .flatMap((p) =>
      p.names.map((n) => ({ id: p.id, folded: matchForm(n), latin: /^[\x20-\x7e]+$/u.test(n) })),
    )
    .sort((a, b) => b.folded.length - a.folded.length);
  return (folded) => {
    const taken = new Array<boolean>(folded.length).fill(false);
    const hits: PlaceHit[] = [];
    for (const alias of aliases) {
      for (
        let at = folded.indexOf(alias.folded);
        at >= 0;
        at = folded.indexOf(alias.folded, at + 1)
      ) {
        const end = at + alias.folded.length;
        if (
          alias.latin &&
          (/[a-z0-9]/u.test(folded[at - 1] ?? "") || /[a-z0-9]/u.test(folded[end] ?? ""))
        )
          continue;
        if (taken.slice(at, end).some(Boolean)) continue;
        taken.fill(true, at, end);
        hits.push({ id: alias.id, start: at, end });
      }
    }
    return hits.sort((a, b) => a.start - b.start);
  };
}
