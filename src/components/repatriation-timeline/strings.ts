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

export const TIMELINE_STRINGS: Record<BuiltInLang, TimelineStrings> = { en };
