/**
 * How a source was read, said for a reader: a short label beside the kind badge
 * and one sentence under the title. The dataset's `editorNote` is for editors and
 * never reaches this text.
 */
import type { Source } from '../../data/schema.js';
import type { UiLang } from '../../shared/i18n.js';

type Access = 'original' | 'syndicated' | 'official-record' | 'copy' | 'unknown';

interface AccessStrings {
  label: Record<Access, string>;
  /** One sentence for readers; `host` is the site the text was read on. */
  note: {
    syndicated(publisher: string, host: string): string;
    /** A wire story an outlet published under its own name: "CTV News (AP)". */
    wire(wire: string, outlet: string): string;
    copy(host: string): string;
    copyOriginalLinked(publisher: string, host: string): string;
  };
  /** Said in place of a headline the dataset does not know. */
  headlineUnknown: string;
}

const STRINGS: Record<UiLang, AccessStrings> = {
  en: {
    label: {
      original: 'Original',
      syndicated: 'Wire or syndicated copy',
      'official-record': 'Official record',
      copy: 'Copy read elsewhere',
      unknown: 'How it was read is not recorded',
    },
    note: {
      syndicated: (p, h) => `${p}'s text as carried by ${h}, which publishes it under licence.`,
      wire: (w, o) => `A text from ${w}, as published by ${o}.`,
      copy: (h) => `Read only as copied on ${h}; the original report was not found, so treat this as unconfirmed.`,
      copyOriginalLinked: (p, h) => `The link goes to ${p}'s original; its text was read in a copy on ${h}.`,
    },
    headlineUnknown: 'headline not known',
  },
  'zh-Hans': {
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
    headlineUnknown: '原标题不详',
  },
  'zh-Hant': {
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
    headlineUnknown: '原標題不詳',
  },
};

function host(url: string | undefined): string | undefined {
  if (!url) return undefined;
  try {
    return new URL(url).hostname.replace(/^www\./, '');
  } catch {
    return undefined;
  }
}

/** Titles the dataset marks as descriptions, not headlines: "(headline not known)" at the end. */
const DESCRIBED = /\s*\(headline not known\)$/;

export interface AccessView {
  access: Access;
  label: string;
  /** A sentence for readers, or undefined where the label says it all. */
  note: string | undefined;
  title: string;
  /** True when `title` describes the source because its headline is not known. */
  described: boolean;
}

export function accessView(source: Source, lang: UiLang): AccessView {
  const t = STRINGS[lang];
  const access: Access = source.access ?? 'unknown';
  const readOn = host(source.readVia) ?? host(source.url) ?? '';
  let note: string | undefined;
  const wire = /^(.+?) \(([^()]+)\)$/.exec(source.publisher);
  if (access === 'syndicated') note = wire ? t.note.wire(wire[2]!, wire[1]!) : t.note.syndicated(source.publisher, readOn);
  else if (access === 'copy') note = source.readVia ? t.note.copyOriginalLinked(source.publisher, readOn) : t.note.copy(readOn);
  const described = DESCRIBED.test(source.title);
  return { access, label: t.label[access], note, title: source.title.replace(DESCRIBED, ''), described };
}

export function headlineUnknown(lang: UiLang): string {
  return STRINGS[lang].headlineUnknown;
}
