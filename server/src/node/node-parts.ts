import { createGeneratorFromSettings } from '../answer/generator-from-settings.js';
import type { ServerSettings } from '../config.js';
import { createEditorStore } from '../editor/editor-store.js';
import { createEditorOverlay } from '../editor/overlay.js';
import type { Logger } from '../http/log.js';
import { startRetention } from '../store/retention.js';
import { createSqliteStore } from '../store/sqlite.js';
import { createNullStore } from '../store/store.js';
import { sqliteSql } from './editor-sqlite.js';
import { createScryptHasher } from './password-scrypt.js';
import { readWidgetBundle } from './read-widget.js';

/**
 * What the Node server picks that outlives index versions: SQLite for the query log, feedback and
 * the editors' console, scrypt for passwords, the chat model, and the built widget from disk.
 */
export async function createNodeParts(settings: ServerSettings, logger: Logger) {
  const store = settings.queryLog ? createSqliteStore(settings.storePath) : createNullStore();
  const stopRetention = startRetention(store, settings.retentionDays, (error) => logger.log('error', 'retention_failed', { message: String(error) }));
  // Editors' accounts and entries live in the store file even when the query log is off.
  const editorSql = sqliteSql(settings.storePath);
  const editorStore = createEditorStore(editorSql);
  const overlay = createEditorOverlay(editorStore, { intervalMs: settings.editorRefreshIntervalMs, onError: (error) => logger.log('error', 'editor_entries_failed', { message: String(error) }) });
  const widget = await readWidgetBundle();
  if (!widget) logger.log('warn', 'widget_missing', { hint: 'widget.js not found; run `npm run build` to serve the widget' });
  return {
    store,
    editor: { store: editorStore, passwords: createScryptHasher(), overlay },
    generator: createGeneratorFromSettings(settings),
    widget,
    async close() {
      stopRetention();
      await store.close();
      editorSql.close();
    },
  };
}
