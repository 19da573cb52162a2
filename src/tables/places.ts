/**
 * How table matching reads the gazetteer's places (src/lexicon/gazetteer.ts): which of them it
 * matches, which it treats as one, and the few names it adds. Places are named by their canonical
 * (first) English form.
 */

/**
 * The places tables are matched by, in the order that settles ties between equally long names. A
 * place named in a question must be one the table covers, so a place joins this list only once
 * the table answers it would change have been checked; other gazetteer names stay plain words.
 */
export const TABLE_PLACES = [
  "Beijing",
  "Tianjin",
  "Hebei",
  "Shanghai",
  "Suzhou",
  "Shenzhen",
  "Dongguan",
  "Guangdong",
  "Jiangsu",
  "Zhejiang",
  "Chongqing",
  "Guizhou",
  "Shandong",
  "Liaoning",
  "Shanxi",
  "Inner Mongolia",
  "Jing-Jin-Ji",
  "Binhai",
  "Bohai",
  "Pearl River Delta",
  "Yangtze River Delta",
  "Zhongguancun",
  "Haidian",
  "Yangpu",
  "Hsinchu",
  "Taiwan",
  "Daedeok",
  "Daejeon",
  "Seoul",
  "Incheon",
  "Gyeonggi",
  "Korea",
  "China",
] as const;

export type TablePlace = (typeof TABLE_PLACES)[number];

/** Gazetteer names that tables read as another place: a table about either answers questions about both. */
export const SAME_PLACE: Readonly<Record<string, TablePlace>> = {
  // The experimental zone became Zhongguancun Science Park in 1999.
  "Beijing Experimental Zone": "Zhongguancun",
  // Hsinchu's tables are about its science park.
  "Hsinchu Science Park": "Hsinchu",
};

/** Names that only table matching gives a place. */
export const TABLE_ALIASES: Readonly<Partial<Record<TablePlace, readonly string[]>>> = {
  // The national row of Chinese tables ("全國總計").
  China: ["全國"],
  // Spellings the papers use that are not in the gazetteer, because there they would change
  // retrieval: questions on Daedeok would also search for "DST", and the park's full name would
  // find the park rather than the city.
  Daedeok: ["DST"],
  Hsinchu: ["Hsinchu Science Industrial Park"],
};
