// `npm run package`: versioned zips of the extension for Chrome, Edge and Firefox, ready for an agency's
// IT to publish (self-hosted, or through the browsers' policies: docs/deploy.md). The deployment's own
// addresses come from the environment at build time (PROFILENCE_*_MATCHES, WXT_PROFILENCE_*), as for
// `npx wxt build`. Each zip is checked before it is announced: manifest, icons, and for Firefox its fixed
// add-on id and a clean `web-ext lint`.
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, statSync } from 'node:fs';
import { resolve } from 'node:path';

const ICON_SIZES = ['16', '32', '48', '96', '128'];
const TARGETS = [
  { browser: 'chrome', dir: 'chrome-mv3' },
  { browser: 'edge', dir: 'edge-mv3' },
  { browser: 'firefox', dir: 'firefox-mv2' },
];
const { name, version } = JSON.parse(readFileSync('package.json', 'utf8'));

const run = (cmd, args, options = {}) => spawnSync(cmd, args, { stdio: 'inherit', ...options }).status ?? 1;
const fail = (message) => {
  console.error(`Empaquetage impossible : ${message}`);
  process.exit(1);
};

const made = [];
for (const { browser, dir } of TARGETS) {
  console.log(`\n— ${browser}`);
  if (run('npx', ['wxt', 'zip', '-b', browser]) !== 0) fail(`la construction pour ${browser} a échoué (voir ci-dessus).`);
  const zip = resolve('.output', `${name}-${version}-${browser}.zip`);
  if (!existsSync(zip)) fail(`archive attendue absente : ${zip}`);
  const manifest = JSON.parse(readFileSync(resolve('.output', dir, 'manifest.json'), 'utf8'));
  if (manifest.version !== version) fail(`${browser} : version ${manifest.version} au lieu de ${version}.`);
  const missingIcons = ICON_SIZES.filter((size) => !manifest.icons?.[size]);
  if (missingIcons.length) fail(`${browser} : icônes absentes (${missingIcons.join(', ')} px).`);
  if (browser === 'firefox') {
    if (!manifest.browser_specific_settings?.gecko?.id) fail('Firefox : identifiant gecko absent.');
    const lint = spawnSync('npx', ['web-ext', 'lint', '--self-hosted', '-o', 'json', '-s', resolve('.output', dir)], {
      encoding: 'utf8',
    });
    const report = JSON.parse(lint.stdout);
    for (const m of [...report.errors, ...report.warnings]) console.log(`  web-ext lint : ${m.code} ${m.file ?? ''} ${m.message}`);
    if (report.errors.length) fail(`Firefox : web-ext lint signale ${report.errors.length} erreur(s).`);
  }
  made.push({ browser, zip, size: statSync(zip).size });
}

console.log('\nPaquets prêts :');
for (const { browser, zip, size } of made) console.log(`  ${browser.padEnd(8)} ${zip}  (${(size / 1024 / 1024).toFixed(2)} Mo)`);
console.log('Installation et stratégies de groupe : docs/deploy.md');
