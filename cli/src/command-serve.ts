import { embedderSettings } from '@auskunft/core';
import { serverSettings } from '@auskunft/server';
import { isClusterWorker, runClusterWorker, startClusterPrimary, startNodeServer, workerCount } from '@auskunft/server/node';
import { loadSettings } from './config-file.js';
import { parseCommandArgs, settingsHelp } from './options.js';

const USAGE = `Usage: auskunft serve --index <index-dir> --port <port> [options]

Serves search (GET /api/search?q=…), chat (POST /api/chat), /healthz and /widget.js for the
index in <index-dir>, and prints the URL it listens on. With --workers N (default: one per CPU
core) N processes serve on the same port, each with its own copy of the index.

  --index <dir>      same as --index-dir
  --config <file>    config file (env AUSKUNFT_CONFIG, default ./auskunft.config.json if present)
`;

export async function serveCommand(argv: string[]): Promise<number> {
  const defs = [serverSettings, embedderSettings];
  const { values, overrides } = parseCommandArgs(argv, defs, { index: { type: 'string' } });
  if (values['help']) {
    console.log(`${USAGE}\n${settingsHelp(defs)}`);
    return 0;
  }
  if (values['index'] !== undefined) overrides['indexDir'] = values['index'];
  const settingsFor = await loadSettings(values['config'], overrides);
  const settings = settingsFor(serverSettings);
  if (isClusterWorker()) {
    await runClusterWorker(settings, settingsFor(embedderSettings));
    // Closed: what is left (a half-open keep-alive socket) must not keep the worker alive.
    process.exit(0);
  }
  const workers = workerCount(settings.workers);
  const server = workers > 1 ? await startClusterPrimary(workers) : await startNodeServer(settings, settingsFor(embedderSettings));
  console.log(`Auskunft is listening on ${server.url}`);
  await closeOnSignal(server.close);
  return 0;
}

/** Resolves after SIGINT/SIGTERM closed the servers, so the process exits cleanly. */
export function closeOnSignal(...closers: Array<() => Promise<void>>): Promise<void> {
  return new Promise((resolve) => {
    const stop = () => {
      process.off('SIGINT', stop);
      process.off('SIGTERM', stop);
      void Promise.allSettled(closers.map((c) => c())).then(() => resolve());
    };
    process.on('SIGINT', stop);
    process.on('SIGTERM', stop);
  });
}
