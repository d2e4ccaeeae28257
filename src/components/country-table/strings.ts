/** UI strings of <ops-country-table>, by UI language (shared ones: shared/strings.ts; names, dates and numbers: Intl). */
import type { BuiltInLang } from '../../shared/locales.js';
import type { CsvColumn } from './csv.js';

export interface TableStrings {
  caption: string;
  coverage(c: { listed: number; total: number; countries: number; totalCountries: number; report: string; others: number }): string;
  coverageUncounted(c: { stations: number; countries: number }): string;
  search: string;
  searchPlaceholder: string;
  matches(n: number): string;
  noMatches: string;
  noData: string;
  stations: string;
  bureaus: string;
  response: string;
  /** The response's label on phones, where each card labels its values. */
  responseShort: string;
  sources: string;
  showAll(n: number): string;
  showFewer: string;
  download: string;
  /** The download button's text on phones (the full text stays its accessible name). */
  downloadShort: string;
  expand(country: string): string;
  noResponse: string;
  cityUnknown: string;
  responsesLabel: string;
  notCounted(n: number): string;
  /** After a field's label on a phone card ("Sources: ", "来源："). */
  colon: string;
  sortBy: string;
  ascending: string;
  descending: string;
  /** The downloaded file's column heads. */
  csvHeader: Record<CsvColumn, string>;
}

const en: TableStrings = {
  caption: 'Reported overseas police stations by country',
  coverage: (c) =>
    `${c.listed} of the ${c.total} stations in ${c.report} are listed, in ${c.countries} of its ${c.totalCountries} countries` +
    (c.others ? `; ${c.others} further ${c.others === 1 ? 'site was' : 'sites were'} named by governments or other sources.` : '.'),
  coverageUncounted: (c) => `${c.stations} reported stations in ${c.countries} countries.`,
  search: 'Search',
  searchPlaceholder: 'Country, city or bureau',
  matches: (n) => `${n} ${n === 1 ? 'country matches' : 'countries match'}`,
  noMatches: 'No country matches your search.',
  noData: 'This dataset lists no stations yet.',
  stations: 'Stations',
  bureaus: 'Operating bureaus',
  response: 'Latest host-government response',
  responseShort: 'Latest response',
  sources: 'Sources',
  showAll: (n) => `Show all ${n} countries`,
  showFewer: 'Show fewer',
  download: 'Download data (CSV)',
  downloadShort: 'CSV',
  expand: (country) => `Stations in ${country}`,
  noResponse: 'None found in sources read',
  cityUnknown: 'Location not reported',
  responsesLabel: 'Government responses and statements',
  notCounted: (n) => `incl. ${n} from other sources`,
  colon: ': ',
  sortBy: 'Sort by',
  ascending: 'Ascending',
  descending: 'Descending',
  csvHeader: {
    station_id: 'station_id',
    country_code: 'country_code',
    country: 'country',
    city: 'city',
    latitude: 'latitude',
    longitude: 'longitude',
    location_precision: 'location_precision',
    bureau: 'bureau',
    status: 'status',
    status_date: 'status_date',
    first_reported: 'first_reported',
    listed_in: 'listed_in',
    notes: 'notes',
    source_ids: 'source_ids',
    source_urls: 'source_urls',
  },
};

const zhHans: TableStrings = {
  caption: '各国被报道的海外警务站',
  coverage: (c) =>
    `${c.report}共 ${c.total} 个站点，本表列出其中 ${c.listed} 个，分布于其 ${c.totalCountries} 个国家中的 ${c.countries} 个` +
    (c.others ? `；另有 ${c.others} 处由政府或其他来源指出。` : '。'),
  coverageUncounted: (c) => `${c.countries} 个国家共 ${c.stations} 个被报道的站点。`,
  search: '搜索',
  searchPlaceholder: '国家、城市或公安机关',
  matches: (n) => `${n} 个国家符合`,
  noMatches: '没有符合搜索条件的国家。',
  noData: '此数据集尚未列出任何站点。',
  stations: '站点',
  bureaus: '运营公安机关',
  response: '东道国政府最新回应',
  responseShort: '最新回应',
  sources: '来源',
  showAll: (n) => `显示全部 ${n} 个国家`,
  showFewer: '收起',
  download: '下载数据（CSV）',
  downloadShort: 'CSV',
  expand: (country) => `${country}的站点`,
  noResponse: '所查来源中未见',
  cityUnknown: '未报道具体地点',
  responsesLabel: '政府回应与声明',
  notCounted: (n) => `含 ${n} 个来自其他来源`,
  colon: '：',
  sortBy: '排序方式',
  ascending: '升序',
  descending: '降序',
  csvHeader: {
    station_id: '站点编号',
    country_code: '国家代码',
    country: '国家',
    city: '城市',
    latitude: '纬度',
    longitude: '经度',
    location_precision: '位置精度',
    bureau: '公安机关',
    status: '状态',
    status_date: '状态日期',
    first_reported: '首次报道',
    listed_in: '所列报告统计',
    notes: '备注',
    source_ids: '来源编号',
    source_urls: '来源网址',
  },
};

const zhHant: TableStrings = {
  caption: '各國被報導的海外警務站',
  coverage: (c) =>
    `${c.report}共 ${c.total} 個站點，本表列出其中 ${c.listed} 個，分布於其 ${c.totalCountries} 個國家中的 ${c.countries} 個` +
    (c.others ? `；另有 ${c.others} 處由政府或其他來源指出。` : '。'),
  coverageUncounted: (c) => `${c.countries} 個國家共 ${c.stations} 個被報導的站點。`,
  search: '搜尋',
  searchPlaceholder: '國家、城市或公安機關',
  matches: (n) => `${n} 個國家符合`,
  noMatches: '沒有符合搜尋條件的國家。',
  noData: '此資料集尚未列出任何站點。',
  stations: '站點',
  bureaus: '運營公安機關',
  response: '東道國政府最新回應',
  responseShort: '最新回應',
  sources: '來源',
  showAll: (n) => `顯示全部 ${n} 個國家`,
  showFewer: '收起',
  download: '下載資料（CSV）',
  downloadShort: 'CSV',
  expand: (country) => `${country}的站點`,
  noResponse: '所查來源中未見',
  cityUnknown: '未報導具體地點',
  responsesLabel: '政府回應與聲明',
  notCounted: (n) => `含 ${n} 個來自其他來源`,
  colon: '：',
  sortBy: '排序方式',
  ascending: '遞增',
  descending: '遞減',
  csvHeader: {
    station_id: '站點編號',
    country_code: '國家代碼',
    country: '國家',
    city: '城市',
    latitude: '緯度',
    longitude: '經度',
    location_precision: '位置精度',
    bureau: '公安機關',
    status: '狀態',
    status_date: '狀態日期',
    first_reported: '首次報導',
    listed_in: '所列報告統計',
    notes: '備註',
    source_ids: '來源編號',
    source_urls: '來源網址',
  },
};

export const TABLE_STRINGS: Record<BuiltInLang, TableStrings> = { en, 'zh-Hans': zhHans, 'zh-Hant': zhHant };
