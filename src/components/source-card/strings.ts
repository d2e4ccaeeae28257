/** UI strings of <ops-source-card>, by UI language (shared ones: shared/strings.ts; names, dates and numbers: Intl). */
import type { UiLang } from '../../shared/intl.js';

export interface CardStrings {
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
};

const zhHans: CardStrings = {
  readVia: '所读副本',
  archived: '存档副本',
  reliability: '来源说明',
  none: '此记录没有来源。',
  unknownSource: (id) => `数据集中没有编号为“${id}”的来源。`,
  sourcesFor: (n) => `${n} 个来源`,
  prompt: '选择一个国家、站点或事件以查看其来源。',
};

const zhHant: CardStrings = {
  readVia: '所讀副本',
  archived: '存檔副本',
  reliability: '來源說明',
  none: '此記錄沒有來源。',
  unknownSource: (id) => `資料集中沒有編號為「${id}」的來源。`,
  sourcesFor: (n) => `${n} 個來源`,
  prompt: '選擇一個國家、站點或事件以查看其來源。',
};

export const CARD_STRINGS: Record<UiLang, CardStrings> = { en, 'zh-Hans': zhHans, 'zh-Hant': zhHant };
