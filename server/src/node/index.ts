/**
 * The Node-only part of the server package (`@auskunft/server/node`): what reads files or loads
 * native addons. Everything runtime-neutral is exported from `@auskunft/server`.
 */
export { startNodeServer, type RunningServer } from './main.js';
export { isClusterWorker, runClusterWorker, startClusterPrimary, workerCount } from './cluster.js';
export { openIndexOnDisk } from './open-index.js';
export { createSqliteStore } from '../store/sqlite.js';
export { readWidgetBundle } from './read-widget.js';
export { loadHnswlibSearch } from '../vectors/hnswlib.js';
export { loadIndexFromDisk, type LoadedIndex } from './load-index.js';
export { exportWorkerAssets, WORKER_ASSET_MAX_BYTES, type WorkerAssetsExport } from '../export/worker-assets.js';
export { exportVectorizeNdjson, VECTORIZE_VECTORS_PER_FILE, type VectorizeExport } from '../export/vectorize-ndjson.js';
export { sqliteSql } from './editor-sqlite.js';
export { createScryptHasher } from './password-scrypt.js';
