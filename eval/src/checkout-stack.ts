import { spawn, type ChildProcess } from 'node:child_process';
import { execFile } from 'node:child_process';
import { access, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';

/** A checkout's own CLI serving an index it crawled itself, as an operator would run it. */
export interface CheckoutServer {
  /** "current" or "baseline", for the tables. */
  label: string;
  checkout: string;
  /** Short commit id of the checkout (or "unknown" outside git). */
  commit: string;
  /** e.g. 'http://127.0.0.1:41234/' */
  apiUrl: string;
  /** The crawl command's printed report, for the log. */
  crawlReport: string;
  close(): Promise<void>;
}

export interface CheckoutServerOptions {
  label: string;
  checkout: string;
  /** Start URL of the site to crawl. */
  siteUrl: string;
  /** Editor FAQ files to add (--faq-dir), as the demo does. */
  faqDir?: string;
  /** Extra environment for crawl and serve (settings under test). */
  env?: Record<string, string>;
}

// Settings that make a measurement repeatable on a shared machine: no politeness delay against our
// own 127.0.0.1 site, no rate limits (a citizen never sends 200 questions a minute, the harness
// does), no logs or query store written into the checkout.
function baseEnv(workDir: string): Record<string, string> {
  return {
    AUSKUNFT_CRAWL_DELAY_MS: '0',
    AUSKUNFT_CRAWL_CONCURRENCY: '4',
    AUSKUNFT_HOST: '127.0.0.1',
    AUSKUNFT_PORT: '0',
    AUSKUNFT_CHAT_RATE_LIMIT: '0',
    AUSKUNFT_SEARCH_RATE_LIMIT: '0',
    AUSKUNFT_LOG: 'false',
    AUSKUNFT_QUERY_LOG: 'false',
    AUSKUNFT_RELOAD_INTERVAL_MS: '0',
    // One process: the measurements compare answers, and a second worker only competes for the
    // cores with the load of the run itself. Older checkouts ignore the variable.
    AUSKUNFT_WORKERS: '1',
    AUSKUNFT_STORE_PATH: join(workDir, 'auskunft.sqlite'),
  };
}

/** Which AUSKUNFT_* variables of the caller's environment reach the child (LLM settings, embedder …). */
function inheritedEnv(): Record<string, string> {
  const env: Record<string, string> = {};
  for (const [key, value] of Object.entries(process.env)) {
    if (value !== undefined && !key.startsWith('AUSKUNFT_')) env[key] = value;
  }
  for (const [key, value] of Object.entries(process.env)) {
    if (value !== undefined && key.startsWith('AUSKUNFT_') && !key.startsWith('AUSKUNFT_EVAL_') && key !== 'AUSKUNFT_INDEX_DIR' && key !== 'AUSKUNFT_CONFIG') env[key] = value;
  }
  return env;
}

/**
 * Crawls `siteUrl` with `node <checkout>/cli/bin/auskunft.js crawl` into a temporary index and
 * starts `auskunft serve` on it on 127.0.0.1 with a free port. The working directory is a fresh
 * temporary folder, so no auskunft.config.json of the caller changes the result.
 */
export async function startCheckoutServer(options: CheckoutServerOptions): Promise<CheckoutServer> {
  const checkout = resolve(options.checkout);
  const cli = join(checkout, 'cli', 'bin', 'auskunft.js');
  try {
    await access(join(checkout, 'cli', 'dist', 'main.js'));
    await access(cli);
  } catch {
    throw new Error(`${checkout} ist kein gebauter Auskunft-Checkout (cli/bin/auskunft.js und cli/dist/main.js fehlen). Bitte dort "npm ci && npm run build" ausführen.`);
  }
  const workDir = await mkdtemp(join(tmpdir(), `auskunft-eval-${options.label}-`));
  const indexDir = join(workDir, 'index');
  const env = { ...inheritedEnv(), ...baseEnv(workDir), ...options.env };
  try {
    const crawlArgs = [cli, 'crawl', options.siteUrl, '--out', indexDir, ...(options.faqDir ? ['--faq-dir', options.faqDir] : [])];
    const crawl = await run(crawlArgs, { cwd: workDir, env });
    if (crawl.code !== 0) throw new Error(`auskunft crawl (${options.label}) endete mit Code ${crawl.code}:\n${crawl.output.slice(-2000)}`);
    const server = await startServe(cli, indexDir, workDir, env, options.label);
    return {
      label: options.label,
      checkout,
      commit: await commitOf(checkout),
      apiUrl: server.url,
      crawlReport: crawl.output.trim(),
      async close() {
        await server.stop();
        await rm(workDir, { recursive: true, force: true });
      },
    };
  } catch (error) {
    await rm(workDir, { recursive: true, force: true });
    throw error;
  }
}

function run(args: string[], options: { cwd: string; env: Record<string, string> }): Promise<{ code: number; output: string }> {
  return new Promise((resolvePromise, reject) => {
    const child = spawn(process.execPath, args, { cwd: options.cwd, env: options.env, stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    child.stdout.on('data', (d: Buffer) => (output += d.toString()));
    child.stderr.on('data', (d: Buffer) => (output += d.toString()));
    child.once('error', reject);
    child.once('close', (code) => resolvePromise({ code: code ?? 1, output }));
  });
}

async function startServe(cli: string, indexDir: string, cwd: string, env: Record<string, string>, label: string): Promise<{ url: string; stop(): Promise<void> }> {
  const child = spawn(process.execPath, [cli, 'serve', '--index', indexDir, '--port', '0'], { cwd, env, stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  const url = await new Promise<string>((resolvePromise, reject) => {
    const timer = setTimeout(() => fail(new Error(`auskunft serve (${label}) meldete sich nicht innerhalb von 60 s:\n${output.slice(-2000)}`)), 60_000);
    const fail = (error: Error) => {
      clearTimeout(timer);
      child.kill('SIGTERM');
      reject(error);
    };
    const onData = (d: Buffer) => {
      output += d.toString();
      const match = /listening on (http:\/\/\S+)/.exec(output);
      if (match) {
        clearTimeout(timer);
        resolvePromise(match[1]!.endsWith('/') ? match[1]! : `${match[1]}/`);
      }
    };
    child.stdout!.on('data', onData);
    child.stderr!.on('data', onData);
    child.once('exit', (code) => fail(new Error(`auskunft serve (${label}) endete mit Code ${code}:\n${output.slice(-2000)}`)));
  });
  return { url, stop: () => stopChild(child) };
}

function stopChild(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolvePromise) => {
    const timer = setTimeout(() => child.kill('SIGKILL'), 5000);
    child.once('exit', () => {
      clearTimeout(timer);
      resolvePromise();
    });
    child.kill('SIGTERM');
  });
}

async function commitOf(checkout: string): Promise<string> {
  try {
    const { stdout } = await promisify(execFile)('git', ['-C', checkout, 'rev-parse', '--short', 'HEAD']);
    return stdout.trim();
  } catch {
    return 'unknown';
  }
}
