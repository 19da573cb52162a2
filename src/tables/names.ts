import { GAZETTEER } from "../lexicon/gazetteer.js";
import { matchForm } from "../text/fold.js";
import { SAME_PLACE, TABLE_ALIASES, TABLE_PLACES } from "./places.js";

/** A place the corpus discusses, with the names it goes by (Traditional and Simplified forms are
 * folded together by {@link fold}, so one script is enough). */
export interface Place {
  id: string;
  names: readonly string[];
}

/**
 * The places of {@link TABLE_PLACES} with their gazetteer names (not demonyms: "Korean firms" names
 * no place a table must cover), merged and extended as {@link SAME_PLACE} and {@link TABLE_ALIASES}
 * say. Ids are the canonical English names in kebab case ("inner-mongolia").
 *
 * @example
 *   PLACES.find((p) => p.id === "zhongguancun")?.names // → ["Zhongguancun", …, "中關村", …, "BEZ", …]
 */
export const PLACES: readonly Place[] = placesOf();

function placesOf(): Place[] {
  const names = new Map<string, string[]>(TABLE_PLACES.map((place) => [place, []]));
  for (const entry of GAZETTEER) {
    const canonical = entry.en[0] ?? "";
    names.get(SAME_PLACE[canonical] ?? canonical)?.push(...entry.en, ...entry.zh);
  }
  return TABLE_PLACES.map((place) => ({
    id: place.toLowerCase().replace(/[^a-z0-9]+/gu, "-"),
    names: [...new Set([...(names.get(place) ?? []), ...(TABLE_ALIASES[place] ?? [])])],
  }));
}

interface Alias {
  id: string;
  folded: string;
  latin: boolean;
}

let aliases: Alias[] | null = null;

function aliasList(): Alias[] {
  aliases ??= PLACES.flatMap((p) =>
    p.names.map((n) => ({ id: p.id, folded: matchForm(n), latin: /^[\x20-\x7e]+$/u.test(n) })),
  ).sort((a, b) => b.folded.length - a.folded.length);
  return aliases;
}

/** A place name found in folded text. */
export interface PlaceHit {
  id: string;
  start: number;
  end: number;
}

/**
 * Finds place names in text already passed through {@link fold}; longer names win over the
 * names inside them ("濱海新區" over "濱海"), and Latin names must stand as whole words.
 *
 * @example
 *   findPlaces(matchForm("东莞 and Beijing")) // → [{ id: "dongguan", … }, { id: "beijing", … }]
 */
export function findPlaces(folded: string): PlaceHit[] {
  const taken = new Array<boolean>(folded.length).fill(false);
  const hits: PlaceHit[] = [];
  for (const alias of aliasList()) {
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
}
