/**
 * UI strings in English, Simplified and Traditional Chinese. Names of
 * countries, dates, numbers and lists come from Intl, never from tables here.
 */
import type { Bureau, Dataset, EventKind, SourceKind, StationStatus } from '../data/schema.js';
import { nextTask } from './render-turn.js';

export type UiLang = 'en' | 'zh-Hans' | 'zh-Hant';

/** `zh`, `zh-CN`, `zh-SG` → Simplified; `zh-TW`, `zh-HK`, `zh-MO` → Traditional; anything else → English. */
export function resolveLang(tag: string | null | undefined): UiLang {
  if (!tag) return 'en';
  try {
    const locale = new Intl.Locale(tag);
    if (locale.language !== 'zh') return 'en';
    // Only a Chinese tag without a script needs the likely-subtags data (zh-TW → Hant), which
    // costs a slow first call: an English page never loads it.
    const script = locale.script ?? locale.maximize().script;
    return script === 'Hant' ? 'zh-Hant' : 'zh-Hans';
  } catch {
    return 'en';
  }
}

type ResponseKind = 'investigation' | 'closure' | 'statement' | 'arrest' | 'charges' | 'conviction' | 'agreement' | 'denial';

export interface Strings {
  loading: string;
  errorTitle: string;
  /** Reader-facing lead for a failed load, followed by the reason. */
  errorLead: string;
  retry: string;
  skipped(n: number): string;
  englishDataNote?: string;
  credit: {
    source: string;
    sources(n: number): string;
    updated: string;
    methodology: string;
  };
  table: {
    caption: string;
    coverage(c: { listed: number; total: number; countries: number; totalCountries: number; report: string; others: number }): string;
    coverageUncounted(c: { stations: number; countries: number }): string;
    search: string;
    searchPlaceholder: string;
    matches(n: number): string;
    noMatches: string;
    noData: string;
    country: string;
    stations: string;
    bureaus: string;
    response: string;
    sources: string;
    showAll(n: number): string;
    showFewer: string;
    download: string;
    expand(country: string): string;
    city: string;
    bureau: string;
    status: string;
    location: string;
    noResponse: string;
    cityUnknown: string;
    responsesLabel: string;
    notCounted(n: number): string;
  };
  card: {
    readVia: string;
    archived: string;
    reliability: string;
    none: string;
    unknownSource(id: string): string;
    sourcesFor(n: number): string;
    prompt: string;
  };
  sourceKind: Record<SourceKind, string>;
  status: Record<StationStatus, string>;
  responseKind: Record<ResponseKind, string>;
  eventKind: Record<EventKind, string>;
  unknownBureau: string;
  reportName(publisher: string, date: string): string;
}

const en: Strings = {
  loading: 'Loading data…',
  errorTitle: 'This graphic could not be shown',
  errorLead: 'The data behind it could not be used:',
  retry: 'Try again',
  skipped: (n) => `${n} ${n === 1 ? 'record' : 'records'} skipped — see console`,
  credit: {
    source: 'Source',
    sources: (n) => `${n} ${n === 1 ? 'source' : 'sources'}`,
    updated: 'Data updated',
    methodology: 'Methodology',
  },
  table: {
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
    country: 'Country',
    stations: 'Stations',
    bureaus: 'Operating bureaus',
    response: 'Latest host-government response',
    sources: 'Sources',
    showAll: (n) => `Show all ${n} countries`,
    showFewer: 'Show fewer',
    download: 'Download data (CSV)',
    expand: (country) => `Stations in ${country}`,
    city: 'City',
    bureau: 'Bureau',
    status: 'Status',
    location: 'Location',
    noResponse: 'None found in sources read',
    cityUnknown: 'Location not reported',
    responsesLabel: 'Government responses and statements',
    notCounted: (n) => `incl. ${n} not in the report’s count`,
  },
  card: {
    readVia: 'Copy read',
    archived: 'Archived copy',
    reliability: 'Note on this source',
    none: 'No sources found for this record.',
    unknownSource: (id) => `No source with the id “${id}” in this dataset.`,
    sourcesFor: (n) => `${n} ${n === 1 ? 'source' : 'sources'}`,
    prompt: 'Select a country, station or event to see its sources.',
  },
  sourceKind: {
    'ngo-report': 'NGO report',
    news: 'News',
    government: 'Government',
    court: 'Court',
    'chinese-official': 'Chinese official',
    encyclopedia: 'Encyclopedia',
  },
  status: {
    reported: 'Reported',
    'under-investigation': 'Under investigation',
    closed: 'Reported closed',
    denied: 'Denied',
  },
  responseKind: {
    investigation: 'Investigation',
    closure: 'Closure',
    statement: 'Statement',
    arrest: 'Arrests',
    charges: 'Charges',
    conviction: 'Conviction',
    agreement: 'Agreement',
    denial: 'Denial',
  },
  eventKind: {
    repatriation: 'Repatriation',
    persuasion: 'Persuasion to return',
    opening: 'Station opened',
    report: 'Report published',
    investigation: 'Investigation',
    closure: 'Closure',
    arrest: 'Arrest',
    charges: 'Charges',
    conviction: 'Conviction',
    statement: 'Statement',
    agreement: 'Agreement',
  },
  unknownBureau: 'Unknown',
  reportName: (publisher, date) => `${publisher}’s ${date} count`,
};

const zhHans: Strings = {
  loading: '正在加载数据…',
  errorTitle: '无法显示此图表',
  errorLead: '其所依据的数据无法使用：',
  retry: '重试',
  skipped: (n) => `已跳过 ${n} 条记录，详见控制台`,
  englishDataNote: '说明：数据集中的摘要和备注为英文原文。',
  credit: { source: '来源', sources: (n) => `${n} 个来源`, updated: '数据更新于', methodology: '研究方法' },
  table: {
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
    country: '国家',
    stations: '站点',
    bureaus: '运营公安机关',
    response: '东道国政府最新回应',
    sources: '来源',
    showAll: (n) => `显示全部 ${n} 个国家`,
    showFewer: '收起',
    download: '下载数据（CSV）',
    expand: (country) => `${country}的站点`,
    city: '城市',
    bureau: '公安机关',
    status: '状态',
    location: '地点',
    noResponse: '所查来源中未见',
    cityUnknown: '未报道具体地点',
    responsesLabel: '政府回应与声明',
    notCounted: (n) => `含 ${n} 个不在报告统计内`,
  },
  card: {
    readVia: '所读副本',
    archived: '存档副本',
    reliability: '来源说明',
    none: '此记录没有来源。',
    unknownSource: (id) => `数据集中没有编号为“${id}”的来源。`,
    sourcesFor: (n) => `${n} 个来源`,
    prompt: '选择一个国家、站点或事件以查看其来源。',
  },
  sourceKind: {
    'ngo-report': '非政府组织报告',
    news: '新闻',
    government: '政府',
    court: '法院',
    'chinese-official': '中国官方',
    encyclopedia: '百科',
  },
  status: { reported: '已被报道', 'under-investigation': '调查中', closed: '据报已关闭', denied: '已被否认' },
  responseKind: {
    investigation: '调查',
    closure: '关闭',
    statement: '声明',
    arrest: '逮捕',
    charges: '起诉',
    conviction: '定罪',
    agreement: '协议',
    denial: '否认',
  },
  eventKind: {
    repatriation: '遣返',
    persuasion: '劝返',
    opening: '站点设立',
    report: '报告发布',
    investigation: '调查',
    closure: '关闭',
    arrest: '逮捕',
    charges: '起诉',
    conviction: '定罪',
    statement: '声明',
    agreement: '协议',
  },
  unknownBureau: '不详',
  reportName: (publisher, date) => `${publisher} ${date}的统计`,
};

const zhHant: Strings = {
  ...zhHans,
  loading: '正在載入資料…',
  errorTitle: '無法顯示此圖表',
  errorLead: '其所依據的資料無法使用：',
  retry: '重試',
  skipped: (n) => `已略過 ${n} 筆記錄，詳見主控台`,
  englishDataNote: '說明：資料集中的摘要和備註為英文原文。',
  credit: { source: '來源', sources: (n) => `${n} 個來源`, updated: '資料更新於', methodology: '研究方法' },
  table: {
    ...zhHans.table,
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
    country: '國家',
    stations: '站點',
    bureaus: '運營公安機關',
    response: '東道國政府最新回應',
    sources: '來源',
    showAll: (n) => `顯示全部 ${n} 個國家`,
    download: '下載資料（CSV）',
    expand: (country) => `${country}的站點`,
    city: '城市',
    bureau: '公安機關',
    status: '狀態',
    location: '地點',
    noResponse: '所查來源中未見',
    cityUnknown: '未報導具體地點',
    responsesLabel: '政府回應與聲明',
    notCounted: (n) => `含 ${n} 個不在報告統計內`,
  },
  card: {
    readVia: '所讀副本',
    archived: '存檔副本',
    reliability: '來源說明',
    none: '此記錄沒有來源。',
    unknownSource: (id) => `資料集中沒有編號為「${id}」的來源。`,
    sourcesFor: (n) => `${n} 個來源`,
    prompt: '選擇一個國家、站點或事件以查看其來源。',
  },
  sourceKind: {
    'ngo-report': '非政府組織報告',
    news: '新聞',
    government: '政府',
    court: '法院',
    'chinese-official': '中國官方',
    encyclopedia: '百科',
  },
  status: { reported: '已被報導', 'under-investigation': '調查中', closed: '據報已關閉', denied: '已被否認' },
  responseKind: {
    investigation: '調查',
    closure: '關閉',
    statement: '聲明',
    arrest: '逮捕',
    charges: '起訴',
    conviction: '定罪',
    agreement: '協議',
    denial: '否認',
  },
  eventKind: {
    repatriation: '遣返',
    persuasion: '勸返',
    opening: '站點設立',
    report: '報告發布',
    investigation: '調查',
    closure: '關閉',
    arrest: '逮捕',
    charges: '起訴',
    conviction: '定罪',
    statement: '聲明',
    agreement: '協議',
  },
  unknownBureau: '不詳',
  reportName: (publisher, date) => `${publisher} ${date}的統計`,
};

const ALL: Record<UiLang, Strings> = { en, 'zh-Hans': zhHans, 'zh-Hant': zhHant };

export function strings(lang: UiLang): Strings {
  return ALL[lang];
}

type IntlConstructor<T, O> = new (locales: string[], options: O) => T;
const intlCache = new Map<string, unknown>();

/**
 * One Intl object per kind, language and options for the page's life: constructing them is
 * the slow part (each may load ICU data), so no widget builds its own on every render.
 */
export function intl<T, O extends object>(Kind: IntlConstructor<T, O>, lang: UiLang, options?: NoInfer<O>): T {
  const key = `${Kind.name} ${lang} ${JSON.stringify(options ?? {})}`;
  let made = intlCache.get(key) as T | undefined;
  if (!made) intlCache.set(key, (made = new Kind([lang], options as O)));
  return made;
}

/** Formats a partial ISO date at its own precision: "2022", "October 2022", "26 October 2022". */
const formattedDates = new Map<string, string>();

export function formatDate(date: string, lang: UiLang): string {
  // Widgets format the same few hundred dates on every render; Intl's format() is the costly call.
  const memoKey = `${lang} ${date}`;
  let text = formattedDates.get(memoKey);
  if (text === undefined) formattedDates.set(memoKey, (text = formatDateUncached(date, lang)));
  return text;
}

function formatDateUncached(date: string, lang: UiLang): string {
  const [y, m, d] = date.split('-').map(Number);
  const value = new Date(Date.UTC(y!, (m ?? 1) - 1, d ?? 1));
  const options: Intl.DateTimeFormatOptions = { timeZone: 'UTC', year: 'numeric' };
  if (m !== undefined) options.month = 'long';
  if (d !== undefined) options.day = 'numeric';
  return intl(Intl.DateTimeFormat, lang, options).format(value);
}

const countryNames = new Map<string, string>();

export function countryName(code: string, lang: UiLang): string {
  // Sorting, filtering and labels ask for the same few dozen names over and over (a sort's
  // comparator, twice per comparison): each answer is kept.
  const memoKey = `${lang} ${code}`;
  let name = countryNames.get(memoKey);
  if (name === undefined) {
    const names = intl(Intl.DisplayNames, lang, { type: 'region', fallback: 'code' });
    countryNames.set(memoKey, (name = names.of(code) ?? code));
  }
  return name;
}

/**
 * "A, B, C" (narrow: table cells, labels) or "A, B, and C" (long: sentences).
 * Always a conjunction: "unit" lists would join Chinese items with no separator at all.
 */
/** The count a coverage figure comes from, in words: "Safeguard Defenders’ December 2022 count". */
export function reportName(report: { publisher: string; month: string }, lang: UiLang): string {
  return strings(lang).reportName(report.publisher, formatDate(report.month, lang));
}

const bureausByDataset = new WeakMap<Dataset, Map<string, Bureau>>();

/**
 * A bureau's name for readers: the Chinese name where the UI is Chinese and the dataset has
 * one, "Unknown" in the UI's language where no source names a bureau, the id as a last resort.
 */
export function bureauName(dataset: Dataset, id: string, lang: UiLang): string {
  if (id === 'unknown') return strings(lang).unknownBureau;
  let bureaus = bureausByDataset.get(dataset);
  if (!bureaus) bureausByDataset.set(dataset, (bureaus = new Map(dataset.bureaus.map((b) => [b.id, b]))));
  const bureau = bureaus.get(id);
  return (lang !== 'en' && bureau?.nameZh) || bureau?.name || id;
}

export function formatList(items: string[], lang: UiLang, style: 'narrow' | 'long' = 'narrow'): string {
  return intl(Intl.ListFormat, lang, { style, type: 'conjunction' }).format(items);
}

export function formatNumber(n: number, lang: UiLang): string {
  return intl(Intl.NumberFormat, lang).format(n);
}

/** Sorts names as a reader of `lang` expects. */
export function compareText(lang: UiLang): (a: string, b: string) => number {
  return intl(Intl.Collator, lang).compare;
}

const warmed = new Set<UiLang>();

/**
 * Builds the Intl formatters a language needs while the dataset is still downloading.
 * The first Intl object of a page loads the browser's locale data (40 – 60 ms on a slow
 * machine, whichever kind comes first); done here, one per task, that cost is not added
 * to the first render when the dataset arrives after the code.
 */
export async function warmUpFormatters(lang: UiLang): Promise<void> {
  if (warmed.has(lang)) return;
  warmed.add(lang);
  const steps = [
    () => countryName('FR', lang),
    () => formatDate('2022-12', lang),
    () => formatDate('2022-12-05', lang),
    () => formatList(['a', 'b'], lang),
    () => formatList(['a', 'b'], lang, 'long'),
    () => formatNumber(1000, lang),
    () => compareText(lang)('a', 'b'),
  ];
  for (const step of steps) {
    await nextTask();
    step();
  }
}
