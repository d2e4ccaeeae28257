// Lets the demo article be viewed in another theme or language:
// index.html?theme=dark&lang=zh-Hant. The widgets read the same attributes a newsroom would set.
const params = new URLSearchParams(location.search);
const theme = params.get('theme');
const lang = params.get('lang');
if (theme === 'dark' || theme === 'auto') {
  document.documentElement.dataset.theme = theme;
  for (const el of document.querySelectorAll('ops-country-table, ops-source-card, ops-station-map, ops-repatriation-timeline')) {
    el.setAttribute('theme', theme);
  }
}
if (lang) document.documentElement.lang = lang;
