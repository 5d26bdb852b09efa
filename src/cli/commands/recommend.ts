// `recommend` (and bare `mlflow-advisor`): resolve answers, run the engine, render, gate.
import { writeFile } from 'node:fs/promises';
import { catalog } from '../../catalog/catalog.js';
import { TOOL_IDS } from '../../catalog/ids.js';
import { recommend } from '../../engine/recommend.js';
import type { Answers } from '../../engine/types.js';
import { ExpectationError, InputError } from '../../errors.js';
import { deferPrompter } from '../../questionnaire/defer-prompter.js';
import type { InteractivePrompter } from '../../questionnaire/prompter.js';
import { resolveAnswers } from '../../questionnaire/resolve.js';
import type { Result } from '../../schema/result.js';
import { readMembers } from '../../team/members-file.js';
import { renderJson } from '../../render/json.js';
import { colourLevel } from '../../render/style.js';
import { didYouMean } from '../../util/suggest.js';
import type { FORMATS } from '../formats.js';
import type { Io } from '../io.js';

export interface RecommendFlags {
  /** One file, or several (one per team member) when --answers is repeated. */
  answers?: string | string[];
  member?: string;
  json?: boolean;
  format?: (typeof FORMATS)[number];
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

  const files = opts.answers === undefined ? [] : [opts.answers].flat();
  if (files.includes('-') && io.stdinIsTTY) {
    throw new InputError('--answers -: standard input is a terminal; pipe the answers in (e.g. --answers - < team.json) or give a file.');
  }
  if (files.filter((f) => f === '-').length > 1) throw new InputError('--answers -: standard input can be read once; give the other members as files.');
  if (opts.member !== undefined && opts.save === undefined) {
    throw new InputError('--member NAME: needs --save TEAMFILE, the team file to add these answers to (e.g. --member alice --save team.json).');
  }
  // io.stdin only for `-`: creating standard input's stream costs a run about 2 MB.
  const stdin = files.includes('-') ? io.stdin : undefined;
  const read = [];
  for (const f of files) read.push(await readMembers(f, catalog, f === '-' ? stdin : undefined));
  const flags: Partial<Answers> = {};
  for (const q of catalog.questions) if (opts[q.id] !== undefined) flags[q.id] = opts[q.id] as string | string[];
  // Several files, or one team file: the team's decision (no questionnaire: each member answered).
  if (read.length > 1 || read.some((r) => r.teamFile)) {
    if (opts.member !== undefined) throw new InputError('--member: adds one person\'s answers; give at most one plain --answers file with it.');
    const { recommendTeam } = await import('../../team/team.js');
    const members = read.flatMap((r) => r.members);
    const result = recommendTeam(members, catalog, { flags });
    await emit(result, format, opts, io);
    if (opts.save !== undefined) {
      // The team as one team file: replayable with a single --answers.
      await writeOut(opts.save, JSON.stringify({ members: members.map((m) => ({ name: m.name, answers: { ...m.answers, ...flags } })) }, null, 2) + '\n');
      io.stderr.write(`Saved the team's answers to ${opts.save} (replay with --answers ${opts.save})\n`);
    }
    gate(expected, result.recommendation.tools);
    return;
  }
  const file = read[0]?.members[0]!.answers;

  const prompter = interactive ? deferPrompter(() => makePrompter(io)) : undefined;
  const resolved = await resolveAnswers(catalog, { flags, file }, prompter);
  const started = io.debug ? process.hrtime.bigint() : 0n;
  const result = recommend(resolved.answers, catalog, { defaulted: resolved.defaulted });
  if (io.debug) {
    const ms = Number(process.hrtime.bigint() - started) / 1e6;
    const samples = catalog.model.sensitivity.samples;
    io.debug(`recommend() took ${ms.toFixed(2)} ms in this process (${samples} sensitivity samples, ${result.recommendation.flips.length} flips)`);
  }

  await emit(result, format, opts, io);

  // --save is the non-interactive way; after a questionnaire, offer it.
  const asked = Object.values(resolved.origins).includes('prompt');
  const savePath = opts.save ?? (prompter && asked ? await prompter.offerSave() : undefined);
  if (savePath !== undefined && opts.member !== undefined) {
    const { addMember } = await import('../../team/team-file.js');
    const given = Object.fromEntries(catalog.questions.filter((q) => resolved.origins[q.id] !== 'default').map((q) => [q.id, resolved.answers[q.id]!]));
    const text = await addMember(savePath, opts.member, given, catalog);
    await writeOut(savePath, text);
    io.stderr.write(`Added ${opts.member} to ${savePath} (the team's advice: --answers ${savePath})\n`);
  } else if (savePath !== undefined) {
    await writeOut(savePath, renderJson(resolved.answers));
    io.stderr.write(`Saved answers to ${savePath} (replay with --answers ${savePath})\n`);
  }

  gate(expected, result.recommendation.tools);
}

function gate(expected: string[] | undefined, tools: readonly string[]): void {
  if (!expected) return;
  const got = [...tools].sort();
  if (got.join() !== expected.join()) {
    throw new ExpectationError(`expected ${expected.join(',')} but the advice is ${got.join(',')}.`);
  }
}

async function emit(result: Result, format: string, opts: RecommendFlags, io: Io): Promise<void> {
  let text: string;
  if (format === 'json') text = renderJson(result);
  else if (format === 'markdown') text = (await import('../../render/markdown.js')).renderMarkdown(result, catalog, recordDate(io.env));
  else if (format === 'html') text = (await import('../../render/html.js')).renderHtml(result, catalog, recordDate(io.env));
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
