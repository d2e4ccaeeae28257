// What a server-rendering framework (Next.js, Nuxt, SvelteKit, Astro) does while it renders a
// page: import the package's entries in plain Node, where there is no DOM. None may throw
// (the React wrappers included: this app has React, as a Next.js app would).
const pkg = JSON.parse(await (await import('node:fs/promises')).readFile(new URL('./node_modules/overseas-police-stations/package.json', import.meta.url), 'utf8'));
const entries = Object.keys(pkg.exports).filter((key) => !/\.(json|js)$/.test(key) && key !== './package.json');
for (const entry of entries) {
  const specifier = entry === '.' ? 'overseas-police-stations' : `overseas-police-stations/${entry.slice(2)}`;
  try {
    await import(specifier);
    console.log(`ok: import '${specifier}'`);
  } catch (error) {
    console.error(`import '${specifier}' throws in Node: ${error?.stack ?? error}`);
    process.exitCode = 1;
  }
}

// Server rendering, as an Astro or Eleventy page would: the table's HTML with its declarative
// shadow root, its rows, and the light-DOM fallback, from the dataset the package ships.
const { renderWidget } = await import('overseas-police-stations/ssr');
const dataset = await (await import('node:fs/promises')).readFile(new URL('./node_modules/overseas-police-stations/dist/data/overseas-police-stations.json', import.meta.url), 'utf8');
const html = await renderWidget('ops-country-table', { rows: 5 }, dataset);
const problems = [
  [/^[^]*?<ops-country-table [^>]*defer-hydration/, 'the tag with defer-hydration'],
  [/<template shadowroot(mode)?="open"/, 'a declarative shadow root'],
  [/part="row"/, 'table rows'],
  [/<script type="application\/json" data-ops-dataset>/, 'the embedded dataset'],
  [/<table><thead><tr><th>Country<\/th>/, 'the light-DOM fallback table'],
].filter(([re]) => !re.test(html));
for (const [, what] of problems) console.error(`renderWidget: the output has no ${what}`);
if (problems.length) process.exitCode = 1;
else console.log(`ok: renderWidget('ops-country-table') → ${html.length} characters of HTML`);
