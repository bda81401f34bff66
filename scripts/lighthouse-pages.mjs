// Lighthouse on a list of pages in one Chromium and one Node process (scripts/budgets.py).
//
//   node scripts/lighthouse-pages.mjs jobs.json
//
// jobs.json: [{"url": ..., "out": ...}, ...]; each page's JSON report is written to its "out".
// The command-line tool starts Node, loads Lighthouse and launches a fresh Chromium for every
// page: about 14 s a page here, against 9 s in one process (issue 28: the budgets were the
// longest step of CI after the tests). This is the programmatic use Lighthouse documents
// (docs/readme.md "Using programmatically": chrome-launcher, then lighthouse(url, {port})):
// each run still clears the site's cache and storage before it loads the page.
import { writeFileSync, readFileSync } from "node:fs";
import lighthouse from "lighthouse";
import * as chromeLauncher from "chrome-launcher";

const jobs = JSON.parse(readFileSync(process.argv[2], "utf8"));
const chrome = await chromeLauncher.launch({
  chromePath: process.env.CHROME_PATH || "/usr/bin/chromium",
  chromeFlags: ["--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
    "--disable-background-networking", "--disable-component-update", "--no-first-run"],
});
try {
  for (const job of jobs) {
    const result = await lighthouse(job.url, {
      port: chrome.port, output: "json", logLevel: "error", maxWaitForLoad: 30000,
      onlyCategories: ["performance", "accessibility", "best-practices", "seo"],
    });
    if (!result) throw new Error(`Lighthouse returned nothing for ${job.url}`);
    writeFileSync(job.out, result.report);
    console.log(`  ${job.url}: performance ${Math.round(result.lhr.categories.performance.score * 100)}`);  // progress in a long log
  }
} finally {
  await chrome.kill();
}
