/**
 * packaging/linux/grant-capture.sh, run for real on a stand-in capture interpreter (a copy of
 * /usr/bin/true) as root, with a group of the test's own so the machine's `wirewatch` group is left
 * alone; and the deb's maintainer scripts, filled in the way electron-builder fills its templates,
 * parsed by bash.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { copyFileSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const root = resolve(import.meta.dirname, '..');
const script = join(root, 'packaging', 'linux', 'grant-capture.sh');
const group = `ww-p-cap${String(process.pid % 100_000)}`;
const isRoot = process.getuid?.() === 0;
const hasSetcap = spawnSync('sh', ['-c', 'command -v setcap && command -v getcap']).status === 0;

function run(dir: string): { status: number | null; stdout: string; stderr: string } {
  const result = spawnSync('sh', [script, dir], {
    env: { ...process.env, WIREWATCH_CAPTURE_GROUP: group },
    encoding: 'utf8',
  });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

describe.skipIf(!isRoot || !hasSetcap)('grant-capture.sh (needs root and setcap)', () => {
  let dir = '';
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'ww-p-grant-'));
  });
  afterAll(() => {
    rmSync(dir, { recursive: true, force: true });
    spawnSync('groupdel', [group]);
  });

  it('should refuse a folder without a capture interpreter', () => {
    const result = run(dir);
    expect(result.status).toBe(1);
    expect(result.stderr).toContain('wirewatch-capture does not exist');
  });

  it('should give the interpreter cap_net_raw and cap_net_admin, runnable by root and its group only', () => {
    const interpreter = join(dir, 'wirewatch-capture');
    copyFileSync('/usr/bin/true', interpreter);
    const result = run(dir);
    expect(result.stderr).toBe('');
    expect(result.status).toBe(0);
    expect(result.stdout).toContain(`sudo usermod -aG ${group} $USER`);

    expect(execFileSync('getcap', [interpreter], { encoding: 'utf8' })).toMatch(/cap_net_admin,cap_net_raw[=+]eip/);
    const stat = statSync(interpreter);
    expect(stat.mode & 0o7777).toBe(0o750);
    expect(stat.uid).toBe(0);
    const gid = Number(execFileSync('getent', ['group', group], { encoding: 'utf8' }).split(':')[2]);
    expect(stat.gid).toBe(gid);
    // And the interpreter still runs.
    expect(spawnSync(interpreter).status).toBe(0);
  });

  it('should be safe to run again (upgrades run the postinst again)', () => {
    expect(run(dir).status).toBe(0);
    expect(execFileSync('getcap', [join(dir, 'wirewatch-capture')], { encoding: 'utf8' })).toMatch(/cap_net_raw/);
  });
});

describe('the deb maintainer scripts', () => {
  // electron-builder substitutes these (app-builder-lib targets/FpmTarget.ts, bashTemplateOptions).
  const fill = (text: string): string =>
    text.replaceAll('${executable}', 'wirewatch').replaceAll('${sanitizedProductName}', 'Wirewatch');

  for (const name of ['postinst', 'postrm']) {
    it(`should give bash a ${name} it can parse once filled in`, () => {
      const dir = mkdtempSync(join(tmpdir(), 'ww-p-deb-'));
      try {
        const path = join(dir, name);
        writeFileSync(path, fill(readFileSync(join(root, 'packaging', 'deb', name), 'utf8')));
        const result = spawnSync('bash', ['-n', path], { encoding: 'utf8' });
        expect(result.stderr).toBe('');
        expect(result.status).toBe(0);
      } finally {
        rmSync(dir, { recursive: true, force: true });
      }
    });
  }

  it('should keep electron-builder’s own install steps in the postinst', () => {
    const postinst = readFileSync(join(root, 'packaging', 'deb', 'postinst'), 'utf8');
    for (const step of [
      'update-alternatives --install',
      'chrome-sandbox',
      'update-mime-database',
      'update-desktop-database',
      'apparmor_parser',
    ]) {
      expect(postinst).toContain(step);
    }
  });
});
