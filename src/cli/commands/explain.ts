// `explain TOOL`: a tool's profile with every line cited.
import { toolIds, type ToolId } from '../../catalog/ids.js';
import { toolProfile } from '../../catalog/profiles.js';
import type { Catalog } from '../../catalog/schema.js';
import { catalogFromFlag } from '../catalog-files.js';
import { InputError } from '../../errors.js';
import { renderJson } from '../../render/json.js';
import { colourLevel } from '../../render/style.js';
import { didYouMean } from '../../util/suggest.js';
import type { Io } from '../io.js';

export function findTool(raw: string, catalog: Catalog): ToolId {
  const id = raw.trim().toLowerCase();
  const ids = toolIds(catalog);
  if (ids.includes(id)) return id;
  throw new InputError(`unknown tool "${raw}"; use one of: ${ids.join(', ')}.${didYouMean(id, ids)}`);
}

export async function runExplain(raw: string, opts: { json?: boolean; catalog?: string[] }, io: Io): Promise<void> {
  const catalog = await catalogFromFlag(opts.catalog);
  const profile = toolProfile(findTool(raw, catalog), catalog);
  if (opts.json) {
    io.stdout.write(renderJson(profile));
    return;
  }
  const { renderProfile } = await import('../../render/profile.js');
  io.stdout.write(renderProfile(profile, { colour: colourLevel(io.env, io.stdoutIsTTY), columns: io.columns }));
}
