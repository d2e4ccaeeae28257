/**
 * Turning dataset paths (`stations[12].location.lat`) into places an editor can
 * open: file, row and column of data/csv/, or line and column of the JSON file.
 */
import { isAbsolute, relative } from 'node:path';
import type { CheckProblem } from './lib-data-checks.js';
import type { FileProblem } from './lib-data-csv.js';

export interface Position {
  line: number;
  column: number;
}

/** The line and column (1-based) where each value of a JSON text starts, by path. Assumes valid JSON. */
export function jsonPositions(text: string): Map<string, Position> {
  const positions = new Map<string, Position>();
  let i = 0;
  let line = 1;
  let lineStart = 0;
  const skip = () => {
    while (i < text.length && /\s/.test(text[i]!)) {
      if (text[i] === '\n') {
        line++;
        lineStart = i + 1;
      }
      i++;
    }
  };
  const string = (): string => {
    const start = i;
    i++;
    while (text[i] !== '"') i += text[i] === '\\' ? 2 : 1;
    i++;
    return JSON.parse(text.slice(start, i)) as string;
  };
  const value = (path: string): void => {
    skip();
    positions.set(path, { line, column: i - lineStart + 1 });
    const c = text[i];
    if (c === '{') {
      i++;
      skip();
      if (text[i] === '}') return void i++;
      for (;;) {
        skip();
        const key = string();
        skip();
        i++; // :
        value(path ? `${path}.${key}` : key);
        skip();
        if (text[i++] === '}') return;
      }
    } else if (c === '[') {
      i++;
      skip();
      if (text[i] === ']') return void i++;
      for (let n = 0; ; n++) {
        value(`${path}[${n}]`);
        skip();
        if (text[i++] === ']') return;
      }
    } else if (c === '"') string();
    else while (i < text.length && !/[\s,\]}]/.test(text[i]!)) i++;
  };
  value('');
  return positions;
}

/** The nearest enclosing path that has a position (a missing field points at its record). */
export function positionOf(positions: Map<string, Position>, path: string): Position | undefined {
  for (let p = path; ; ) {
    const found = positions.get(p);
    if (found) return found;
    const cut = Math.max(p.lastIndexOf('.'), p.lastIndexOf('['));
    if (cut <= 0) return positions.get('');
    p = p.slice(0, cut);
  }
}

export function formatJsonProblem(file: string, positions: Map<string, Position> | undefined, p: CheckProblem): string {
  const at = positions ? positionOf(positions, p.path) : undefined;
  const name = isAbsolute(file) ? relative(process.cwd(), file) || file : file;
  const where = at ? `${name}, line ${at.line}, column ${at.column}` : name;
  return `${where}: ${p.path ? `${p.path}: ` : ''}${p.message}${p.record ? ` [${p.record}]` : ''}${p.check ? ` (${p.check})` : ''}`;
}

export function formatFileProblem(p: FileProblem): string {
  const file = isAbsolute(p.file) ? relative(process.cwd(), p.file) || p.file : p.file;
  const where = [file, p.row !== undefined ? `row ${p.row}` : undefined, p.column ? `column ${p.column}` : undefined].filter(Boolean).join(', ');
  const tail = [p.record, p.path].filter(Boolean).join(' · ');
  return `${where}: ${p.message}${tail ? ` [${tail}]` : ''}${p.check ? ` (${p.check})` : ''}`;
}
