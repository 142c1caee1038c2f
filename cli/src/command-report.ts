import { writeFile } from 'node:fs/promises';
import { createEmbedderFromSettings, embedderSettings } from '@auskunft/core';
import { reportUnanswered, serverSettings, unansweredCsv } from '@auskunft/server';
import { createSqliteStore, openIndexOnDisk } from '@auskunft/server/node';
import { loadSettings } from './config-file.js';
import { parseCommandArgs, settingsHelp } from './options.js';

const USAGE = `Usage: auskunft report unanswered [--days <n>] [--csv <file>] [--json] [options]

Groups the questions citizens got no reliable answer to (declined chats, searches without
results, answers rated unhelpful) by topic, most frequent first, with the passage that came
closest. Reads the scrubbed query log (AUSKUNFT_STORE_PATH). The same report is served to
editors at /editor/unanswered when AUSKUNFT_EDITOR_TOKEN is set.
`;

export async function reportCommand(argv: string[]): Promise<number> {
  const defs = [serverSettings, embedderSettings];
  const { values, positionals, overrides } = parseCommandArgs(argv, defs, {
    index: { type: 'string' }, days: { type: 'string' }, csv: { type: 'string' }, json: { type: 'boolean' },
  });
  if (values['help'] || positionals[0] !== 'unanswered') {
    console.log(`${USAGE}\n${settingsHelp(defs)}`);
    return values['help'] ? 0 : 2;
  }
  if (values['index'] !== undefined) overrides['indexDir'] = values['index'];
  const settingsFor = await loadSettings(values['config'], overrides);
  const settings = settingsFor(serverSettings);
  const days = values['days'] === undefined ? settings.retentionDays : Number(values['days']);
  if (!Number.isFinite(days) || days <= 0) {
    console.error('auskunft report: --days must be a positive number.');
    return 2;
  }
  const { retriever } = await openIndexOnDisk(settings, createEmbedderFromSettings(settingsFor(embedderSettings)));
  const store = createSqliteStore(settings.storePath);
  try {
    const since = new Date(Date.now() - days * 86_400_000).toISOString();
    const groups = await reportUnanswered(await store.listQueries(since), await store.listFeedback(since), retriever);
    if (typeof values['csv'] === 'string') {
      await writeFile(values['csv'], `\uFEFF${unansweredCsv(groups)}`);
      console.log(`${groups.length} topics written to ${values['csv']}.`);
    } else if (values['json']) {
      console.log(JSON.stringify(groups, null, 2));
    } else if (groups.length === 0) {
      console.log(`No unanswered questions in the last ${days} days.`);
    } else {
      console.log(`Unanswered questions of the last ${days} days, by topic (most frequent first):\n`);
      for (const g of groups) {
        console.log(`${String(g.count).padStart(4)}×  ${g.representative}`);
        for (const e of g.examples.slice(1)) console.log(`       also: ${e}`);
        if (g.nearMiss) console.log(`       closest: ${g.nearMiss.title}${g.nearMiss.section ? ` › ${g.nearMiss.section}` : ''} (${Math.round(g.nearMiss.coverage * 100)}% of the words) ${g.nearMiss.url}`);
      }
    }
  } finally {
    await store.close();
  }
  return 0;
}
