// Compresses text files on the way out, as any static host does (GitHub Pages, Netlify, a CDN,
// nginx with gzip on). sirv only serves files compressed ahead of time, so without this the demo
// and the bench sent the dataset and the code at full size, and Lighthouse simulated a phone
// downloading 3× the bytes a reader's browser receives. Used by `npm start` and the bench.
import { readFileSync, statSync } from 'node:fs';
import { extname, join, normalize } from 'node:path';
import { gzipSync } from 'node:zlib';

const TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.geojson': 'application/geo+json',
  '.svg': 'image/svg+xml',
  '.map': 'application/json; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
};
const cache = new Map();

/**
 * Wraps a sirv handler for `dir`: a request that accepts gzip for a text file in `dir` gets it
 * gzipped (kept in memory until the file changes); anything else goes to sirv as before.
 */
export function gzipStatic(dir, handler) {
  return (req, res, next) => {
    const pathname = decodeURIComponent(new URL(req.url, 'http://x').pathname);
    let file = join(dir, normalize(pathname).replace(/^(\.\.[/\\])+/, ''));
    let stat;
    try {
      stat = statSync(file);
      // A folder without its trailing slash is sirv's to redirect, or relative URLs would break.
      if (stat.isDirectory()) stat = pathname.endsWith('/') ? statSync((file = join(file, 'index.html'))) : undefined;
    } catch {
      return handler(req, res, next);
    }
    if (!stat?.isFile()) return handler(req, res, next);
    const type = TYPES[extname(file)];
    if (!type || !/\bgzip\b/.test(req.headers['accept-encoding'] ?? '') || req.method !== 'GET') return handler(req, res, next);
    const key = `${file} ${stat.mtimeMs} ${stat.size}`;
    let body = cache.get(file)?.key === key ? cache.get(file).body : undefined;
    if (!body) cache.set(file, { key, body: (body = gzipSync(readFileSync(file), { level: 6 })) });
    res.writeHead(200, {
      'content-type': type,
      'content-encoding': 'gzip',
      'content-length': body.length,
      vary: 'Accept-Encoding',
      'cache-control': 'no-cache',
    });
    res.end(body);
  };
}
