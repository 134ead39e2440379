// Copies the page and the chart library into dist/, which the detector serves at /dashboard/.
// No bundler needed: the library ships a standalone build. Nothing is fetched at run time.
import { cpSync, mkdirSync, rmSync } from 'node:fs';

const out = new URL('./dist/', import.meta.url);
rmSync(out, { recursive: true, force: true });
mkdirSync(out, { recursive: true });
cpSync(new URL('./src/', import.meta.url), out, { recursive: true });
cpSync(new URL('./node_modules/lightweight-charts/dist/lightweight-charts.standalone.production.js', import.meta.url),
  new URL('./lightweight-charts.standalone.production.js', out));
console.log('dashboard built into', out.pathname);
