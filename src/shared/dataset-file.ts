/**
 * Where the bundled dataset sits in dist/, relative to the folder of ops.js. The elements
 * (in dist/chunks/) and ops.js (which preloads it) both resolve it from here.
 */
export const DATASET_FILE = 'data/overseas-police-stations.json';
