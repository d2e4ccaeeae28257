/**
 * UI strings of <ops-station-map> in English, Simplified and Traditional
 * Chinese. Country names, dates, numbers and lists come from Intl.
 */
import type { BuiltInLang } from '../../shared/locales.js';
import type { ElementStrings } from '../../shared/strings.js';

export interface SummaryFacts {
  stations: number;
  countries: number;
  /** "87 of the 102 stations in …" — absent when the dataset has no report count. */
  listed?: { listed: number; total: number; report: string };
  /** "Italy (11), Spain (9) and …", already formatted. */
  top: string;
  unlocated: number;
}

export interface MapStrings {
  title: string;
  mapLabel: string;
  summary(f: SummaryFacts): string;
  filtered(shown: number, total: number, what: string): string;
  explore: string;
  loadingMap: string;
  reset: string;
  zoomIn: string;
  zoomOut: string;
  noWebgl: string;
  mapFailed: string;
  showList: string;
  hideList: string;
  legend: string;
  cluster: string;
  hostCountry: string;
  notLocatedLong: string;
  listLabel: string;
  stations(n: number): string;
  /** `bureaus`: "Fuzhou 3, unknown 9", already formatted (what the ring shows). */
  clusterLabel(n: number, places: string, bureaus: string): string;
  /** Names the group of region buttons above the map. */
  regionsLabel: string;
  regions: Record<'world' | 'europe' | 'americas' | 'africa' | 'asia-pacific', string>;
  stationLabel(city: string, country: string, bureau: string): string;
  badgeLabel(n: number, country: string): string;
  previewHint: string;
  /** The interactive map's keys, read with its name. */
  glHint: string;
  gestureHint: string;
  close: string;
  status: string;
  firstReported: string;
  notes: string;
  sources: string;
  showSources(n: number): string;
  location: string;
  locationPrecision: Record<'address' | 'city' | 'region' | 'country', string>;
  inCluster(n: number): string;
  unlocatedIn(country: string): string;
  noShape(list: string): string;
  attribution: string;
  unknownCity: string;
}

const en: MapStrings = {
  title: 'Where the stations were reported',
  mapLabel: 'Map of reported overseas police stations',
  summary: (f) =>
    `${f.stations} ${f.stations === 1 ? 'site' : 'sites'} in ${f.countries} ${f.countries === 1 ? 'country' : 'countries'} ${f.stations === 1 ? 'is' : 'are'} listed here` +
    (f.listed ? `, ${f.listed.listed} of the ${f.listed.total} stations in ${f.listed.report}` : '') +
    (f.top ? `; the most in ${f.top}` : '') +
    (f.unlocated ? `; ${f.unlocated} ${f.unlocated === 1 ? 'is' : 'are'} known only by country.` : '.'),
  filtered: (shown, total, what) => `Showing ${shown} of ${total} sites: ${what}.`,
  explore: 'Explore the map',
  loadingMap: 'Loading the interactive map…',
  reset: 'Reset view',
  zoomIn: 'Zoom in',
  zoomOut: 'Zoom out',
  noWebgl: 'The interactive map needs WebGL, which this browser does not offer; this is a static map.',
  mapFailed: 'The interactive map could not be loaded; this is a static map.',
  showList: 'Show as list',
  hideList: 'Hide list',
  legend: 'Operating bureau',
  cluster: 'Several stations: the ring shows their bureaus',
  hostCountry: 'Country with a reported station',
  notLocatedLong: 'Stations known only by country (number)',
  stations: (n) => `${n} ${n === 1 ? 'station' : 'stations'}`,
  clusterLabel: (n, places, bureaus) => `${n} stations: ${places}; bureaus: ${bureaus}`,
  regionsLabel: 'Map view',
  regions: { world: 'World', europe: 'Europe', americas: 'Americas', africa: 'Africa, Middle East', 'asia-pacific': 'Asia-Pacific' },
  stationLabel: (city, country, bureau) => `${city}, ${country} (${bureau})`,
  badgeLabel: (n, country) => `${n} not located: ${country}, ${n} ${n === 1 ? 'station' : 'stations'} without a reported location`,
  listLabel: 'Reported stations by country',
  previewHint: 'Arrow keys move between stations; Enter shows details; + or − opens the interactive map.',
  glHint: 'Arrow keys move between stations; Enter shows details; Shift and an arrow key move the map; + or − zooms.',
  gestureHint: 'To zoom the map, use two fingers, or hold Ctrl (⌘ on a Mac) and scroll.',
  close: 'Close',
  status: 'Status',
  firstReported: 'First reported',
  notes: 'Notes',
  sources: 'Sources',
  showSources: (n) => `Sources (${n})`,
  location: 'Location',
  locationPrecision: {
    address: 'street address',
    city: 'city (placed at the city centre)',
    region: 'region',
    country: 'country only',
  },
  inCluster: (n) => `${n} stations here`,
  unlocatedIn: (country) => `In ${country}, location not reported`,
  noShape: (list) => `Too small for this map’s outlines, listed below: ${list}.`,
  attribution: 'Outlines: Natural Earth',
  unknownCity: 'Location not reported',
};

const zhHans: MapStrings = {
  title: '被报道站点的所在地',
  mapLabel: '被报道的海外警务站地图',
  summary: (f) =>
    `本图列出 ${f.countries} 个国家的 ${f.stations} 处站点` +
    (f.listed ? `，为${f.listed.report}所列 ${f.listed.total} 个站点中的 ${f.listed.listed} 个` : '') +
    (f.top ? `；最多的是${f.top}` : '') +
    (f.unlocated ? `；其中 ${f.unlocated} 处仅知所在国家。` : '。'),
  filtered: (shown, total, what) => `显示 ${total} 处站点中的 ${shown} 处：${what}。`,
  explore: '浏览互动地图',
  loadingMap: '正在加载互动地图…',
  reset: '重置视图',
  zoomIn: '放大',
  zoomOut: '缩小',
  noWebgl: '互动地图需要 WebGL，此浏览器不支持；这是静态地图。',
  mapFailed: '互动地图无法加载；这是静态地图。',
  showList: '以列表显示',
  hideList: '隐藏列表',
  legend: '运营公安机关',
  cluster: '多个站点：外圈显示其公安机关',
  hostCountry: '有被报道站点的国家',
  notLocatedLong: '仅知所在国家的站点（数量）',
  stations: (n) => `${n} 个站点`,
  clusterLabel: (n, places, bureaus) => `${n} 个站点：${places}；公安机关：${bureaus}`,
  regionsLabel: '地图范围',
  regions: { world: '全球', europe: '欧洲', americas: '美洲', africa: '非洲和中东', 'asia-pacific': '亚太' },
  stationLabel: (city, country, bureau) => `${country}${city}（${bureau}）`,
  badgeLabel: (n, country) => `${n} 处未定位：${country}有 ${n} 个站点未报道具体地点`,
  listLabel: '各国被报道的站点',
  previewHint: '方向键在站点间移动；回车键显示详情；按 + 或 − 打开互动地图。',
  glHint: '方向键在站点间移动；回车键显示详情；Shift 加方向键移动地图；按 + 或 − 缩放。',
  gestureHint: '缩放地图：用双指，或按住 Ctrl 键（Mac 上为 ⌘）并滚动。',
  close: '关闭',
  status: '状态',
  firstReported: '首次报道',
  notes: '备注',
  sources: '来源',
  showSources: (n) => `来源（${n}）`,
  location: '地点',
  locationPrecision: { address: '街道地址', city: '城市（标于市中心）', region: '地区', country: '仅知国家' },
  inCluster: (n) => `此处 ${n} 个站点`,
  unlocatedIn: (country) => `位于${country}，未报道具体地点`,
  noShape: (list) => `以下国家在本图轮廓中过小，见下方列表：${list}。`,
  attribution: '轮廓：Natural Earth',
  unknownCity: '未报道具体地点',
};

const zhHant: MapStrings = {
  title: '被報導站點的所在地',
  mapLabel: '被報導的海外警務站地圖',
  summary: (f) =>
    `本圖列出 ${f.countries} 個國家的 ${f.stations} 處站點` +
    (f.listed ? `，為${f.listed.report}所列 ${f.listed.total} 個站點中的 ${f.listed.listed} 個` : '') +
    (f.top ? `；最多的是${f.top}` : '') +
    (f.unlocated ? `；其中 ${f.unlocated} 處僅知所在國家。` : '。'),
  filtered: (shown, total, what) => `顯示 ${total} 處站點中的 ${shown} 處：${what}。`,
  explore: '瀏覽互動地圖',
  loadingMap: '正在載入互動地圖…',
  reset: '重設檢視',
  zoomIn: '放大',
  zoomOut: '縮小',
  noWebgl: '互動地圖需要 WebGL，此瀏覽器不支援；這是靜態地圖。',
  mapFailed: '互動地圖無法載入；這是靜態地圖。',
  showList: '以清單顯示',
  hideList: '隱藏清單',
  legend: '運營公安機關',
  cluster: '多個站點：外圈顯示其公安機關',
  hostCountry: '有被報導站點的國家',
  notLocatedLong: '僅知所在國家的站點（數量）',
  stations: (n) => `${n} 個站點`,
  clusterLabel: (n, places, bureaus) => `${n} 個站點：${places}；公安機關：${bureaus}`,
  regionsLabel: '地圖範圍',
  regions: { world: '全球', europe: '歐洲', americas: '美洲', africa: '非洲和中東', 'asia-pacific': '亞太' },
  stationLabel: (city, country, bureau) => `${country}${city}（${bureau}）`,
  badgeLabel: (n, country) => `${n} 處未定位：${country}有 ${n} 個站點未報導具體地點`,
  listLabel: '各國被報導的站點',
  previewHint: '方向鍵在站點間移動；Enter 鍵顯示詳情；按 + 或 − 開啟互動地圖。',
  glHint: '方向鍵在站點間移動；Enter 鍵顯示詳情；Shift 加方向鍵移動地圖；按 + 或 − 縮放。',
  gestureHint: '縮放地圖：用雙指，或按住 Ctrl 鍵（Mac 上為 ⌘）並捲動。',
  close: '關閉',
  status: '狀態',
  firstReported: '首次報導',
  notes: '備註',
  sources: '來源',
  showSources: (n) => `來源（${n}）`,
  location: '地點',
  locationPrecision: { address: '街道地址', city: '城市（標於市中心）', region: '地區', country: '僅知國家' },
  inCluster: (n) => `此處 ${n} 個站點`,
  unlocatedIn: (country) => `位於${country}，未報導具體地點`,
  noShape: (list) => `以下國家在本圖輪廓中過小，見下方清單：${list}。`,
  attribution: '輪廓：Natural Earth',
  unknownCity: '未報導具體地點',
};

/** What the map's parts read: the shared strings, and the map's own as `t.map`. */
export type MapText = ElementStrings<'map', MapStrings>;

export const MAP_STRINGS: Record<BuiltInLang, MapStrings> = { en, 'zh-Hans': zhHans, 'zh-Hant': zhHant };
