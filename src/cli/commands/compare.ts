// `compare`: the catalog's tools side by side on every criterion.
import { comparison } from '../../catalog/profiles.js';
import { catalogFromFlag } from '../catalog-files.js';
import { renderJson } from '../../render/json.js';
import { colourLevel } from '../../render/style.js';
import type { Io } from '../io.js';

export async function runCompare(opts: { json?: boolean; catalog?: string[] }, io: Io): Promise<void> {
  const data = comparison(await catalogFromFlag(opts.catalog));
  if (opts.json) {
    io.stdout.write(renderJson(data));
    return;
  }
  const { renderComparison } = await import('../../render/profile.js');
  io.stdout.write(renderComparison(data, { colour: colourLevel(io.env, io.stdoutIsTTY), columns: io.columns }));
}
