import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const root = path.join(import.meta.dirname, '..');

function checkLayers(dir: string) {
  const run = spawnSync(process.execPath, [path.join(root, 'scripts/check-layers.mjs'), dir], {
    cwd: root,
    encoding: 'utf8',
  });
  return { status: run.status, output: `${run.stdout}${run.stderr}` };
}

describe('the layer check (scripts/check-layers.mjs)', () => {
  it('reports the planted violations: node:fs and storage imported from domain, storage from application', () => {
    const { status, output } = checkLayers('test/fixtures/layers/src');
    expect(status).toBe(1);
    expect(output).toMatch(/domain-is-pure: test\/fixtures\/layers\/src\/domain\/planted-violation\.ts → (node:)?fs/);
    expect(output).toMatch(
      /domain-is-pure: test\/fixtures\/layers\/src\/domain\/planted-violation\.ts → test\/fixtures\/layers\/src\/storage\/thing\.ts/,
    );
    expect(output).toMatch(
      /application-layer: test\/fixtures\/layers\/src\/application\/planted-violation\.ts → test\/fixtures\/layers\/src\/storage\/thing\.ts/,
    );
  });

  it('fails when it cruises nothing', () => {
    const { status, output } = checkLayers('test/fixtures/layers/empty-on-purpose');
    expect(status).toBe(1);
    expect(output).toMatch(/cruised 0 modules|did not produce a report/);
  });
});
