declare module "opencc-js" {
  type Locale = "cn" | "tw" | "twp" | "hk" | "jp" | "t";
  export function Converter(options: { from: Locale; to: Locale }): (text: string) => string;
}

/** OpenCC's Simplified → Traditional character table: "简 簡|…" entries, a simplified character and its traditional forms. */
declare module "opencc-js/dict/STCharacters" {
  const table: string;
  export default table;
}
