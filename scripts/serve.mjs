// Serves dist/ on localhost (PORT, default 8080) and prints the demo's URL.
import { createServer } from 'node:http';
import { dirname, join, resolve } from 'node:path';
import sirv from 'sirv';
import { gzipStatic } from './gzip-static.mjs';

const root = resolve(dirname(new URL(import.meta.url).pathname), '..');
const port = Number(process.env.PORT) || 8080;
const dir = resolve(root, process.env.OPS_OUT || 'dist');
const serve = gzipStatic(dir, sirv(dir, { dev: true, etag: true }));

createServer((req, res) => {
  if (req.url === '/' || req.url === '/index.html') {
    res.writeHead(302, { location: '/demo/' }).end();
    return;
  }
  serve(req, res, () => res.writeHead(404, { 'content-type': 'text/plain' }).end('Not found'));
})
  .on('error', (error) => {
    console.error(error.code === 'EADDRINUSE' ? `Port ${port} is in use: set PORT to another number.` : error);
    process.exit(1);
  })
  .listen(port, '127.0.0.1', () => {
    console.log(`Demo: http://localhost:${port}/demo/`);
  });
