/**
 * `npm run bench`: every benchmark of the project, figures printed and never asserted.
 * Each part lives in its own file under bench/ and can also run alone.
 */
import { benchContentScripts } from './content-scripts';
import { benchReaders } from './readers';

await benchReaders();
await benchContentScripts();
