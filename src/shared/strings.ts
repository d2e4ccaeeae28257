/**
 * UI strings every element shares (loading, errors, the credit line, kinds and statuses), in
 * English, Simplified and Traditional Chinese; each element's own strings are beside it, the
 * other shipped languages in src/locales/ (see locales.ts). Every language lists every key: a
 * missing one is a test failure, never a fallback to another table.
 * Names of countries, dates, numbers and lists come from Intl (intl.ts), never from tables here.
 */
import type { Bureau, Dataset, EventKind, SourceKind, StationStatus } from '../data/schema.js';
import { formatDate, formatNumber, type UiLang } from './intl.js';
import { localized, type BuiltInLang } from './locales.js';

type ResponseKind = 'investigation' | 'closure' | 'statement' | 'arrest' | 'charges' | 'conviction' | 'agreement' | 'denial';

export interface Strings {
  loading: string;
  errorTitle: string;
  /** Reader-facing lead for a failed load, followed by the reason. */
  errorLead: string;
  retry: string;
  /** The reason given when the failure is not one the data layer describes. */
  unexpectedError: string;
  /** The link to the dataset itself, shown when a widget cannot use it and the page gave no fallback. */
  dataLink: string;
  skipped(n: number): string;
  /** Said once under a widget whose UI is not English: the dataset's own text is English ('' in English). */
  englishDataNote: string;
  /** The dataset's text shown in translation (overseas-police-stations.<lang>.json beside the dataset). */
  translation: {
    /** The mark beside each translated text. */
    mark(reviewed: boolean): string;
    /** The button that shows the English the text was translated from (aria-pressed). */
    original: string;
    /** Said once under a widget that shows translations, in place of englishDataNote. */
    note: string;
  };
  credit: {
    /** With its punctuation ("Source: ", "来源："). */
    source: string;
    sources(n: number): string;
    /** Before the full date, in the methodology link's title. */
    updated: string;
    /** Before the month and year, in the line itself. */
    updatedShort: string;
    methodology: string;
    version(v: string): string;
  };
  /** Nouns more than one element labels its fields with. */
  country: string;
  city: string;
  bureau: string;
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
  unexpectedError: 'an unexpected error occurred',
  dataLink: 'Open the data (JSON)',
  skipped: (n) => `${n} ${n === 1 ? 'record' : 'records'} skipped — see console`,
  englishDataNote: '',
  translation: {
    mark: (reviewed) => `Translated from English${reviewed ? ', reviewed' : ', not reviewed'}`,
    original: 'English original',
    note: 'Summaries and notes are translations of the English (marked as reviewed or not); “English original” shows the text they were made from; any not yet translated are in English.',
  },
  credit: {
    source: 'Source: ',
    sources: (n) => `${formatNumber(n, 'en')} ${n === 1 ? 'source' : 'sources'}`,
    updated: 'Data updated',
    updatedShort: 'updated',
    methodology: 'Methodology',
    version: (v) => `version ${v}`,
  },
  country: 'Country',
  city: 'City',
  bureau: 'Bureau',
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
  unexpectedError: '发生了意外错误',
  dataLink: '打开数据（JSON）',
  skipped: (n) => `已跳过 ${n} 条记录，详见控制台`,
  englishDataNote: '说明：数据集中的摘要和备注为英文原文。',
  translation: {
    mark: (reviewed) => (reviewed ? '译自英文，已审校' : '译自英文，未经审校'),
    original: '英文原文',
    note: '说明：摘要和备注是英文原文的中文译文（已标明是否经过审校），点击“英文原文”可查看原文；尚未翻译的部分仍为英文。',
  },
  credit: {
    source: '来源：',
    sources: (n) => `${formatNumber(n, 'zh-Hans')} 个来源`,
    updated: '数据更新于',
    updatedShort: '更新于',
    methodology: '研究方法',
    version: (v) => `版本 ${v}`,
  },
  country: '国家',
  city: '城市',
  bureau: '公安机关',
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
  loading: '正在載入資料…',
  errorTitle: '無法顯示此圖表',
  errorLead: '其所依據的資料無法使用：',
  retry: '重試',
  unexpectedError: '發生了意外錯誤',
  dataLink: '開啟資料（JSON）',
  skipped: (n) => `已略過 ${n} 筆記錄，詳見主控台`,
  englishDataNote: '說明：資料集中的摘要和備註為英文原文。',
  translation: {
    mark: (reviewed) => (reviewed ? '譯自英文，已審校' : '譯自英文，未經審校'),
    original: '英文原文',
    note: '說明：摘要和備註是英文原文的中文譯文（已標明是否經過審校），點選「英文原文」可查看原文；尚未翻譯的部分仍為英文。',
  },
  credit: {
    source: '來源：',
    sources: (n) => `${formatNumber(n, 'zh-Hant')} 個來源`,
    updated: '資料更新於',
    updatedShort: '更新於',
    methodology: '研究方法',
    version: (v) => `版本 ${v}`,
  },
  country: '國家',
  city: '城市',
  bureau: '公安機關',
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

export const SHARED_STRINGS: Record<BuiltInLang, Strings> = { en, 'zh-Hans': zhHans, 'zh-Hant': zhHant };

/** The shared strings in a UI language (English for any key it lacks). */
export function sharedStrings(lang: UiLang): Strings {
  return localized(lang, 'shared', SHARED_STRINGS);
}

/** An element's strings: the shared ones, and its own under one key (`t.map`, `t.table` …). */
export type ElementStrings<K extends string, S> = Strings & { readonly [P in K]: S };

const combined = new WeakMap<object, Map<UiLang, { shared: Strings; own: unknown; value: unknown }>>();

/** The shared strings with an element's own table under `key`, made once per table and language. */
export function elementStrings<K extends 'map' | 'table' | 'timeline' | 'card', S extends object>(
  lang: UiLang,
  key: K,
  own: Record<BuiltInLang, S>,
): ElementStrings<K, S> {
  let byLang = combined.get(own);
  if (!byLang) combined.set(own, (byLang = new Map()));
  const shared = sharedStrings(lang);
  const mine = localized(lang, key, own);
  let made = byLang.get(lang);
  // Made again only when a table changed (a language chunk arrived, a page added strings).
  if (!made || made.shared !== shared || made.own !== mine) byLang.set(lang, (made = { shared, own: mine, value: { ...shared, [key]: mine } }));
  return made.value as ElementStrings<K, S>;
}

/** The count a coverage figure comes from, in words: "Safeguard Defenders’ December 2022 count". */
export function reportName(report: { publisher: string; month: string }, lang: UiLang): string {
  return sharedStrings(lang).reportName(report.publisher, formatDate(report.month, lang));
}

const bureausByDataset = new WeakMap<Dataset, Map<string, Bureau>>();

/**
 * A bureau's name for readers: the Chinese name where the UI is Chinese and the dataset has
 * one, "Unknown" in the UI's language where no source names a bureau, the id as a last resort.
 */
export function bureauName(dataset: Dataset, id: string, lang: UiLang): string {
  if (id === 'unknown') return sharedStrings(lang).unknownBureau;
  let bureaus = bureausByDataset.get(dataset);
  if (!bureaus) bureausByDataset.set(dataset, (bureaus = new Map(dataset.bureaus.map((b) => [b.id, b]))));
  const bureau = bureaus.get(id);
  return (lang.startsWith('zh') && bureau?.nameZh) || bureau?.name || id;
}
