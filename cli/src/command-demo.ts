import { fileURLToPath } from 'node:url';
import { ANALYSIS_VERSION, createEmbedderFromSettings, defineSettings, embedderSettings } from '@auskunft/core';
import { crawlSettings, crawlSite } from '@auskunft/crawler';
import { startDemoSite } from '@auskunft/demo-site';
import { serverSettings } from '@auskunft/server';
import { startNodeServer } from '@auskunft/server/node';
import { closeOnSignal } from './command-serve.js';
import { listVersions } from '@auskunft/core/fs';
import { loadSettings } from './config-file.js';
import { parseCommandArgs, settingsHelp } from './options.js';
import { createProgressPrinter, formatReport } from './progress.js';

export const demoSettings = defineSettings({
  demoSitePort: {
    type: 'integer', key: 'demo.sitePort', env: 'AUSKUNFT_DEMO_SITE_PORT', default: 8081, min: 1, max: 65535,
    doc: 'Port of the bundled demo website (the pages that embed the widget).',
  },
});

const USAGE = `Usage: auskunft demo [options]   (what \`npm start\` runs)

Serves the bundled demo website of a fictional authority with the widget embedded, builds its
index into index-data/ on first start (or when the demo site's address changed), and serves the
API. Open the printed demo URL and ask a question.
`;

export async function demoCommand(argv: string[]): Promise<number> {
  const defs = [demoSettings, serverSettings];
  const { values, overrides } = parseCommandArgs(argv, defs);
  if (values['help']) {
    console.log(`${USAGE}\n${settingsHelp(defs)}`);
    return 0;
  }
  const settingsFor = await loadSettings(values['config'], overrides);
  const demo = settingsFor(demoSettings);
  const server = settingsFor(serverSettings);
  const embedding = settingsFor(embedderSettings);
  if (server.port === 0) {
    console.error('auskunft demo: the demo pages must know the API port in advance; set a fixed AUSKUNFT_PORT instead of 0.');
    return 2;
  }
  const api = `http://${server.host}:${server.port}`;
  const site = await startDemoSite({
    host: '127.0.0.1',
    port: demo.demoSitePort,
    // The widget replaces the site's own search form in the header (#auskunft-suche); the
    // links point to the demo site's privacy, accessibility and Leichte-Sprache pages.
    injectBeforeBodyEnd: `<script src="${api}/widget.js" data-api="${api}" data-target="#auskunft-suche" data-privacy-url="/datenschutz/" data-accessibility-url="/barrierefreiheit/" data-easy-language-url="/leichte-sprache/" data-accent="#0b5a6b" defer></script>`,
  });
  try {
    const embedder = createEmbedderFromSettings(embedding);
    const live = (await listVersions(server.indexDir)).find((v) => v.current)?.manifest;
    // Rebuild when there is none, the site moved to another port, or a newer embedder (or analysis) is in use.
    if (!live || live.source.startUrls[0] !== site.url || live.embedder.id !== embedder.id || live.analysis !== ANALYSIS_VERSION) {
      console.log(`Building the demo index from ${site.url} into ${server.indexDir}/ …`);
      const crawl = settingsFor(crawlSettings, {});
      const report = await crawlSite({
        startUrls: [site.url],
        outDir: server.indexDir,
        embedder,
        // Our own local site: no politeness delay needed. The demo's editor FAQs live beside it.
        // The demo's index directory holds the demo site only; a new port is the same site.
        replaceSite: true,
        settings: { ...crawl, faqDir: crawl.faqDir ?? fileURLToPath(new URL('../faq/', import.meta.resolve('@auskunft/demo-site'))), delayMs: 0, concurrency: 4 },
        onProgress: createProgressPrinter(),
      });
      if (process.stderr.isTTY) process.stderr.write('\n');
      console.log(formatReport(report));
    }
    const running = await startNodeServer({ ...server, corsOrigins: [...server.corsOrigins, new URL(site.url).origin] }, embedding);
    console.log(`\nAuskunft demo is ready.\n  Demo website with the widget: ${site.url}\n  API: ${running.url}api/search?q=Schwerbehindertenausweis\n\nPress Ctrl+C to stop.`);
    await closeOnSignal(running.close, site.close);
  } catch (error) {
    await site.close();
    throw error;
  }
  return 0;
}
