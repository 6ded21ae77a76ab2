import { readFileSync } from 'node:fs';
import { unzipSync } from 'fflate';
import { PNG } from 'pngjs';
import { describe, expect, it } from 'vitest';
import { AppManifestUtils } from '@microsoft/app-manifest';
import { buildAppPackage, substitute } from '../../../scripts/appPackage.js';

describe('the Teams app package', () => {
  it('builds for the local environment, valid against the bundled Teams schema', async () => {
    const pkg = await buildAppPackage('local');
    expect(pkg.errors).toEqual([]);
    expect(Number(String(pkg.manifest.manifestVersion).split('.')[1])).toBeGreaterThanOrEqual(19);
    expect(Object.keys(unzipSync(pkg.zip)).sort()).toEqual(['color.png', 'en.json', 'manifest.json', 'nn.json', 'outline.png']);
    expect(JSON.stringify(pkg.manifest)).not.toContain('${{');
  });

  it('is checked for real: a manifest missing required fields fails validation', async () => {
    const pkg = await buildAppPackage('local');
    const broken = { ...pkg.manifest, name: undefined, bots: [{ botId: 'not-a-guid', scopes: ['everywhere'] }] };
    expect((await AppManifestUtils.validateAgainstSchema(broken as never)).length).toBeGreaterThan(0);
  });

  it('reports variables that have no value instead of leaving them empty', () => {
    expect(substitute('{"id":"${{TEAMS_APP_ID}}","v":"${{APP_VERSION}}"}', { APP_VERSION: '1.0.0' })).toEqual({
      text: '{"id":"","v":"1.0.0"}',
      missing: ['TEAMS_APP_ID'],
    });
  });

  it('has a 192×192 opaque colour icon', () => {
    const png = PNG.sync.read(readFileSync('appPackage/color.png'));
    expect([png.width, png.height]).toEqual([192, 192]);
    for (let i = 3; i < png.data.length; i += 4) expect(png.data[i]).toBe(255);
  });

  it('has a 32×32 outline icon, white on transparent', () => {
    const png = PNG.sync.read(readFileSync('appPackage/outline.png'));
    expect([png.width, png.height]).toEqual([32, 32]);
    let transparent = 0;
    for (let i = 0; i < png.data.length; i += 4) {
      if (png.data[i + 3] === 0) transparent++;
      else expect([png.data[i], png.data[i + 1], png.data[i + 2]]).toEqual([255, 255, 255]);
    }
    expect(transparent).toBeGreaterThan(32 * 32 * 0.5);
  });
});
