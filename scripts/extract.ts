/**
 * Reads a saved legacy page the way the extension would, and prints the result as one JSON object:
 *   npm run --silent extract -- <page.html> --url <address the page was served at>
 * Exit 0 whether the page is recognised or not; exit 2, with a French message, for bad arguments.
 */
import { readFileSync, statSync } from 'node:fs';

const USAGE = 'Usage : npm run --silent extract -- <page.html> --url <adresse de la page>';

function fail(message: string): never {
  process.stderr.write(`${message}\n${USAGE}\n`);
  process.exit(2);
}

function parseArgs(argv: string[]): { file: string; url: URL } {
  let file: string | undefined;
  let url: string | undefined;
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    if (arg === '--url') {
      url = argv[++i];
      if (url === undefined) fail("Option --url sans valeur : indiquez l'adresse à laquelle la page a été servie.");
    } else if (arg.startsWith('--url=')) {
      url = arg.slice('--url='.length);
    } else if (arg === '--help' || arg === '-h') {
      process.stdout.write(`${USAGE}\n`);
      process.exit(0);
    } else if (arg.startsWith('-')) {
      fail(`Option inconnue : ${arg}`);
    } else if (file === undefined) {
      file = arg;
    } else {
      fail(`Un seul fichier attendu, reçu aussi : ${arg}`);
    }
  }
  if (!file) fail('Fichier HTML manquant.');
  if (!url) fail("Option --url manquante : indiquez l'adresse à laquelle la page a été servie.");
  try {
    return { file, url: new URL(url) };
  } catch {
    fail(`Adresse invalide : ${url} (une adresse complète est attendue, par ex. http://dossiers.localhost/dossier/1234567A).`);
  }
}

const { file, url } = parseArgs(process.argv.slice(2));
let html: string;
try {
  if (!statSync(file).isFile()) fail(`Ce n'est pas un fichier : ${file}`);
  html = readFileSync(file, 'utf8');
} catch (error) {
  const code = (error as NodeJS.ErrnoException).code;
  fail(code === 'ENOENT' ? `Fichier introuvable : ${file}` : `Lecture impossible du fichier ${file} (${code ?? String(error)}).`);
}

// Loaded once the arguments are known good, so a mistake is reported at once.
const [{ Window }, { readPage }] = await Promise.all([import('happy-dom'), import('../lib/adapters')]);
// Scripts, style sheets and frames of the saved page are neither loaded nor run.
const window = new Window({
  url: url.href,
  settings: {
    disableJavaScriptEvaluation: true,
    disableJavaScriptFileLoading: true,
    disableCSSFileLoading: true,
    disableIframePageLoading: true,
    disableComputedStyleRendering: true,
  },
});
const document = new window.DOMParser().parseFromString(html, 'text/html') as unknown as Document;
const result = readPage(document, url);
process.stdout.write(`${JSON.stringify(result, null, 2)}\n`);
await window.happyDOM.close();
