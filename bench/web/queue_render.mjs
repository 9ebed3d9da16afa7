// The workbench's weight and speed as a collector meets it: the gzipped
// JavaScript the first page needs (the entry with its preloads, and all the
// queue page fetches), and the time from navigation to the first row of the
// queue in Debian's Chromium (headless, software rendering), cold (empty cache) and warm (median of five).
// Arguments: the server's URL, the arrears_session cookie, web/dist.
import { readFileSync, statSync, existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { launchBrowser } from '../../tests/support/chromium.mjs';

const [url, cookie, distArgument] = process.argv.slice(2);
const dist = resolve(distArgument);

const gzipped = (path) => {
  const file = join(dist, path.replace(/^\//, ''));
  return existsSync(`${file}.gz`) ? statSync(`${file}.gz`).size : statSync(file).size;
};
const index = readFileSync(join(dist, 'index.html'), 'utf8');
const entry = [...index.matchAll(/<script type="module"[^>]*src="([^"]+)"|<link rel="modulepreload"[^>]*href="([^"]+)"/g)]
  .map((m) => m[1] || m[2]);
const initialJs = entry.reduce((sum, path) => sum + gzipped(path), 0);

const browser = await launchBrowser();
const { context } = browser;
await context.addCookies([{ name: 'arrears_session', value: cookie, url }]);
const times = [];
const scripts = new Set();
for (let i = 0; i < 6; ++i) {
  const page = await context.newPage();
  page.on('request', (r) => { if (r.url().endsWith('.js')) scripts.add(new URL(r.url()).pathname); });
  // The moment the first row is in the page and laid out, taken in the page (not when the driver next looks).
  await page.addInitScript(() => {
    new MutationObserver((_, observer) => {
      const row = document.querySelector('[data-test=queue-table] tbody tr');
      if (row && row.getBoundingClientRect().height > 0) {
        window.firstRowAt = performance.now();
        observer.disconnect();
      }
    }).observe(document, { subtree: true, childList: true });
  });
  await page.goto(`${url}/queue`);
  await page.waitForSelector('[data-test=queue-table] tbody tr', { timeout: 30000 });
  times.push(await page.evaluate(() => window.firstRowAt));
  await page.close();
}
await browser.close();
const warm = times.slice(1).sort((a, b) => a - b)[2];
const queueJs = [...scripts].reduce((sum, path) => sum + gzipped(path), 0);
console.log(`BENCH ${JSON.stringify({
  initial_js_gzip_kb: +(initialJs / 1024).toFixed(1), queue_page_js_gzip_kb: +(queueJs / 1024).toFixed(1),
  queue_first_row_ms_cold: Math.round(times[0]), queue_first_row_ms_warm: Math.round(warm),
})}`);
