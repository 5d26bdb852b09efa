// `recommend` (and bare `mlflow-advisor`): resolve answers, run the engine, render, gate.
import { writeFile } from 'node:fs/promises';
import { catalog } from '../../catalog/catalog.js';
import { TOOL_IDS } from '../../catalog/ids.js';
import { recommend } from '../../engine/recommend.js';
import type { Answers } from '../../engine/types.js';
import { ExpectationError, InputError } from '../../errors.js';
import { readAnswersFile } from '../../questionnaire/answers-file.js';
import { deferPrompter } from '../../questionnaire/defer-prompter.js';
import type { InteractivePrompter } from '../../questionnaire/prompter.js';
import { resolveAnswers } from '../../questionnaire/resolve.js';
import { renderJson } from '../../render/json.js';
import { colourLevel } from '../../render/style.js';
import { didYouMean } from '../../util/suggest.js';
import type { Io } from '../io.js';

export interface RecommendFlags {
  answers?: string;
  json?: boolean;
  format?: 'table' | 'json' | 'markdown';
  interactive?: boolean;
  save?: string;
  expect?: string;
  output?: string;
  [question: string]: unknown;
}

export function parseExpect(raw: string): string[] {
  const tools = raw.split(',').map((s) => s.trim()).filter(Boolean);
  if (tools.length === 0) throw new InputError(`--expect: name one or more tools: ${TOOL_IDS.join(', ')}.`);
  for (const t of tools) {
    if (!(TOOL_IDS as readonly string[]).includes(t)) {
      throw new InputError(`--expect: "${t}" is not a tool; use any of: ${TOOL_IDS.join(', ')}.${didYouMean(t, TOOL_IDS)}`);
    }
  }
  return [...new Set(tools)].sort();
}

const loadPrompter = async (io: Io): Promise<InteractivePrompter> => (await import('../../questionnaire/prompter.js')).createPrompter(catalog, io);

/** `makePrompter` is for tests, which render the questionnaire on a fake screen. */
export async function runRecommend(opts: RecommendFlags, io: Io, makePrompter = loadPrompter): Promise<void> {
  const format = opts.json ? 'json' : (opts.format ?? 'table');
  if (opts.json && opts.format && opts.format !== 'json') {
    throw new InputError(`--json and --format ${opts.format} disagree; give one of them.`);
  }
  const expected = opts.expect !== undefined ? parseExpect(opts.expect) : undefined;
  // Prompts render on stderr: with it redirected they would wait unseen, so it must be a terminal too.
  const interactive = opts.interactive !== false && io.stdoutIsTTY && io.stderrIsTTY && io.stdinIsTTY;

  if (opts.answers === '-' && io.stdinIsTTY) {
    throw new InputError('--answers -: standard input is a terminal; pipe the answers in (e.g. --answers - < team.json) or give a file.');
  }
  // io.stdin only for `-`: creating standard input's stream costs a run about 2 MB.
  const stdin = opts.answers === '-' ? io.stdin : undefined;
  const file = opts.answers !== undefined ? await readAnswersFile(opts.answers, catalog, stdin) : undefined;
  const flags: Partial<Answers> = {};
  for (const q of catalog.questions) if (opts[q.id] !== undefined) flags[q.id] = opts[q.id] as string | string[];

  const prompter = interactive ? deferPrompter(() => makePrompter(io)) : undefined;
  const resolved = await resolveAnswers(catalog, { flags, file }, prompter);
  const started = io.debug ? process.hrtime.bigint() : 0n;
  const result = recommend(resolved.answers, catalog, { defaulted: resolved.defaulted });
  if (io.debug) {
    const ms = Number(process.hrtime.bigint() - started) / 1e6;
    const samples = catalog.model.sensitivity.samples;
    io.debug(`recommend() took ${ms.toFixed(2)} ms in this process (${samples} sensitivity samples, ${result.recommendation.flips.length} flips)`);
  }

  let text: string;
  if (format === 'json') text = renderJson(result);
  else if (format === 'markdown') text = (await import('../../render/markdown.js')).renderMarkdown(result, catalog, recordDate(io.env));
  else {
    const toFile = opts.output !== undefined;
    const { renderTable } = await import('../../render/table.js');
    text = renderTable(result, catalog, {
      colour: toFile ? 0 : colourLevel(io.env, io.stdoutIsTTY),
      columns: io.columns,
    });
  }

  if (opts.output !== undefined) {
    await writeOut(opts.output, text);
    io.stderr.write(`Wrote ${opts.output}\n`);
  } else io.stdout.write(text);

  // --save is the non-interactive way; after a questionnaire, offer it.
  const asked = Object.values(resolved.origins).includes('prompt');
  const savePath = opts.save ?? (prompter && asked ? await prompter.offerSave() : undefined);
  if (savePath !== undefined) {
    await writeOut(savePath, renderJson(resolved.answers));
    io.stderr.write(`Saved answers to ${savePath} (replay with --answers ${savePath})\n`);
  }

  if (expected) {
    const got = [...result.recommendation.tools].sort();
    if (got.join() !== expected.join()) {
      throw new ExpectationError(`expected ${expected.join(',')} but the advice is ${got.join(',')}.`);
    }
  }
}

/** The decision record's date: today, or SOURCE_DATE_EPOCH (seconds) for reproducible records. */
export function recordDate(env: NodeJS.ProcessEnv): Date {
  const raw = env.SOURCE_DATE_EPOCH;
  if (raw === undefined || raw === '') return new Date();
  if (!/^\d+$/.test(raw.trim())) throw new InputError(`SOURCE_DATE_EPOCH: "${raw}" is not a Unix time in seconds; unset it or give one like 1767225600.`);
  return new Date(Number(raw.trim()) * 1000);
}

async function writeOut(path: string, text: string): Promise<void> {
  try {
    await writeFile(path, text);
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    throw new InputError(`${path}: cannot write (${code === 'ENOENT' ? 'no such directory' : code === 'EACCES' ? 'permission denied' : code === 'EISDIR' ? 'is a directory' : String(code)}).`);
  }
}
