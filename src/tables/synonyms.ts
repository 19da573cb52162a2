/**
 * Concepts that table headers and questions name in different words or languages
 * ("headcount" / "employment" / "就業"). Each form maps to the concept id; matching happens on
 * folded text (see `fold`), English single words by stem.
 */
export interface Concept {
  id: string;
  /** English words (matched by stem) and phrases (matched as whole words). */
  en: readonly string[];
  /** Chinese forms (matched as substrings of folded text). */
  zh: readonly string[];
}

export const CONCEPTS: readonly Concept[] = [
  {
    id: "percent",
    en: ["percentage", "percent", "per cent", "share", "proportion", "ratio", "%"],
    zh: ["比例", "比重", "百分比", "百分之", "佔", "占", "%"],
  },
  {
    id: "employment",
    en: [
      "employment",
      "employees",
      "employee",
      "employed",
      "people",
      "persons",
      "workers",
      "staff",
      "headcount",
      "worked",
      "jobs",
    ],
    zh: ["就業", "員工", "從業人員", "人數"],
  },
  { id: "number", en: ["number", "no.", "count"], zh: ["數量", "數目", "個數", "家數"] },
  {
    id: "firm",
    en: ["firms", "firm", "companies", "company", "enterprises", "enterprise"],
    zh: ["企業", "公司", "廠商"],
  },
  {
    id: "revenue",
    en: ["revenue", "revenues", "sales", "income", "turnover"],
    zh: ["營收", "營業額", "銷售", "收入"],
  },
  {
    id: "export",
    en: ["export", "exports", "exporting", "exported", "exporters"],
    zh: ["出口", "輸出"],
  },
  {
    id: "foreign",
    en: ["foreign", "foreign-affiliated", "fie", "fies", "overseas", "multinational"],
    zh: ["外資", "外商", "外國"],
  },
  { id: "domestic", en: ["domestic", "indigenous"], zh: ["國內", "內資", "本土"] },
  {
    id: "investment",
    en: ["investment", "investments", "invested", "capital", "funds", "funding"],
    zh: ["投資", "資金", "資本", "引資"],
  },
  { id: "rd", en: ["r&d", "research and development"], zh: ["研發", "研究發展"] },
  { id: "output", en: ["output", "production", "produced"], zh: ["產值", "產出", "產量"] },
  { id: "gdp", en: ["gdp", "gross domestic product"], zh: ["生產總值", "國內生產毛額"] },
  {
    id: "technology",
    en: ["technology", "technologies", "technological", "technical", "tech"],
    zh: ["技術", "科技"],
  },
  {
    id: "transaction",
    en: ["transaction", "transactions", "deals", "contract value", "turnover of"],
    zh: ["成交", "交易", "合同"],
  },
  { id: "patent", en: ["patent", "patents"], zh: ["專利"] },
  {
    id: "application",
    en: ["application", "applications", "applied", "filed", "filings"],
    zh: ["申請"],
  },
  {
    id: "expenditure",
    en: ["expenditure", "expenditures", "expense", "expenses", "spending", "spent", "spend"],
    zh: ["支出", "經費", "費用", "開支"],
  },
  {
    id: "venture",
    en: ["venture", "ventures", "start-up", "start-ups", "startup", "startups"],
    zh: ["新創", "創投"],
  },
  { id: "new-product", en: ["new product", "new products"], zh: ["新產品"] },
  { id: "average", en: ["average", "mean"], zh: ["平均"] },
  { id: "hardware", en: ["hardware"], zh: ["硬體", "硬件"] },
  { id: "software", en: ["software"], zh: ["軟體", "軟件"] },
  { id: "electronics", en: ["electronics", "electronic"], zh: ["電子"] },
  {
    id: "semiconductor",
    en: [
      "semiconductor",
      "semiconductors",
      "semi-conductor",
      "integrated circuit",
      "integrated circuits",
      "ic",
    ],
    zh: ["半導體", "積體電路", "集成電路"],
  },
  { id: "computer", en: ["computer", "computers", "pc"], zh: ["電腦", "計算機"] },
  {
    id: "telecom",
    en: ["telecommunication", "telecommunications", "tele-communications", "telecom"],
    zh: ["電信", "通訊", "通信"],
  },
  { id: "population", en: ["population", "inhabitants"], zh: ["人口"] },
  { id: "total", en: ["total", "overall", "sum"], zh: ["總計", "合計", "總數", "總和"] },
  {
    id: "industry",
    en: ["industry", "industries", "industrial", "sector", "sectors"],
    zh: ["產業", "行業", "工業"],
  },
  {
    id: "light-industry",
    en: ["light industry", "light industrial", "light manufacturing"],
    zh: ["輕工業"],
  },
  {
    id: "heavy-industry",
    en: ["heavy industry", "heavy industrial", "heavy manufacturing"],
    zh: ["重工業"],
  },
];
