import { createEmbedderFromSettings, embedderSettings, passageUrl } from '@auskunft/core';
import { answerContext, createGeneratorFromSettings, serverSettings, streamAnswer, type Answer } from '@auskunft/server';
import { existsSync } from 'node:fs';
import { createEditorOverlay, createEditorStore } from '@auskunft/server';
import { openIndexOnDisk, sqliteSql } from '@auskunft/server/node';
import { loadSettings } from './config-file.js';
import { parseCommandArgs, settingsHelp } from './options.js';

const USAGE = `Usage: auskunft ask "<question>" [--index <dir>] [--json] [options]

Shows what the chat would answer and why: the passages each ranker found (BM25 score, vector
similarity, share of the question's words found), how the message was understood (what it asks,
the kind of answer wanted, follow-up or not, its key concepts), the answer units considered with
the reasons for their ranking, why the assistant answered or declined, and the final answer with
its citations and hand-off. Uses the same settings as \`auskunft serve\`.
`;

export async function askCommand(argv: string[]): Promise<number> {
  const defs = [serverSettings, embedderSettings];
  const { values, positionals, overrides } = parseCommandArgs(argv, defs, { index: { type: 'string' }, json: { type: 'boolean' } });
  if (values['help']) {
    console.log(`${USAGE}\n${settingsHelp(defs)}`);
    return 0;
  }
  const question = positionals.join(' ').trim();
  if (!question) {
    console.error(`auskunft ask: give a question in quotes, e.g. auskunft ask "Wer zahlt den Umbau meines Autos?"\n\n${USAGE}`);
    return 2;
  }
  if (values['index'] !== undefined) overrides['indexDir'] = values['index'];
  const settingsFor = await loadSettings(values['config'], overrides);
  const settings = settingsFor(serverSettings);
  const embedder = createEmbedderFromSettings(settingsFor(embedderSettings));
  // Entries released in the editors' console answer as they do on the server (when its store exists).
  const consoleSql = settings.storePath !== ':memory:' && existsSync(settings.storePath) ? sqliteSql(settings.storePath) : null;
  const editorEntries = consoleSql ? createEditorOverlay(createEditorStore(consoleSql), { intervalMs: 60_000 }) : undefined;
  const { index, retriever } = await openIndexOnDisk(settings, embedder, editorEntries);

  const retrieval = await retriever.retrieve(question, 10);
  let answer: Answer | undefined;
  const generator = createGeneratorFromSettings(settings);
  const events = streamAnswer(answerContext(settings, { retriever, passages: index.passages, generator }), question, []);
  for await (const event of events) if (event.type === 'done') answer = event.answer;
  consoleSql?.close();

  if (values['json']) {
    console.log(JSON.stringify({ question, terms: retrieval.terms, passages: retrieval.passages.map((p) => ({ url: passageUrl(p.passage), title: p.passage.title, section: p.passage.section, kind: p.passage.kind, fused: p.score, bm25: p.bm25, similarity: p.similarity, coverage: p.coverage, ...(p.faqMatch !== undefined ? { faqMatch: p.faqMatch } : {}), ...(p.exactMatch ? { exactMatch: p.exactMatch } : {}) })), answer }, null, 2));
    return 0;
  }
  console.log(`Question: ${question}\nTerms:    ${retrieval.terms.join(', ') || '(none)'}\nIndex:    ${index.manifest.version}\n`);
  console.log('  #  fused    bm25   vector  words  passage');
  retrieval.passages.forEach((p, i) => {
    const kind = p.passage.kind === 'faq' ? ' [FAQ]' : '';
    const where = `${p.passage.title}${p.passage.section ? ` › ${p.passage.section}` : ''}${kind}`;
    console.log(`${String(i + 1).padStart(3)}  ${p.score.toFixed(4)}  ${p.bm25.toFixed(2).padStart(6)}  ${p.similarity.toFixed(2).padStart(6)}  ${`${Math.round(p.coverage * 100)}%`.padStart(5)}  ${where}\n${' '.repeat(38)}${passageUrl(p.passage)}`);
  });
  if (!answer) return 1;
  const trace = answer.trace;
  if (trace) {
    console.log(`\nUnderstood: ${trace.understood} (answering in ${trace.language === 'en' ? 'English' : 'German'})`);
    console.log(`  question type: ${trace.questionType}${trace.followUp ? `; a follow-up, searched as "${trace.query}"` : ''}`);
    console.log(`  key concepts:  ${trace.keyConcepts.join(', ') || '(none)'}`);
    if (trace.units.length) console.log('Answer units (best first):');
    trace.units.slice(0, 5).forEach((u, i) => console.log(`  ${i + 1}. ${u.title}${u.heading ? ` › ${u.heading}` : ''}  score ${u.score}, coverage ${Math.round(u.coverage * 100)}%\n     ${u.reasons.join('; ')}`));
    console.log(`Decision: ${trace.decision}`);
  }
  console.log(`FAQ match: ${answer.generated === 'faq' ? 'yes, the editors\' reviewed answer is quoted verbatim' : 'no'}`);
  console.log(`Answer (${answer.generated}${answer.model ? `, ${answer.model}` : ''}${answer.confident ? '' : ', declined and handed off'}${answer.fallback ? `, fallback: ${answer.fallback}` : ''}):\n  ${answer.text}`);
  for (const s of answer.sources) console.log(`  [${s.n}] ${s.title}${s.section ? ` › ${s.section}` : ''}\n      ${s.url}`);
  if (answer.handoff) {
    const c = answer.handoff.contact;
    console.log(`Hand-off: ${c ? `${c.name}${c.phone ? `, ${c.phone}` : ''}${c.email ? `, ${c.email}` : ''} (from ${c.origin}) ` : ''}${answer.handoff.title} ${answer.handoff.url}`);
  }
  return 0;
}
