// `npm start`: builds the extension, starts the demo legacy tools and the central endpoint (SQLite),
// then tells the newcomer how to load the extension and where to go.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { pipeReadable } from './readable-logs.mjs';

const DEMO_PORT = process.env.DEMO_PORT ?? '8090';
const SERVER_PORT = process.env.PORT ?? '8787';
const env = {
  ...process.env,
  DEMO_PORT,
  PORT: SERVER_PORT,
  PROFILENCE_DATA_DIR: process.env.PROFILENCE_DATA_DIR ?? '.data',
  PROFILENCE_DEV_TOKENS: process.env.PROFILENCE_DEV_TOKENS ?? 'server/dev-tokens.demo.json',
  WXT_PROFILENCE_SERVER_URL: process.env.WXT_PROFILENCE_SERVER_URL ?? `http://localhost:${SERVER_PORT}`,
  WXT_PROFILENCE_DEV_TOKEN: process.env.WXT_PROFILENCE_DEV_TOKEN ?? 'demo-jeanne',
};

console.log("Construction de l'extension…");
// The bundler's detail is shown only when the build fails: on success, one line says where the extension is.
const build = spawnSync('npx', ['wxt', 'build'], { encoding: 'utf8', env });
if (build.status !== 0) {
  process.stdout.write(build.stdout ?? '');
  process.stderr.write(build.stderr ?? '');
  console.error("La construction de l'extension a échoué : voir les messages ci-dessus.");
  process.exit(1);
}
console.log(`Extension construite : ${resolve('.output/chrome-mv3')}`);

const children = [];
function startChild(label, args, { readableLogs = false } = {}) {
  // Own process group, so stopping Profilence stops tsx and the node process it starts.
  const stdio = readableLogs ? ['inherit', 'pipe', 'inherit'] : 'inherit';
  const child = spawn(resolve('node_modules/.bin/tsx'), args, { stdio, env, detached: true });
  if (readableLogs) pipeReadable(child.stdout, process.stdout);
  child.on('exit', (code) => {
    if (code !== 0 && code !== null) console.error(`${label} s'est arrêté (code ${code}).`);
  });
  children.push(child);
}
startChild('Les outils de démonstration', ['demo/server.ts']);
if (existsSync('server/main.ts')) startChild('Le serveur central', ['server/main.ts'], { readableLogs: true });

const stopChildren = () => {
  for (const child of children) {
    try {
      process.kill(-child.pid, 'SIGTERM');
    } catch {
      /* already stopped */
    }
  }
};
const stop = () => {
  stopChildren();
  process.exit(0);
};
process.on('SIGINT', stop);
process.on('SIGTERM', stop);
process.on('SIGHUP', stop);
process.on('exit', stopChildren);

setTimeout(() => {
  console.log(`
Profilence est prêt.

1. Chargez l'extension dans Chrome ou Chromium :
   chrome://extensions → « Mode développeur » → « Charger l'extension non empaquetée »
   → choisissez le dossier ${resolve('.output/chrome-mv3')}
2. Ouvrez le portefeuille de démonstration : http://dossiers.localhost:${DEMO_PORT}/portefeuille
   (fiches entreprises : http://entreprises.localhost:${DEMO_PORT}/recherche?q=lyon,
    messagerie : http://messagerie.localhost:${DEMO_PORT}/mail/nouveau)
3. Épinglez l'icône Profilence : cliquez sur la pièce de puzzle (« Extensions ») à droite de la barre
   d'adresse, puis sur l'épingle à côté de « Profilence ».
4. Cliquez sur l'icône Profilence : une fenêtre s'ouvre avec les relances à faire ; cliquez sur
   « Ouvrir le panneau latéral » pour afficher le panneau à côté du dossier.
${existsSync('server/main.ts') ? `\nServeur central : http://localhost:${SERVER_PORT}/v1/health (documentation : /docs)\n` : ''}
Ctrl+C pour tout arrêter.`);
}, 1500);
