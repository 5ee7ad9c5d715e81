/**
 * `npm run bench`: every benchmark of the project, figures printed and never asserted.
 * Each part lives in its own file under bench/ and can also run alone.
 */
import { benchContentScripts } from './content-scripts';
import { benchMatching } from './matching';
import { benchPanel } from './panel';
import { benchPopup } from './popup';
import { benchReaders } from './readers';
import { benchReadersInBrowser } from './readers-browser';
import { benchServer } from './server';
import { benchStats } from './stats';
import { benchSync } from './sync';
import { benchWorklist } from './worklist';

await benchReaders();
await benchReadersInBrowser();
await benchContentScripts();
await benchMatching();
await benchServer();
await benchStats();
await benchSync();
await benchPopup();
await benchPanel();
await benchWorklist();
