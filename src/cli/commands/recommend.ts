// `recommend` (and bare `mlflow-advisor`): resolve answers, run the engine, render, gate.
import { dirname, relative, resolve } from 'node:path';
import { catalog as builtIn } from '../../catalog/catalog.js';
import { TOOLS_QUESTION, toolIds } from '../../catalog/ids.js';
import type { Catalog } from '../../catalog/schema.js';
import { recommend } from '../../engine/recommend.js';
import type { Answers } from '../../engine/types.js';
import { ExpectationError, InputError, WriteError } from '../../errors.js';
import { answersText } from '../../questionnaire/answers-out.js';
import { deferPrompter } from '../../questionnaire/defer-prompter.js';
import type { InteractivePrompter } from '../../questionnaire/prompter.js';
import { applies } from '../../questionnaire/questions.js';
import { parseValue, resolveAnswers } from '../../questionnaire/resolve.js';
import type { Result } from '../../schema/result.js';
import { readAnswersDocument } from '../../questionnaire/answers-file.js';
import { membersFromDocument } from '../../team/members-file.js';
import { SHIPPED_CATALOGS, catalogPath, loadCatalog, takeCatalogRefs } from '../catalog-files.js';
import { renderJson } from '../../render/json.js';
import { colourLevel } from '../../render/style.js';
import { escapeControls } from '../../util/quote.js';
import { didYouMean } from '../../util/suggest.js';
import type { FORMATS } from '../formats.js';
import type { Io } from '../io.js';
import { restoringTerminal } from '../signals.js';
import { checkDistinct, planWrite, writePlanned, type WritePlan } from '../write-file.js';

export interface RecommendFlags {
  /** One file, or several (one per team member) when --answers is repeated. */
  answers?: string | string[];
  member?: string;
  json?: boolean;
  format?: (typeof FORMATS)[number];
  interactive?: boolean;
  save?: string;
  force?: boolean;
  expect?: string;
  output?: string;
  detail?: boolean;
  /** --catalog files, applied in order after those an answers file names. */
  catalog?: string[];
  [question: string]: unknown;
}

export function parseExpect(raw: string, catalog: Catalog = builtIn): string[] {
  const ids = toolIds(catalog);
  const tools = raw.split(',').map((s) => s.trim().toLowerCase()).filter(Boolean);
  if (tools.length === 0) throw new InputError(`--expect: name one or more tools: ${ids.join(', ')}.`);
  for (const t of tools) {
    if (!ids.includes(t)) {
      throw new InputError(`--expect: "${t}" is not a tool; use any of: ${ids.join(', ')}.${didYouMean(t, ids)}`);
    }
  }
  return [...new Set(tools)].sort();
}

const loadPrompter = async (io: Io, catalog: Catalog): Promise<InteractivePrompter> => (await import('../../questionnaire/prompter.js')).createPrompter(catalog, io);

/** `makePrompter` is for tests, which render the questionnaire on a fake screen. */
export async function runRecommend(opts: RecommendFlags, io: Io, makePrompter = loadPrompter): Promise<void> {
  const format = opts.json ? 'json' : (opts.format ?? 'table');
  if (opts.json && opts.format && opts.format !== 'json') {
    throw new InputError(`--json and --format ${opts.format} disagree; give one of them.`);
  }
  // Prompts render on stderr: with it redirected they would wait unseen, so it must be a terminal too.
  const interactive = opts.interactive !== false && io.stdoutIsTTY && io.stderrIsTTY && io.stdinIsTTY;

  const files = opts.answers === undefined ? [] : [opts.answers].flat();
  const view: View = { detail: opts.detail === true, answersFiles: files, catalogs: opts.catalog ?? [] };

  // Where files go is checked before anything is read, computed or written: a mistake there exits
  // 2 with nothing written anywhere. `-o -` is standard output, as everywhere.
  const output = opts.output === '-' ? undefined : opts.output;
  if (opts.save === '-') throw new InputError('--save -: standard output carries the result; name a file for the answers.');
  const writes: { flag: string; plan: WritePlan }[] = [];
  const outPlan = output !== undefined ? planWrite(output, '--output') : undefined;
  if (outPlan) writes.push({ flag: '--output', plan: outPlan });
  let savePlan = opts.save !== undefined ? planWrite(opts.save, '--save') : undefined;
  if (savePlan) writes.push({ flag: '--save', plan: savePlan });
  checkDistinct(writes, files);
  // --member adds to the team file --save names, which is meant to exist; anything else replaced is asked for.
  const replacing = savePlan?.exists === true && !opts.force && opts.member === undefined;
  if (replacing && !interactive) throw new InputError(`--save ${savePlan!.path}: exists; add --force to replace it.`);

  if (files.includes('-') && io.stdinIsTTY) {
    throw new InputError('--answers -: standard input is a terminal; pipe the answers in (e.g. --answers - < team.json) or give a file.');
  }
  if (files.filter((f) => f === '-').length > 1) throw new InputError('--answers -: standard input can be read once; give the other members as files.');
  if (opts.member !== undefined && opts.save === undefined) {
    throw new InputError('--member NAME: needs --save TEAMFILE, the team file to add these answers to (e.g. --member alice --save team.json).');
  }
  // io.stdin only for `-`: creating standard input's stream costs a run about 2 MB.
  const stdin = files.includes('-') ? io.stdin : undefined;
  // The answers files first: a `catalog` key in one names catalog files (relative to it), which
  // come before --catalog's; the answers are checked against the catalog they make.
  const docs = [];
  for (const f of files) docs.push({ path: f, ...(await readAnswersDocument(f, f === '-' ? stdin : undefined)) });
  const refs = docs.map((d) => takeCatalogRefs(d.doc, d.where, d.path));
  const catalog = await loadCatalog([...refs.flatMap((r) => r.refs), ...(opts.catalog ?? []).map((c) => catalogPath(c))]);
  const read = docs.map((d, i) => membersFromDocument(refs[i]!.doc, d.where, d.path, catalog));
  const expected = opts.expect !== undefined ? parseExpect(opts.expect, catalog) : undefined;
  const flags: Partial<Answers> = {};
  for (const q of catalog.questions) if (opts[q.id] !== undefined) flags[q.id] = opts[q.id] as string | string[];
  // The tools a team runs are checked here, once the catalog (with an organisation's tools) is known.
  const running = catalog.questions.find((q) => q.id === TOOLS_QUESTION);
  if (running && typeof flags[TOOLS_QUESTION] === 'string') flags[TOOLS_QUESTION] = parseValue(running, flags[TOOLS_QUESTION], `--existing-tools`);
  const prompter = interactive ? restoringTerminal(deferPrompter(() => makePrompter(io, catalog))) : undefined;
  /** On a terminal, replacing an existing --save file is asked before anything is written. */
  const confirmSave = async () => {
    if (!replacing || !prompter || !savePlan || (await prompter.confirmReplace(savePlan.path))) return;
    io.stderr.write(`Not saving the answers: ${escapeControls(savePlan.path)} is kept.\n`);
    savePlan = undefined;
  };
  // Several files, or one team file: the team's decision (no questionnaire: each member answered).
  if (read.length > 1 || read.some((r) => r.teamFile)) {
    if (opts.member !== undefined) throw new InputError('--member: adds one person\'s answers; give at most one plain --answers file with it.');
    const { recommendTeam } = await import('../../team/team.js');
    const members = read.flatMap((r) => r.members);
    const result = recommendTeam(members, catalog, { flags });
    await confirmSave();
    await emit(result, catalog, format, outPlan, io, view);
    if (savePlan !== undefined) {
      // The team as one team file: replayable with a single --answers.
      await writePlanned(savePlan, await answersText(savePlan.path, { members: members.map((m) => ({ name: m.name, answers: { ...m.answers, ...flags } })) }));
      const path = escapeControls(savePlan.path);
      io.stderr.write(`Saved the team's answers to ${path} (replay with --answers ${path})\n`);
    }
    gate(expected, result.recommendation.tools);
    return;
  }
  const file = read[0]?.members[0]!.answers;

  const resolved = await resolveAnswers(catalog, { flags, file }, prompter);
  // Nothing could be asked (no terminal to ask on), yet a person watches standard error, as with
  // `mlflow-advisor > out.txt`: say once which way to answer. Logs (CI, where standard error is
  // no terminal either) keep the output's own list; --no-interactive asks for defaults outright.
  if (!interactive && opts.interactive !== false && io.stderrIsTTY) {
    const n = resolved.defaulted.filter((id) => applies(catalog.questions.find((q) => q.id === id)!, resolved.answers)).length;
    if (n > 0) {
      io.stderr.write(
        `mlflow-advisor: no terminal to ask on, so ${n === 1 ? '1 answer is a default' : `${n} answers are defaults`}; give them as flags (mlflow-advisor questions) or --answers FILE, or add --no-interactive.\n`,
      );
    }
  }
  const started = io.debug ? process.hrtime.bigint() : 0n;
  const result = recommend(resolved.answers, catalog, { defaulted: resolved.defaulted });
  if (io.debug) {
    const ms = Number(process.hrtime.bigint() - started) / 1e6;
    const samples = catalog.model.sensitivity.samples;
    io.debug(`recommend() took ${ms.toFixed(2)} ms in this process (${samples} sensitivity samples, ${result.recommendation.flips.length} flips)`);
  }

  // The team file --member adds to is read and checked before anything is written.
  let teamText: string | undefined;
  if (savePlan !== undefined && opts.member !== undefined) {
    const { addMember } = await import('../../team/team-file.js');
    const given = Object.fromEntries(catalog.questions.filter((q) => resolved.origins[q.id] !== 'default').map((q) => [q.id, resolved.answers[q.id]!]));
    teamText = await addMember(savePlan.path, opts.member, given, catalog);
  }
  await confirmSave();
  await emit(result, catalog, format, outPlan, io, view);

  // --save is the non-interactive way; after a questionnaire, offer it. From here on the result
  // is out: a failure is exit 1, never 2, which promises that nothing was written.
  const asked = Object.values(resolved.origins).includes('prompt');
  if (savePlan === undefined && opts.save === undefined && prompter && asked) {
    const sameRun = (path: string) => {
      try {
        checkDistinct([...writes, { flag: '--save', plan: planWrite(path, '--save') }], files);
        return undefined;
      } catch (e) {
        return e instanceof Error ? e.message : String(e);
      }
    };
    const typed = await prompter.offerSave(sameRun);
    if (typed !== undefined) savePlan = late(() => planWrite(typed, '--save'));
  }
  if (savePlan !== undefined) {
    const path = escapeControls(savePlan.path);
    if (teamText !== undefined) {
      await writePlanned(savePlan, teamText);
      io.stderr.write(`Added ${escapeControls(opts.member!)} to ${path} (the team's advice: --answers ${path})\n`);
    } else {
      // The catalogs go with the answers (relative to the saved file), so the replay sees the same tools.
      const base = dirname(resolve(savePlan.path));
      const named = [...refs.flatMap((r) => r.refs), ...(opts.catalog ?? [])];
      const saved = named.length ? { ...resolved.answers, catalog: named.map((f) => (SHIPPED_CATALOGS[f] ? f : relative(base, resolve(f)))) } : resolved.answers;
      await writePlanned(savePlan, await answersText(savePlan.path, saved));
      io.stderr.write(`Saved answers to ${path} (replay with --answers ${path})\n`);
    }
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

/** How to render: the whole story on the terminal, and the answers files the decision record names. */
interface View {
  detail: boolean;
  answersFiles: readonly string[];
  /** The --catalog files, for the decision record's CI line. */
  catalogs: readonly string[];
}

async function emit(result: Result, catalog: Catalog, format: string, outPlan: WritePlan | undefined, io: Io, view: View): Promise<void> {
  let text: string;
  if (format === 'json') text = renderJson(result);
  else if (format === 'markdown') text = (await import('../../render/markdown.js')).renderMarkdown(result, catalog, recordDate(io.env), view.answersFiles.filter((f) => f !== '-'), view.catalogs);
  else if (format === 'html') text = (await import('../../render/html.js')).renderHtml(result, catalog, recordDate(io.env));
  else {
    const toFile = outPlan !== undefined;
    const { renderTable } = await import('../../render/table.js');
    text = renderTable(result, catalog, {
      colour: toFile ? 0 : colourLevel(io.env, io.stdoutIsTTY),
      // A file is read later, elsewhere: the width a terminal most often has.
      columns: toFile ? 80 : io.columns,
      detail: view.detail,
    });
  }

  if (outPlan) {
    await writePlanned(outPlan, text);
    io.stderr.write(`Wrote ${escapeControls(outPlan.path)}\n`);
  } else io.stdout.write(text);
}

/** A check made after the result is out: its failure is exit 1. */
function late<T>(check: () => T): T {
  try {
    return check();
  } catch (e) {
    throw e instanceof InputError ? new WriteError(e.message) : e;
  }
}

/** The latest SOURCE_DATE_EPOCH taken: the last second of year 9999, the last a four-digit year shows. */
export const MAX_SOURCE_DATE_EPOCH = 253402300799;

/** The decision record's date: today, or SOURCE_DATE_EPOCH (seconds) for reproducible records. */
export function recordDate(env: NodeJS.ProcessEnv): Date {
  const raw = env.SOURCE_DATE_EPOCH;
  if (raw === undefined || raw === '') return new Date();
  const seconds = /^\d{1,12}$/.test(raw.trim()) ? Number(raw.trim()) : NaN;
  if (!(seconds <= MAX_SOURCE_DATE_EPOCH)) {
    throw new InputError(`SOURCE_DATE_EPOCH: "${raw}" is not a Unix time in whole seconds from 0 to ${MAX_SOURCE_DATE_EPOCH} (9999-12-31); unset it or give one like 1767225600.`);
  }
  return new Date(seconds * 1000);
}
