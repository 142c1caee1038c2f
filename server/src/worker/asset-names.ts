/**
 * File names in the Worker's static assets, shared by `auskunft export-worker` (Node, writes
 * them) and the Worker (reads them); the index files keep their names from INDEX_FILES.
 */
/** widget.js, served at /widget.js like on Node. */
export const WORKER_WIDGET_FILE = 'widget.js';
/** Names of the widget's lazily loaded chunks (in `widget/`), since assets cannot be listed. */
export const WORKER_WIDGET_CHUNKS_FILE = 'widget-chunks.json';
/** The editors' synonym list (`search.synonymsFile`). */
export const WORKER_SYNONYMS_FILE = 'synonyms.txt';
