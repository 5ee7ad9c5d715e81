/** `npm run --silent extract -- <page.html> --url <url>`, run as a user would. */
import { execFile } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { FIXTURES } from './fixtures';

const ROOT = resolve(import.meta.dirname, '../..');
const run = async (...args: string[]) => {
  try {
    const { stdout, stderr } = await promisify(execFile)('npm', ['run', '--silent', 'extract', '--', ...args], { cwd: ROOT });
    return { code: 0, stdout, stderr };
  } catch (error) {
    const e = error as { code: number; stdout: string; stderr: string };
    return { code: e.code, stdout: e.stdout, stderr: e.stderr };
  }
};

describe('extract script', { timeout: 90_000 }, () => {
  it('prints one JSON object: the expected extraction plus missing', async () => {
    const page = resolve(FIXTURES, 'legacy/fiche-entreprise/etablissement-35600000009075.html');
    const expected = JSON.parse(readFileSync(page.replace(/\.html$/, '.expected.json'), 'utf8'));
    const { code, stdout } = await run(page, '--url', expected.url);
    expect(code).toBe(0);
    expect(JSON.parse(stdout)).toEqual({ ...expected, missing: [] });
  });

  it('exits 0 for a page it does not recognise', async () => {
    const page = resolve(FIXTURES, 'legacy/dossier-demandeur/connexion.html');
    const { code, stdout } = await run(page, '--url', 'http://dossiers.localhost/connexion');
    expect(code).toBe(0);
    expect(JSON.parse(stdout)).toStrictEqual({ url: 'http://dossiers.localhost/connexion', recognized: false });
  });

  it('exits 2 with a French message for a missing file or bad arguments', async () => {
    const page = resolve(FIXTURES, 'legacy/dossier-demandeur/connexion.html');
    const [missingFile, noUrl, badUrl] = await Promise.all([
      run('absent.html', '--url', 'http://dossiers.localhost/dossier/1234567A'),
      run(page),
      run(page, '--url', 'dossiers'),
    ]);
    expect(missingFile.code).toBe(2);
    expect(missingFile.stdout).toBe('');
    expect(missingFile.stderr).toContain('Fichier introuvable : absent.html');
    expect(noUrl.code).toBe(2);
    expect(noUrl.stderr).toContain('Option --url manquante');
    expect(badUrl.code).toBe(2);
    expect(badUrl.stderr).toContain('Adresse invalide');
  });
});
