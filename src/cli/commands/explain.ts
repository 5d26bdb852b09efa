// `explain TOOL`: a tool's profile with every line cited.
import { TOOL_IDS, type ToolId } from '../../catalog/ids.js';
import { toolProfile } from '../../catalog/profiles.js';
import { InputError } from '../../errors.js';
import { renderJson } from '../../render/json.js';
import { colourLevel } from '../../render/style.js';
import { didYouMean } from '../../util/suggest.js';
import type { Io } from '../io.js';

export function findTool(raw: string): ToolId {
  const id = raw.trim().toLowerCase();
  if ((TOOL_IDS as readonly string[]).includes(id)) return id as ToolId;
  throw new InputError(`unknown tool "${raw}"; use one of: ${TOOL_IDS.join(', ')}.${didYouMean(id, TOOL_IDS)}`);
}

export async function runExplain(raw: string, opts: { json?: boolean }, io: Io): Promise<void> {
  const profile = toolProfile(findTool(raw));
  if (opts.json) {
    io.stdout.write(renderJson(profile));
    return;
  }
  const { renderProfile } = await import('../../render/profile.js');
  io.stdout.write(renderProfile(profile, { colour: colourLevel(io.env, io.stdoutIsTTY), columns: io.columns }));
}
