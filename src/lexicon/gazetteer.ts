import type { NameEntry } from "./types.js";

/**
 * Places and organisations the corpus discusses, with the forms it uses in each language
 * (found by scanning the English papers and the Traditional-Chinese report). Chinese forms are
 * given as written; Simplified forms are derived when the gazetteer is compiled. Demonyms
 * ("Korean") are listed with their country so that questions using them find the name. Table
 * matching takes its places from here too (src/tables/places.ts).
 */
export const GAZETTEER: readonly NameEntry[] = [
  // China: cities, provinces, regions
  { en: ["Beijing", "Peking", "Peiping"], zh: ["北京", "北平"] },
  { en: ["Tianjin", "Tientsin"], zh: ["天津"] },
  { en: ["Hebei"], zh: ["河北"] },
  { en: ["Jing-Jin-Ji", "Beijing-Tianjin-Hebei", "Jingjinji"], zh: ["京津冀"] },
  {
    en: ["Bohai", "Bohai Rim", "pan-Bohai", "Bohai Bay", "Bohai Sea"],
    zh: ["渤海", "環渤海", "渤海灣"],
  },
  { en: ["Binhai", "Binhai New Area", "Binhai New District"], zh: ["濱海新區", "濱海"] },
  { en: ["Shanghai"], zh: ["上海"] },
  { en: ["Pudong"], zh: ["浦東"] },
  { en: ["Yangpu", "Yangpu District"], zh: ["楊浦", "揚埔", "楊浦區", "揚埔區"] },
  { en: ["Wujiaochang"], zh: ["五角場"] },
  { en: ["Zhangjiang"], zh: ["張江"] },
  { en: ["Suzhou", "Soochow"], zh: ["蘇州"] },
  { en: ["Suzhou Industrial Park", "SIP"], zh: ["蘇州工業園區"] },
  { en: ["Kunshan"], zh: ["昆山", "崑山"] },
  { en: ["Wuxi"], zh: ["無錫"] },
  { en: ["Hangzhou"], zh: ["杭州"] },
  { en: ["Nanjing", "Nanking"], zh: ["南京"] },
  { en: ["Shenzhen"], zh: ["深圳"] },
  { en: ["Dongguan"], zh: ["東莞"] },
  { en: ["Guangzhou", "Canton"], zh: ["廣州"] },
  { en: ["Guangdong"], zh: ["廣東"] },
  { en: ["Jiangsu"], zh: ["江蘇"] },
  { en: ["Zhejiang"], zh: ["浙江"] },
  { en: ["Shandong"], zh: ["山東"] },
  { en: ["Liaoning"], zh: ["遼寧"] },
  { en: ["Shanxi"], zh: ["山西"] },
  { en: ["Inner Mongolia"], zh: ["內蒙古"] },
  { en: ["Chongqing"], zh: ["重慶"] },
  { en: ["Guizhou"], zh: ["貴州"] },
  { en: ["Dalian"], zh: ["大連"] },
  { en: ["Pearl River Delta", "PRD"], zh: ["珠江三角洲", "珠三角"] },
  { en: ["Yangtze River Delta", "YRD"], zh: ["長江三角洲", "長三角"] },
  { en: ["Hong Kong"], zh: ["香港"] },
  {
    en: ["China", "PRC", "People's Republic of China"],
    demonyms: ["Chinese"],
    zh: ["中國", "中華人民共和國"],
  },
  // Beijing districts, zones and universities
  {
    en: ["Zhongguancun", "Zhong'guancun", "ZGC", "Zhongguancun Science Park"],
    zh: ["中關村", "中關村科技園區"],
  },
  {
    en: ["Beijing Experimental Zone", "BEZ"],
    zh: ["北京市新技術產業開發試驗區", "新技術產業開發試驗區"],
  },
  { en: ["Haidian", "Haidian District"], zh: ["海淀", "海澱", "海淀區"] },
  { en: ["Fengtai"], zh: ["豐台", "豐臺"] },
  { en: ["Changping"], zh: ["昌平"] },
  { en: ["Yizhuang"], zh: ["亦莊"] },
  { en: ["Tsinghua University", "Tsinghua", "Qinghua"], zh: ["清華大學", "清華"] },
  { en: ["Peking University", "PKU", "Beida"], zh: ["北京大學", "北大"] },
  { en: ["Chinese Academy of Sciences", "CAS"], zh: ["中國科學院", "中科院"] },
  { en: ["Fudan University", "Fudan"], zh: ["復旦大學", "復旦"] },
  { en: ["Tongji University", "Tongji"], zh: ["同濟大學", "同濟"] },
  { en: ["Torch Program", "Torch Programme"], zh: ["火炬計劃", "火炬計畫"] },
  // Companies
  { en: ["Lenovo", "Legend"], zh: ["聯想"], caseSensitive: true },
  { en: ["Founder"], zh: ["方正"], caseSensitive: true },
  { en: ["Stone"], zh: ["四通"], caseSensitive: true },
  { en: ["Huawei"], zh: ["華為"] },
  { en: ["ZTE"], zh: ["中興通訊"] },
  { en: ["Foxconn"], zh: ["富士康"] },
  { en: ["Samsung"], zh: ["三星"] },
  { en: ["LG"], zh: ["樂金"] },
  { en: ["Motorola"], zh: ["摩托羅拉"] },
  { en: ["Microsoft"], zh: ["微軟"] },
  { en: ["Intel"], zh: ["英特爾"] },
  { en: ["IBM"], zh: ["國際商業機器"] },
  // Taiwan
  { en: ["Taiwan"], demonyms: ["Taiwanese"], zh: ["臺灣", "台灣"] },
  { en: ["Taipei"], zh: ["臺北", "台北"] },
  { en: ["Hsinchu", "Xinzhu", "Hsin-chu"], zh: ["新竹"] },
  {
    en: ["Hsinchu Science Park", "HSIP", "Hsinchu Science-based Industrial Park"],
    zh: ["新竹科學園區", "竹科", "新竹科學工業園區"],
  },
  { en: ["Silicon Valley"], zh: ["矽谷", "硅谷"] },
  // Korea
  {
    en: ["Korea", "South Korea", "Republic of Korea", "ROK"],
    demonyms: ["Korean", "South Korean"],
    zh: ["韓國", "南韓"],
  },
  { en: ["Seoul"], zh: ["首爾", "漢城"] },
  {
    en: ["Daedeok", "Taedok", "Daeduk", "Daedok", "Daedeok Innopolis", "Daedeok Science Town"],
    zh: ["大德", "大德科學園區", "大德研發特區"],
  },
  { en: ["Daejeon", "Taejon", "Daejon"], zh: ["大田"] },
  { en: ["Suwon", "Suweon"], zh: ["水原"] },
  { en: ["Incheon", "Inchon"], zh: ["仁川"] },
  { en: ["Gyeonggi", "Kyonggi", "Gyeonggi-do", "Gyunggi"], zh: ["京畿", "京畿道"] },
  {
    en: ["KAIST", "Korea Advanced Institute of Science and Technology"],
    zh: ["韓國科學技術院", "韓國高等科學技術院"],
  },
  { en: ["Park Chung-hee", "Park Chung Hee", "Park Jung-hee"], zh: ["朴正熙"] },
  // Elsewhere
  { en: ["Japan"], demonyms: ["Japanese"], zh: ["日本"] },
  { en: ["Singapore"], zh: ["新加坡"] },
  { en: ["United States", "USA", "America"], zh: ["美國"] },
];
