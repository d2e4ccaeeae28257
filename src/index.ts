/** Registers every element and re-exports the classes, the data layer and the event types. */
export { OpsCountryTable } from './components/country-table/define.js';
export { OpsSourceCard } from './components/source-card/define.js';
export { OpsStationMap } from './components/station-map/define.js';
export { OpsRepatriationTimeline } from './components/repatriation-timeline/define.js';
export { OpsElement, type Theme } from './shared/ops-element.js';
export { addLocale, type AllStrings, type LocaleStrings, type PluralForms } from './shared/locales.js';
export { define } from './shared/define.js';
export { SELECT_EVENT, type OpsSelectDetail, type SelectionKind } from './shared/events.js';
export { loadDataset, type LoadedDataset } from './data/load.js';
export { useDataset } from './data/inline.js';
export { validateDataset, DatasetError, MAX_DATASET_BYTES, type Problem, type ValidDataset } from './data/validate.js';
export * from './data/selectors.js';
export type * from './data/schema.js';
export { VERSION } from './shared/version.js';
