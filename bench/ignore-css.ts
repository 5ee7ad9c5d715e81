/** The panel's components import their stylesheets (bundled by Vite in the extension): nothing to load in Node. */
import { register } from 'node:module';

const ignoreCss = 'export async function load(url, context, next) { return url.endsWith(".css") ? { format: "module", source: "", shortCircuit: true } : next(url, context); }';
register(`data:text/javascript,${encodeURIComponent(ignoreCss)}`);
