/** UI strings of <ops-source-card>, by UI language (shared ones: shared/strings.ts; names, dates and numbers: Intl). */
import type { BuiltInLang } from '../../shared/locales.js';

export type Access = 'original' | 'syndicated' | 'official-record' | 'copy' | 'unknown';

/** How a source was read, said for a reader (access.ts). */
export interface AccessStrings {
  label: Record<Access, string>;
  /** One sentence for readers; `host` is the site the text was read on. */
  note: {
    syndicated(publisher: string, host: string): string;
    /** A wire story an outlet published under its own name: "CTV News (AP)". */
    wire(wire: string, outlet: string): string;
    copy(host: string): string;
    copyOriginalLinked(publisher: string, host: string): string;
  };
  /** Said after a title that the dataset's editors wrote because the original headline is not known. */
  headlineUnknown: string;
}

export interface CardStrings {
  access: AccessStrings;
  readVia: string;
  archived: string;
  reliability: string;
  none: string;
  unknownSource(id: string): string;
  sourcesFor(n: number): string;
  prompt: string;
}

const en: CardStrings = {
  readVia: 'Copy read',
  archived: 'Archived copy',
  reliability: 'Note on this source',
  none: 'No sources found for this record.',
  unknownSource: (id) => `No source with the id “${id}” in this dataset.`,
  sourcesFor: (n) => `${n} ${n === 1 ? 'source' : 'sources'}`,
  prompt: 'Select a country, station or event to see its sources.',
  access: {
    label: {
      original: 'Original',
      syndicated: 'Wire or syndicated copy',
      'official-record': 'Official record',
      copy: 'Copy read elsewhere',
      unknown: 'How it was read is not recorded',
    },
    note: {
      syndicated: (publisher, host) => `${publisher}'s text as carried by ${host}, which publishes it under licence.`,
      wire: (wire, outlet) => `A text from ${wire}, as published by ${outlet}.`,
      copy: (host) => `Read only as copied on ${host}; the original report was not found, so treat this as unconfirmed.`,
      copyOriginalLinked: (publisher, host) => `The link goes to ${publisher}'s original; its text was read in a copy on ${host}.`,
    },
    headlineUnknown: '— original headline not known; title written by the dataset’s editors',
  },
};

const zhHans: CardStrings = {
  readVia: '所读副本',
  archived: '存档副本',
  reliability: '来源说明',
  none: '此记录没有来源。',
  unknownSource: (id) => `数据集中没有编号为“${id}”的来源。`,
  sourcesFor: (n) => `${n} 个来源`,
  prompt: '选择一个国家、站点或事件以查看其来源。',
  access: {
    label: {
      original: '原始来源',
      syndicated: '通讯社或授权转载',
      'official-record': '官方记录',
      copy: '他处副本',
      unknown: '未记录阅读途径',
    },
    note: {
      syndicated: (p, h) => `${p}的文本，由获授权的${h}刊载。`,
      wire: (w, o) => `${w}的稿件，由${o}刊载。`,
      copy: (h) => `仅在${h}的转载中读到；未找到原始报道，请视为未经证实。`,
      copyOriginalLinked: (p, h) => `链接指向${p}的原文；所读文本为${h}上的副本。`,
    },
    headlineUnknown: '——原标题不详，此标题由数据集编者拟定',
  },
};

const zhHant: CardStrings = {
  readVia: '所讀副本',
  archived: '存檔副本',
  reliability: '來源說明',
  none: '此記錄沒有來源。',
  unknownSource: (id) => `資料集中沒有編號為「${id}」的來源。`,
  sourcesFor: (n) => `${n} 個來源`,
  prompt: '選擇一個國家、站點或事件以查看其來源。',
  access: {
    label: {
      original: '原始來源',
      syndicated: '通訊社或授權轉載',
      'official-record': '官方紀錄',
      copy: '他處副本',
      unknown: '未記錄閱讀途徑',
    },
    note: {
      syndicated: (p, h) => `${p}的文本，由獲授權的${h}刊載。`,
      wire: (w, o) => `${w}的稿件，由${o}刊載。`,
      copy: (h) => `僅在${h}的轉載中讀到；未找到原始報導，請視為未經證實。`,
      copyOriginalLinked: (p, h) => `連結指向${p}的原文；所讀文本為${h}上的副本。`,
    },
    headlineUnknown: '——原標題不詳，此標題由資料集編者擬定',
  },
};

export const CARD_STRINGS: Record<BuiltInLang, CardStrings> = { en, 'zh-Hans': zhHans, 'zh-Hant': zhHant };
