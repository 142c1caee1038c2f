import { isAuskunftError } from '@auskunft/core';
import { askCommand } from './command-ask.js';
import { crawlCommand } from './command-crawl.js';
import { editorCommand } from './command-editor.js';
import { demoCommand } from './command-demo.js';
import { exportVectorizeCommand } from './command-export-vectorize.js';
import { exportWorkerCommand } from './command-export-worker.js';
import { faqCommand } from './command-faq.js';
import { indexCommand } from './command-index.js';
import { reportCommand } from './command-report.js';
import { serveCommand } from './command-serve.js';

const HELP = `auskunft — semantic site search and grounded FAQ chat for public authorities

Commands:
  auskunft crawl <start-url> --out <index-dir>   build a search index of a website
  auskunft serve --index <index-dir> --port <p>  serve search, chat and the widget
  auskunft faq validate [<faq-dir>]              check the editors' FAQ files before a crawl
  auskunft faq export <dir>                      write the console's released entries as FAQ files
  auskunft editor add-user|list-users|…          accounts of the editors' console (/editor/)
  auskunft ask "<question>"                      what the chat would answer, and why
  auskunft report unanswered                     questions citizens got no answer to, by topic
  auskunft index list|rollback|prune             manage index versions (no server restart needed)
  auskunft demo                                  the bundled demo site with widget (npm start)
  auskunft export-worker --index <index-dir>     put an index into the Cloudflare Worker's assets
  auskunft export-vectorize --index <index-dir>  export the vectors for Cloudflare Vectorize

Run \`auskunft <command> --help\` for all options. Every option can also be set with an
AUSKUNFT_* environment variable or in auskunft.config.json.`;

const COMMANDS: Record<string, (argv: string[]) => Promise<number>> = {
  crawl: crawlCommand,
  serve: serveCommand,
  demo: demoCommand,
  index: indexCommand,
  ask: askCommand,
  report: reportCommand,
  faq: faqCommand,
  editor: editorCommand,
  'export-worker': exportWorkerCommand,
  'export-vectorize': exportVectorizeCommand,
};

/** Runs the CLI; returns the exit code. Known errors print their message without a stack. */
export async function main(argv: string[]): Promise<number> {
  const [name, ...rest] = argv;
  if (!name || name === '--help' || name === '-h' || name === 'help') {
    console.log(HELP);
    return name ? 0 : 2;
  }
  const command = COMMANDS[name];
  if (!command) {
    console.error(`auskunft: unknown command "${name}".\n\n${HELP}`);
    return 2;
  }
  try {
    return await command(rest);
  } catch (error) {
    if (isAuskunftError(error)) {
      console.error(`auskunft ${name}: ${error.message}`);
      return 1;
    }
    if (error instanceof TypeError && 'code' in error && String(error.code).startsWith('ERR_PARSE_ARGS')) {
      console.error(`auskunft ${name}: ${error.message}. See \`auskunft ${name} --help\`.`);
      return 2;
    }
    throw error;
  }
}
