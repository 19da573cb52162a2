import { fold } from "./fold.js";

/** A place the corpus discusses, with the names it goes by (Traditional and Simplified forms are
 * folded together by {@link fold}, so one script is enough; both are listed where they differ in use). */
export interface Place {
  id: string;
  names: readonly string[];
}

/** Places of the five documents: cities, provinces, parks and regions. */
export const PLACES: readonly Place[] = [
  { id: "beijing", names: ["Beijing", "Peking", "北京"] },
  { id: "tianjin", names: ["Tianjin", "天津"] },
  { id: "hebei", names: ["Hebei", "河北"] },
  { id: "shanghai", names: ["Shanghai", "上海"] },
  { id: "suzhou", names: ["Suzhou", "蘇州"] },
  { id: "shenzhen", names: ["Shenzhen", "深圳"] },
  { id: "dongguan", names: ["Dongguan", "東莞"] },
  { id: "guangdong", names: ["Guangdong", "廣東"] },
  { id: "jiangsu", names: ["Jiangsu", "江蘇"] },
  { id: "zhejiang", names: ["Zhejiang", "浙江"] },
  { id: "chongqing", names: ["Chongqing", "重慶"] },
  { id: "guizhou", names: ["Guizhou", "貴州"] },
  { id: "shandong", names: ["Shandong", "山東"] },
  { id: "liaoning", names: ["Liaoning", "遼寧"] },
  { id: "shanxi", names: ["Shanxi", "山西"] },
  { id: "inner-mongolia", names: ["Inner Mongolia", "內蒙古"] },
  { id: "jing-jin-ji", names: ["Beijing-Tianjin-Hebei", "Jing-Jin-Ji", "京津冀"] },
  { id: "binhai", names: ["Binhai New Area", "Binhai", "濱海新區", "濱海"] },
  { id: "bohai-rim", names: ["Bohai Rim", "pan-Bohai", "Bohai", "環渤海", "渤海"] },
  { id: "pearl-river-delta", names: ["Pearl River Delta", "PRD", "珠江三角洲", "珠三角"] },
  { id: "yangtze-river-delta", names: ["Yangtze River Delta", "YRD", "長江三角洲", "長三角"] },
  { id: "zhongguancun", names: ["Zhongguancun", "Zhong'guancun", "ZGC", "BEZ", "中關村"] },
  { id: "haidian", names: ["Haidian", "海淀"] },
  { id: "yangpu", names: ["Yangpu", "楊浦"] },
  { id: "hsinchu", names: ["Hsinchu Science Industrial Park", "Hsinchu", "HSIP", "新竹科學園區", "新竹"] },
  { id: "taiwan", names: ["Taiwan", "台灣", "臺灣"] },
  { id: "daedeok", names: ["Daedeok Science Town", "Daedeok Innopolis", "Daedeok", "Daeduk", "DST", "大德"] },
  { id: "daejeon", names: ["Daejeon", "Taejon", "大田"] },
  { id: "seoul", names: ["Seoul", "首爾", "漢城"] },
  { id: "incheon", names: ["Incheon", "仁川"] },
  { id: "gyeonggi", names: ["Gyeonggi", "Gyunggi", "京畿道", "京畿"] },
  { id: "korea", names: ["South Korea", "Korea", "南韓", "韓國"] },
  { id: "china", names: ["China", "中國", "全國"] },
];

interface Alias {
  id: string;
  folded: string;
  latin: boolean;
}

let aliases: Alias[] | null = null;

function aliasList(): Alias[] {
  aliases ??= PLACES.flatMap((p) =>
    p.names.map((n) => ({ id: p.id, folded: fold(n), latin: /^[\x20-\x7e]+$/u.test(n) })),
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
 *   findPlaces(fold("东莞 and Beijing")) // → [{ id: "dongguan", … }, { id: "beijing", … }]
 */
export function findPlaces(folded: string): PlaceHit[] {
  const taken = new Array<boolean>(folded.length).fill(false);
  const hits: PlaceHit[] = [];
  for (const alias of aliasList()) {
    for (let at = folded.indexOf(alias.folded); at >= 0; at = folded.indexOf(alias.folded, at + 1)) {
      const end = at + alias.folded.length;
      if (alias.latin && (/[a-z0-9]/u.test(folded[at - 1] ?? "") || /[a-z0-9]/u.test(folded[end] ?? ""))) continue;
      if (taken.slice(at, end).some(Boolean)) continue;
      taken.fill(true, at, end);
      hits.push({ id: alias.id, start: at, end });
    }
  }
  return hits.sort((a, b) => a.start - b.start);
}
