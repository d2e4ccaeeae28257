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
