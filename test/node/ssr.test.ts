// renderWidget (overseas-police-stations/ssr) in plain Node, where there is no DOM. The browser
// side (the rendered view before any script, and after the code takes over) is tested on the
// embed pages, which are made with it: test/dist/prerendered.test.ts. Run with `npm run test:node`.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, test } from 'node:test';
import { renderWidget } from '../../src/ssr/index.js';

const root = resolve(import.meta.dirname, '../..');
const text = readFileSync(join(root, 'data/overseas-police-stations.json'), 'utf8');
const dataset = JSON.parse(text);

const embedded = (html: string) => /<script type="application\/json" data-ops-dataset[^>]*>([^]*?)<\/script>/.exec(html)?.[1];

describe('renderWidget', () => {
  test('each element: its tag with defer-hydration, a declarative shadow root with its styles, a fallback and the data', async () => {
    for (const tag of ['ops-station-map', 'ops-country-table', 'ops-repatriation-timeline', 'ops-source-card']) {
      const html = await renderWidget(tag, tag === 'ops-source-card' ? { source: 'SD01' } : {}, text);
      assert.match(html, new RegExp(`<${tag} [^>]*defer-hydration`), tag);
      assert.match(html, /<template shadowroot(mode)?="open"[^>]*><style>[^<]*:host/, tag);
      assert.match(html, /part="credit"/, `${tag}: the credit line`);
      assert.doesNotMatch(html, /part="loading"|part="error"/, `${tag}: drawn, not loading`);
      // The JSON text given is embedded byte for byte: the browser recognises the bundled file by its SHA-256.
      assert.equal(embedded(html), text, tag);
    }
  });

  test('draws the data: table rows, timeline marks, map markers, the source', async () => {
    const table = await renderWidget('country-table', { rows: 5 }, dataset);
    assert.equal(table.match(/<tr part="row"/g)?.length, 5);
    const timeline = await renderWidget('repatriation-timeline', {}, dataset, { width: 600 });
    assert.match(timeline, /<svg [^>]*width="600"/);
    assert.ok((timeline.match(/class="mark /g)?.length ?? 0) > 10, 'timeline marks');
    const map = await renderWidget('station-map', {}, dataset);
    assert.ok((map.match(/data-key="/g)?.length ?? 0) > 10, 'map markers');
    const card = await renderWidget('source-card', { source: 'SD01' }, dataset);
    assert.match(card, /Safeguard Defenders/);
  });

  test('the light DOM says it in plain HTML, for feed readers that drop shadow roots', async () => {
    const html = await renderWidget('country-table', { rows: 3 }, dataset);
    const light = html.replace(/<template shadowroot[^]*?<\/template>/, '').replace(/<script[^]*?<\/script>/, '');
    assert.match(light, /<table><thead><tr><th>Country<\/th><th>Stations reported<\/th><\/tr><\/thead><tbody>(<tr><td>[^<]+<\/td><td>\d+<\/td><\/tr>){3}<\/tbody><\/table>/);
    assert.match(light, /Source: Safeguard Defenders/);
  });

  test('language from the lang attribute', async () => {
    const html = await renderWidget('country-table', { lang: 'zh-Hant' }, dataset);
    assert.match(html, /lang="zh-Hant"/);
    assert.match(html, /來源/);
  });

  test('the links of the credit line resolve from where the dataset is published', async () => {
    const html = await renderWidget('source-card', { source: 'SD01' }, dataset, { dataUrl: '../data/overseas-police-stations.json' });
    assert.match(html, new RegExp(`href="\\.\\./data/${dataset.meta.methodologyUrl.replace('.', '\\.')}"`));
    assert.match(html, /data-ops-dataset data-url="\.\.\/data\/overseas-police-stations\.json"/);
  });

  test('"</script" in the data cannot end the embedded JSON', async () => {
    const copy = structuredClone(dataset);
    copy.meta.title = 'A title </script><script>alert(1)</script>';
    const html = await renderWidget('source-card', { source: 'SD01' }, copy);
    assert.doesNotMatch(embedded(html)!, /<\/script/i);
    assert.equal(JSON.parse(embedded(html)!).meta.title, copy.meta.title);
  });

  test('bad input: an unknown tag or attribute, a value out of range, a dataset that is not one', async () => {
    await assert.rejects(renderWidget('ops-nothing', {}, dataset), /"ops-nothing" is not one of ops-station-map/);
    await assert.rejects(renderWidget('country-table', { onclick: 'x' }, dataset), /<ops-country-table> has no attribute "onclick"/);
    await assert.rejects(renderWidget('country-table', { sort: 'sideways' }, dataset), /sort="sideways" is not a value it accepts/);
    await assert.rejects(renderWidget('country-table', {}, { schemaVersion: 9 }), /renderWidget: schemaVersion is 9/);
    await assert.rejects(renderWidget('country-table', {}, '<html>'), /renderWidget: /);
  });

  test('a record with a problem is skipped and counted, as in the browser', async () => {
    const copy = structuredClone(dataset);
    copy.stations[0].country = 'XX1';
    const warn = console.warn;
    const logged: unknown[] = [];
    console.warn = (...args: unknown[]) => logged.push(args);
    try {
      const html = await renderWidget('country-table', {}, copy);
      assert.match(html, /part="notice"><!--lit-part-->\d+ records? skipped — see console/);
    } finally {
      console.warn = warn;
    }
  });
});
