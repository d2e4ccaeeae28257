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

export const CARD_STRINGS: Record<BuiltInLang, CardStrings> = { en };
