/** UI strings of the timeline, by UI language. Dates, numbers and country names come from Intl (shared/intl.ts). */
import type { BuiltInLang } from '../../shared/locales.js';

export interface TimelineStrings {
  title: string;
  /** The chart's accessible name. */
  chartName: string;
  summary(c: { cases: number; official: number; context: number; from: string; to: string }): string;
  officialTrack: string;
  officialScale: string;
  officialNote(publishers: string): string;
  casesTrack: string;
  contextTrack: string;
  showContext: string;
  showTable: string;
  hideTable: string;
  noFigure: string;
  partial: string;
  asOf(date: string): string;
  people(n: string): string;
  cases(n: number): string;
  events(n: number): string;
  legendDay: string;
  legendOther: string;
  /** Column heads of the vertical layout. */
  short: { official: string; cases: string; context: string };
  legendSpan: string;
  worldwide: string;
  filteredTo(country: string): string;
  showAllCountries: string;
  keyHint: string;
  noEvents: string;
  selectedSources: string;
  close: string;
  officialClaim: string;
  more(n: number): string;
  col: { date: string; kind: string; where: string; people: string; summary: string };
}

const en: TimelineStrings = {
  title: 'People returned to China, and the events around the stations',
  chartName: 'Timeline of repatriations, “persuasion to return” cases and related events',
  summary: (c) =>
    `${c.cases} individual cases, ${c.official} figures published by the Chinese government and ${c.context} related events, ${c.from} to ${c.to}. Figures are never added together.`,
  officialTrack: 'Official Chinese figures (claims)',
  officialScale: 'people “returned” per year, as claimed',
  officialNote: (publishers) =>
    `Official figures are claims published by Chinese authorities (${publishers}). They lump together arrests abroad, surrenders, “persuasion”, deportations and extraditions. Running totals and partial years are shown as such; no figures are added up.`,
  casesTrack: 'Cases reported (number of people)',
  contextTrack: 'Reports, investigations, closures, arrests, statements',
  showContext: 'Show related events',
  showTable: 'Show as table',
  hideTable: 'Hide table',
  noFigure: 'no figure',
  partial: 'part of the year',
  asOf: (date) => `total as of ${date}`,
  people: (n) => `${n} ${n === '1' ? 'person' : 'people'}`,
  cases: (n) => `${n} cases`,
  events: (n) => `${n} events`,
  legendDay: 'exact day',
  legendOther: 'official total or one country’s figure, not per year',
  short: { official: 'Official', cases: 'Cases', context: 'Related' },
  legendSpan: 'month, year or period',
  worldwide: 'Worldwide',
  filteredTo: (country) => `Showing events in ${country}.`,
  showAllCountries: 'Show all countries',
  keyHint: 'Use the arrow keys to move between events, Enter to see sources, Escape to clear.',
  noEvents: 'No events match.',
  selectedSources: 'Sources for the selected event',
  close: 'Close',
  officialClaim: 'Official Chinese claim',
  more: (n) => `${n} more`,
  col: { date: 'Date', kind: 'Kind', where: 'Where', people: 'People', summary: 'What sources report' },
};

const zhHans: TimelineStrings = {
  title: '被带回中国的人，以及与警务站相关的事件',
  chartName: '遣返、“劝返”案例及相关事件时间线',
  summary: (c) => `${c.from}至${c.to}：${c.cases} 宗个案、${c.official} 项中国政府公布的数字、${c.context} 项相关事件。各数字从不相加。`,
  officialTrack: '中国官方数字（官方说法）',
  officialScale: '官方所称每年“追回”人数',
  officialNote: (p) =>
    `官方数字为中国当局公布的说法（${p}），其中混合了境外抓捕、投案、“劝返”、遣返和引渡。累计数字和不足一年的数字照原样标示，不作加总。`,
  casesTrack: '报道的个案（人数）',
  contextTrack: '报告、调查、关闭、逮捕、声明',
  showContext: '显示相关事件',
  showTable: '以表格显示',
  hideTable: '隐藏表格',
  noFigure: '无数字',
  partial: '不足一年',
  asOf: (d) => `截至${d}累计`,
  people: (n) => `${n} 人`,
  cases: (n) => `${n} 宗`,
  events: (n) => `${n} 项事件`,
  legendDay: '确切日期',
  legendOther: '官方累计数字或单一国家数字（非年度）',
  short: { official: '官方', cases: '个案', context: '相关' },
  legendSpan: '月份、年份或时段',
  worldwide: '全球',
  filteredTo: (c) => `正在显示${c}的事件。`,
  showAllCountries: '显示所有国家',
  keyHint: '用方向键在事件之间移动，按 Enter 查看来源，按 Esc 清除。',
  noEvents: '没有符合条件的事件。',
  selectedSources: '所选事件的来源',
  close: '关闭',
  officialClaim: '中国官方说法',
  more: (n) => `另外 ${n} 个`,
  col: { date: '日期', kind: '类别', where: '地点', people: '人数', summary: '来源所述' },
};

const zhHant: TimelineStrings = {
  title: '被帶回中國的人，以及與警務站相關的事件',
  chartName: '遣返、「勸返」案例及相關事件時間線',
  summary: (c) => `${c.from}至${c.to}：${c.cases} 宗個案、${c.official} 項中國政府公布的數字、${c.context} 項相關事件。各數字從不相加。`,
  officialTrack: '中國官方數字（官方說法）',
  officialScale: '官方所稱每年「追回」人數',
  officialNote: (p) =>
    `官方數字為中國當局公布的說法（${p}），其中混合了境外抓捕、投案、「勸返」、遣返和引渡。累計數字和不足一年的數字照原樣標示，不作加總。`,
  casesTrack: '報導的個案（人數）',
  contextTrack: '報告、調查、關閉、逮捕、聲明',
  showContext: '顯示相關事件',
  showTable: '以表格顯示',
  hideTable: '隱藏表格',
  noFigure: '無數字',
  partial: '不足一年',
  asOf: (d) => `截至${d}累計`,
  people: (n) => `${n} 人`,
  cases: (n) => `${n} 宗`,
  events: (n) => `${n} 項事件`,
  legendDay: '確切日期',
  legendOther: '官方累計數字或單一國家數字（非年度）',
  short: { official: '官方', cases: '個案', context: '相關' },
  legendSpan: '月份、年份或時段',
  worldwide: '全球',
  filteredTo: (c) => `正在顯示${c}的事件。`,
  showAllCountries: '顯示所有國家',
  keyHint: '用方向鍵在事件之間移動，按 Enter 查看來源，按 Esc 清除。',
  noEvents: '沒有符合條件的事件。',
  selectedSources: '所選事件的來源',
  close: '關閉',
  officialClaim: '中國官方說法',
  more: (n) => `另外 ${n} 個`,
  col: { date: '日期', kind: '類別', where: '地點', people: '人數', summary: '來源所述' },
};

export const TIMELINE_STRINGS: Record<BuiltInLang, TimelineStrings> = { en, 'zh-Hans': zhHans, 'zh-Hant': zhHant };
