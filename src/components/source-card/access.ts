/**
 * How a source was read, said for a reader: a short label beside the kind badge
 * and one sentence under the title. The dataset's `editorNote` is for editors and
 * never reaches this text.
 */
import type { Source } from '../../data/schema.js';
import type { Access, AccessStrings } from './strings.js';

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

export function accessView(source: Source, t: AccessStrings): AccessView {
  const access: Access = source.access ?? 'unknown';
  const readOn = host(source.readVia) ?? host(source.url) ?? '';
  let note: string | undefined;
  const wire = /^(.+?) \(([^()]+)\)$/.exec(source.publisher);
  if (access === 'syndicated') note = wire ? t.note.wire(wire[2]!, wire[1]!) : t.note.syndicated(source.publisher, readOn);
  else if (access === 'copy') note = source.readVia ? t.note.copyOriginalLinked(source.publisher, readOn) : t.note.copy(readOn);
  const described = DESCRIBED.test(source.title);
  return { access, label: t.label[access], note, title: source.title.replace(DESCRIBED, ''), described };
}
