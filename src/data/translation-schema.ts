/**
 * Checks a translation file the way validate.ts checks the dataset: a structural problem (not
 * an object, another language, no `fields`) rejects the file; a malformed field is skipped and
 * reported with its path. Loaded only on pages that use a translation, and by `data:check`.
 */
import * as v from 'valibot';
import type { Problem } from './errors.js';
import { SOURCE_HASH_LENGTH, TRANSLATION_LANGS, type TranslatedField, type TranslationFile, type TranslationLang } from './translation.js';
import { issuesToProblems } from './validate.js';

export const TranslatedFieldSchema = v.strictObject({
  text: v.pipe(v.string(), v.minLength(1, 'must not be empty')),
  sourceHash: v.pipe(
    v.string(),
    v.regex(new RegExp(`^[0-9a-f]{${SOURCE_HASH_LENGTH}}$`), `must be the first ${SOURCE_HASH_LENGTH} hex digits of the English's SHA-256`),
  ),
  reviewed: v.optional(v.boolean()),
});

const HeaderSchema = v.object({
  translationOf: v.pipe(v.string(), v.minLength(1, 'must not be empty')),
  lang: v.picklist(TRANSLATION_LANGS, (issue) => `${JSON.stringify(issue.input)} is not one of ${TRANSLATION_LANGS.join(', ')}`),
  translatedFrom: v.literal('en', 'must be "en" (translations are made from the English dataset)'),
  method: v.optional(v.string()),
  fields: v.record(v.string(), v.unknown()),
});

export interface CheckedTranslation {
  file: TranslationFile;
  /** Fields left out, each with its problem. */
  skipped: Problem[];
}

/** Throws an Error naming the first structural problem; skips malformed fields. */
export function checkTranslation(input: unknown, lang?: TranslationLang): CheckedTranslation {
  const header = v.safeParse(HeaderSchema, input);
  if (!header.success) {
    const p = issuesToProblems('', header.issues)[0]!;
    throw new Error(p.path ? `${p.path.replace(/^\./, '')}: ${p.message}` : `not a translation file (${p.message})`);
  }
  if (lang && header.output.lang !== lang) throw new Error(`lang: is ${JSON.stringify(header.output.lang)}, expected ${JSON.stringify(lang)}`);
  const fields: Record<string, TranslatedField> = {};
  const skipped: Problem[] = [];
  for (const [path, value] of Object.entries(header.output.fields)) {
    const field = v.safeParse(TranslatedFieldSchema, value);
    if (field.success) fields[path] = field.output;
    else skipped.push(...issuesToProblems(`fields[${JSON.stringify(path)}]`, field.issues));
  }
  return { file: { ...header.output, fields }, skipped };
}
