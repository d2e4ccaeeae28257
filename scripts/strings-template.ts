// dist/strings-template.json: every UI string key with its English text, for a newsroom that
// translates the widgets into a language of its own (OpsElement.addLocale or the `strings`
// attribute). Made from the English tables at build time, so it never falls behind them.
import { SHARED_STRINGS } from '../src/shared/strings.js';
import { MAP_STRINGS } from '../src/components/station-map/strings.js';
import { TABLE_STRINGS } from '../src/components/country-table/strings.js';
import { TIMELINE_STRINGS } from '../src/components/repatriation-timeline/strings.js';
import { CARD_STRINGS } from '../src/components/source-card/strings.js';

type Json = string | { [key: string]: Json };

/**
 * A stand-in for an argument: as text it is its placeholder (`{1}`, or `{name}` for a field of
 * an object argument), and any field of it is another stand-in. A string function called with
 * stand-ins writes out its text with placeholders; where it chooses a form by number, the
 * stand-in is never 1, so the text shows the plural ("other") form.
 */
function standIn(placeholder: string, path: string): unknown {
  return new Proxy(function () {}, {
    get: (_target, key) => {
      if (key === Symbol.toPrimitive || key === 'toString') return () => placeholder;
      if (typeof key === 'symbol') return undefined;
      const field = path ? `${path}.${key}` : key;
      return standIn(`{${field}}`, field);
    },
  });
}

/** "(shown, total, what) => …" → ["shown", "total", "what"]. */
function parameterNames(fn: Function): string[] {
  const match = /^\s*(?:function[^(]*)?\(?([^)=]*?)\)?\s*=>/.exec(fn.toString()) ?? /^[^(]*\(([^)]*)\)/.exec(fn.toString());
  return (match?.[1] ?? '').split(',').map((s) => s.trim()).filter(Boolean);
}

function template(table: object, prefix: string, args: Record<string, string>): Record<string, Json> {
  const out: Record<string, Json> = {};
  for (const [key, value] of Object.entries(table)) {
    if (typeof value === 'function') {
      const names = parameterNames(value);
      const text = (value as (...a: unknown[]) => string)(...names.map((_, i) => standIn(`{${i + 1}}`, '')));
      out[key] = text;
      // An object argument's fields are named in the text itself; positional ones are listed here.
      const positional = names.map((name, i) => `{${i + 1}} ${name}`);
      if (!/\{[a-z]/i.test(text) || names.length > 1) args[prefix + key] = positional.join(', ');
    } else if (value && typeof value === 'object') out[key] = template(value, `${prefix}${key}.`, args);
    else out[key] = String(value);
  }
  return out;
}

export function stringsTemplate(): Record<string, unknown> {
  const args: Record<string, string> = {};
  const strings = {
    ...template(SHARED_STRINGS.en, '', args),
    map: template(MAP_STRINGS.en, 'map.', args),
    table: template(TABLE_STRINGS.en, 'table.', args),
    timeline: template(TIMELINE_STRINGS.en, 'timeline.', args),
    card: template(CARD_STRINGS.en, 'card.', args),
  };
  return {
    $comment:
      'Every UI string of the overseas-police-stations widgets, in English. Copy this file, translate the values, delete what you keep in English (it falls back key by key), and name the file in a widget\'s strings attribute or pass the object to OpsElement.addLocale(lang, strings). {1}, {2} … stand for a string\'s arguments in order ($arguments says what each is); {name} for a field of its one argument. Where English picks a form by number, this shows the plural; give { "one": "…", "other": "…" } (and "few", "many" … as your language needs, by Intl.PluralRules) to choose by the first number. Keys starting with $ are ignored.',
    $arguments: args,
    ...strings,
  };
}
