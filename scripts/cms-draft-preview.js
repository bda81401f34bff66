'use strict';
/**
 * A draft's real page under `make edit` (MODE=git): the site built from the draft's commit, served
 * by the guard at /draft/<commit>/… (scripts/cms-guard.js) and offered to Decap as the entry's
 * deploy preview ("Xem trước" in the editor's toolbar).
 *
 * Why a build of its own: a draft is a commit on cms/<collection>/<slug> that is never checked out
 * (scripts/cms-local-git.js), so `mkdocs serve`, which shows the work tree, has no page for it.
 * Here the commit's tree is unpacked with `git archive` into a temporary folder (the officer's work
 * tree and index are never touched) and built with `mkdocs build --strict`, as `make build` does,
 * into a cache folder named by the commit: a second view is instant, a new save (a new commit) is
 * a new build. One build runs at a time; at most KEEP builds are kept, the least recently asked
 * for go first. The images' content-addressed cache (.cache/) is shared by all the builds.
 *
 * A refused build (content errors) keeps the build's own bilingual report, shown as a page; no
 * traceback is ever shown (the lines of one are dropped from the report).
 *
 * Before the pages, each build runs `heritage check --format json` on the commit: the editor's
 * "Kiểm tra / Check" panel reads it for an unpublished draft at GET /draft/check/<collection>/<slug>
 * (202 {"state": "checking"} while it runs; 404 when the item has no draft, the panel then reads
 * the work tree's /admin/problems.json), since a draft lives on its branch, not in the work tree.
 */

const { execFile, spawn } = require('child_process');
const crypto = require('crypto');
const fs = require('fs');
const os = require('os');
const path = require('path');
const express = require('express');

const SHA = /^[0-9a-f]{40}$/;
const NAME = /^[A-Za-z0-9][A-Za-z0-9_-]{0,150}$/; // a collection's or a draft's slug, as the guard's rules allow
const SUFFIX = /\.(refused\.txt|problems\.json)$/;
const KEEP = 3;
const TIMEOUT = 5 * 60 * 1000; // a build never takes this long (the contract: under a minute)
const REPORT_MAX = 200 * 1024;
const ENGINE = path.resolve(__dirname, '..');
// Our own pages (building, problems, refusals): no script at all; a meta refresh reloads.
const OWN_CSP = "default-src 'none'; style-src 'unsafe-inline'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'";

const escape = text => String(text).replace(/[&<>"']/g, c => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]);

/** A whole bilingual page of ours: Vietnamese first, then English. */
function page(res, status, { title, vi, en, pre = '', refresh = 0 }) {
  const body = `<!doctype html>
<html lang="vi"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="robots" content="noindex">${refresh ? `<meta http-equiv="refresh" content="${refresh}">` : ''}
<title>${escape(title)}</title>
<style>body{font-family:"Noto Sans","Segoe UI",system-ui,sans-serif;max-width:50rem;margin:2rem auto;padding:0 1rem;line-height:1.5}pre{font-family:inherit;white-space:pre-wrap;background:#f6f3ee;padding:1rem;border-left:4px solid #b3261e}</style>
</head><body>
<h1>${escape(title)}</h1>
<p>${escape(vi)}</p>
<p lang="en">${escape(en)}</p>
${pre ? `<pre>${escape(pre)}</pre>` : ''}
</body></html>
`;
  return res.status(status).set({ 'Content-Type': 'text/html; charset=utf-8', 'Content-Security-Policy': OWN_CSP, 'Referrer-Policy': 'no-referrer' }).send(body);
}

/** The build's report without any traceback: what an officer can act on. */
function readable(output) {
  const lines = [];
  let inTrace = false;
  for (const line of String(output).split('\n')) {
    if (/^Traceback \(most recent call last\):/.test(line)) {
      inTrace = true;
      continue;
    }
    if (inTrace) {
      if (/^\s/.test(line) || line === '') continue;
      inTrace = false; // the exception's own line ends the traceback: dropped too
      continue;
    }
    lines.push(line);
  }
  const text = lines.join('\n').trim();
  return text.length > REPORT_MAX ? `${text.slice(0, REPORT_MAX)}\n…` : text;
}

/** The headers the built site asks of its host (its _headers file, for every page): CSP first. */
function siteHeaders(folder) {
  const headers = {};
  let file;
  try {
    file = fs.readFileSync(path.join(folder, '_headers'), 'utf8');
  } catch (error) {
    return { 'Content-Security-Policy': OWN_CSP };
  }
  let all = false;
  for (const line of file.split('\n')) {
    if (!/^\s/.test(line)) all = line.trim() === '/*';
    else if (all && line.includes(':')) {
      const at = line.indexOf(':');
      headers[line.slice(0, at).trim()] = line.slice(at + 1).trim();
    }
  }
  if (!headers['Content-Security-Policy']) headers['Content-Security-Policy'] = OWN_CSP;
  return headers;
}

/** A folder for the builds that only this user can read and write (the system's temp dir is shared). */
function cacheFolder(repo) {
  const given = process.env.HERITAGE_DRAFT_CACHE;
  const base = given || os.tmpdir();
  const key = crypto.createHash('sha256').update(repo).digest('hex').slice(0, 16);
  const folder = path.join(base, `heritage-drafts-${process.getuid ? process.getuid() : 'u'}-${key}`);
  fs.mkdirSync(folder, { recursive: true, mode: 0o700 });
  const stat = fs.lstatSync(folder);
  const ours = stat.isDirectory() && !stat.isSymbolicLink() && (!process.getuid || stat.uid === process.getuid()) && (stat.mode & 0o077) === 0;
  return ours ? folder : fs.mkdtempSync(path.join(os.tmpdir(), 'heritage-drafts-'));
}

function draftPreview({ repo, logError, keep = KEEP, wait = 20000, origin = null }) {
  const cache = cacheFolder(repo);
  const python = process.env.HERITAGE_PYTHON || (fs.existsSync(path.join(ENGINE, '.venv', 'bin', 'python')) ? path.join(ENGINE, '.venv', 'bin', 'python') : 'python3');
  const jobs = new Map(); // commit → promise of its build, queued or running
  const failures = new Map(); // commit → why the build could not run (not a content error): shown once
  let chain = Promise.resolve(); // one build at a time
  let running = null; // the build's process, ended when the guard stops

  const built = sha => path.join(cache, sha);
  const refusedFile = sha => path.join(cache, `${sha}.refused.txt`);
  const isBuilt = sha => fs.existsSync(built(sha));
  const isRefused = sha => fs.existsSync(refusedFile(sha));
  const problemsFile = sha => path.join(cache, `${sha}.problems.json`);
  const isChecked = sha => fs.existsSync(problemsFile(sha));

  function git(args) {
    return new Promise((resolve, reject) => {
      execFile('git', args, { cwd: repo, maxBuffer: 16 * 1024 * 1024 }, (error, stdout) => (error ? reject(error) : resolve(stdout)));
    });
  }

  /** The tips of the drafts' branches: only those are built on request. */
  async function draftTips() {
    return new Set((await git(['for-each-ref', '--format=%(objectname)', 'refs/heads/cms/'])).split('\n').filter(Boolean));
  }

  /** Runs a command; resolves with its code and its output (stdout and stderr as they came). */
  function run(command, args, options, input) {
    return new Promise(resolve => {
      const child = spawn(command, args, { ...options, detached: true, stdio: [input ? 'pipe' : 'ignore', 'pipe', 'pipe'] });
      running = child;
      const chunks = [];
      let size = 0;
      const keepChunk = chunk => {
        if (size < 4 * REPORT_MAX) chunks.push(chunk);
        size += chunk.length;
      };
      child.stdout.on('data', keepChunk);
      child.stderr.on('data', keepChunk);
      if (input) input.pipe(child.stdin);
      const timer = setTimeout(() => kill(child), TIMEOUT);
      child.on('error', error => chunks.push(Buffer.from(String(error.message))));
      child.on('close', code => {
        clearTimeout(timer);
        if (running === child) running = null;
        resolve({ code, output: Buffer.concat(chunks).toString('utf8') });
      });
    });
  }

  function kill(child) {
    try {
      process.kill(-child.pid, 'SIGTERM');
    } catch (error) {
      /* already gone */
    }
  }

  /** The commit's files into `tree`, from git's objects only (git archive | tar -x). */
  async function unpack(sha, tree) {
    const archive = spawn('git', ['archive', '--format=tar', sha], { cwd: repo, stdio: ['ignore', 'pipe', 'pipe'] });
    const closed = new Promise(resolve => archive.on('close', resolve));
    const tar = await run('tar', ['-x', '-f', '-', '-C', tree], {}, archive.stdout);
    const code = await closed;
    if (code !== 0 || tar.code !== 0) throw new Error(`git archive ${code}, tar ${tar.code}: ${tar.output.slice(0, 300)}`);
  }

  async function build(sha) {
    const work = fs.mkdtempSync(path.join(cache, 'work-'));
    try {
      const tree = path.join(work, 'tree');
      fs.mkdirSync(tree);
      await unpack(sha, tree);
      fs.mkdirSync(path.join(cache, 'media-cache'), { recursive: true });
      fs.rmSync(path.join(tree, '.cache'), { recursive: true, force: true });
      fs.symlinkSync(path.join(cache, 'media-cache'), path.join(tree, '.cache'));
      const env = { ...process.env, NO_MKDOCS_2_WARNING: '1', PYTHONUTF8: '1', PYTHONPATH: [tree, ENGINE].join(path.delimiter) };
      delete env.HERITAGE_CMS_PROXY; // the draft's /admin/ is not the officer's editor
      if (!isChecked(sha)) fs.writeFileSync(problemsFile(sha), await check(tree, env));
      if (isBuilt(sha) || isRefused(sha)) return;
      const site = path.join(work, 'site');
      const result = await run(python, ['-m', 'mkdocs', 'build', '--quiet', '--strict', '--site-dir', site], { cwd: tree, env });
      if (result.code === 0) fs.renameSync(site, built(sha));
      else if (result.code === 1) fs.writeFileSync(refusedFile(sha), readable(result.output));
      else throw new Error(readable(result.output).slice(-2000) || `exit ${result.code}`);
    } catch (error) {
      failures.set(sha, readable(error.message));
      logError(`cms-draft-preview ${sha.slice(0, 12)}: ${String(error.message).slice(0, 300)}`);
    } finally {
      fs.rmSync(work, { recursive: true, force: true });
      prune();
    }
  }

  /** `heritage check --format json` in the commit's tree: the Check panel's problems (stdout only);
   * a check that could not run says so instead of "no problems". */
  function check(tree, env) {
    return new Promise(resolve => {
      execFile(python, ['-m', 'heritage', 'check', '--format', 'json'], { cwd: tree, env, timeout: TIMEOUT, maxBuffer: 64 * 1024 * 1024 }, (error, stdout) => {
        try {
          const data = JSON.parse(stdout);
          if (data && Array.isArray(data.problems)) return resolve(JSON.stringify(data));
        } catch (parse) {
          /* below */
        }
        logError(`cms-draft-preview check: ${String((error && error.message) || 'no JSON').slice(0, 300)}`);
        return resolve(JSON.stringify({ ok: false, stale: false, unavailable: true, problems: [] }));
      });
    });
  }

  /** Keeps the files of the KEEP commits (build, report, problems) asked for most recently. */
  function prune() {
    const latest = new Map();
    for (const name of fs.readdirSync(cache)) {
      const sha = name.replace(SUFFIX, '');
      if (!SHA.test(sha)) continue;
      const time = fs.statSync(path.join(cache, name)).mtimeMs;
      latest.set(sha, Math.max(time, latest.get(sha) || 0));
    }
    const old = new Set([...latest.entries()].sort((a, b) => b[1] - a[1]).slice(keep).map(([sha]) => sha));
    for (const name of fs.readdirSync(cache)) {
      if (old.has(name.replace(SUFFIX, ''))) fs.rmSync(path.join(cache, name), { recursive: true, force: true });
    }
  }

  const touch = file => {
    const now = new Date();
    try {
      fs.utimesSync(file, now, now);
    } catch (error) {
      /* pruned meanwhile */
    }
  };

  /** The build of `sha`, started (queued behind the running one) unless it is done or under way. */
  function schedule(sha) {
    if ((isBuilt(sha) || isRefused(sha)) && isChecked(sha)) {
      touch(isBuilt(sha) ? built(sha) : refusedFile(sha));
      touch(problemsFile(sha));
      return Promise.resolve();
    }
    if (!jobs.has(sha)) {
      failures.delete(sha);
      const job = chain.then(() => build(sha)).finally(() => jobs.delete(sha));
      chain = job;
      jobs.set(sha, job);
    }
    return jobs.get(sha);
  }

  /** Decap's getDeployPreview: the draft's page, once its build is done (waiting for it a while). */
  async function deployPreview(collection, slug, base) {
    const ref = `refs/heads/cms/${collection}/${slug}`;
    let sha;
    try {
      sha = (await git(['rev-parse', '--verify', '-q', `${ref}^{commit}`])).trim();
    } catch (error) {
      return null;
    }
    let timer;
    await Promise.race([schedule(sha), new Promise(resolve => (timer = setTimeout(resolve, wait)))]);
    clearTimeout(timer);
    const done = isBuilt(sha) || isRefused(sha) || failures.has(sha);
    const entryPage = `${collection}/${slug}/`;
    const where = !isBuilt(sha) || fs.existsSync(path.join(built(sha), entryPage, 'index.html')) ? entryPage : '';
    return { url: `${base}/draft/${sha}/${where}`, status: done ? 'success' : 'pending' };
  }

  const notFound = res => page(res, 404, {
    title: 'Không có trang này / Not found',
    vi: 'Bản nháp này không còn (đã được lưu lại, công bố hoặc xoá) hoặc không có trang này. Mở lại bài trong trình biên tập rồi bấm “Xem trước”.',
    en: 'This draft is gone (saved again, published or deleted), or it has no such page. Open the entry again in the editor, then click “Xem trước” (View preview).',
  });

  /** GET /draft/check/<collection>/<slug>: the problems of the item's draft (its tip's check). */
  async function checkRoute(req, res, collection, slug) {
    if (origin) res.set('Access-Control-Allow-Origin', origin); // the editor's page asks, from the preview's origin
    let sha = null;
    if (NAME.test(collection) && NAME.test(slug)) {
      try {
        sha = (await git(['rev-parse', '--verify', '-q', `refs/heads/cms/${collection}/${slug}^{commit}`])).trim();
      } catch (error) {
        sha = null;
      }
    }
    if (!sha) return res.status(404).json({ state: 'none' });
    if (isChecked(sha)) {
      touch(problemsFile(sha));
      return res.status(200).json({ state: 'done', commit: sha, ...JSON.parse(fs.readFileSync(problemsFile(sha), 'utf8')) });
    }
    schedule(sha);
    return res.status(202).json({ state: 'checking', commit: sha });
  }

  /** GET /draft/<commit>/<path>: the draft's page, or what stands in for it while it builds. */
  async function route(req, res) {
    const asked = /^\/draft\/check\/([^/]+)\/([^/]+)$/.exec(req.path);
    if (asked) return checkRoute(req, res, asked[1], asked[2]);
    const match = /^\/draft\/([0-9a-f]{40})(\/.*)?$/.exec(req.path);
    if (!match) return notFound(res);
    const [, sha, rest] = match;
    if (!rest) return res.redirect(301, `/draft/${sha}/`);
    let segments;
    try {
      segments = rest.split('/').slice(1).map(decodeURIComponent);
    } catch (error) {
      segments = null;
    }
    if (!segments || segments.some(s => s === '..' || s.startsWith('.') || /[\\/\0]/.test(s))) {
      console.error(`cms-guard 400: ${JSON.stringify(req.path.slice(0, 200))}`);
      return page(res, 400, { title: 'Đường dẫn không hợp lệ / Not a valid path', vi: 'Đường dẫn này bị từ chối.', en: 'This path is refused.' });
    }
    if (!isBuilt(sha) && !isRefused(sha) && !jobs.has(sha) && !failures.has(sha)) {
      if (!(await draftTips()).has(sha)) return notFound(res);
      schedule(sha);
    }
    if (failures.has(sha) && !jobs.has(sha)) {
      const why = failures.get(sha);
      failures.delete(sha); // a reload tries again
      return page(res, 500, {
        title: 'Không dựng được bản xem trước / The preview could not be built',
        vi: 'Máy không dựng được trang của bản nháp. Tải lại trang để thử lại; nếu vẫn lỗi, chạy `make build` để xem lý do.',
        en: "The draft's pages could not be built. Reload to try again; if it fails again, run `make build` to see why.",
        pre: why,
      });
    }
    if (isRefused(sha)) {
      return page(res, 422, {
        title: 'Bản nháp có lỗi nội dung / The draft has content errors',
        vi: 'Trang của bản nháp chưa dựng được vì các lỗi dưới đây. Sửa trong trình biên tập, bấm Lưu, rồi bấm “Xem trước” lại.',
        en: "The draft's page could not be built because of the errors below. Fix them in the editor, click Save (Lưu), then click “Xem trước” (View preview) again.",
        pre: fs.readFileSync(refusedFile(sha), 'utf8'),
      });
    }
    if (!isBuilt(sha)) {
      return page(res, 202, { title: 'Đang dựng bản xem trước… / Building the preview…', vi: 'Trang của bản nháp đang được dựng; trang này tự tải lại sau vài giây.', en: "The draft's page is being built; this page reloads itself in a few seconds.", refresh: 2 });
    }
    const folder = built(sha);
    touch(folder);
    const file = path.join(folder, ...segments);
    try {
      const real = fs.realpathSync(file);
      if (real !== fs.realpathSync(folder) && !real.startsWith(fs.realpathSync(folder) + path.sep)) return notFound(res);
    } catch (error) {
      return notFound(res);
    }
    const headers = siteHeaders(folder);
    req.url = rest + (req.url.includes('?') ? req.url.slice(req.url.indexOf('?')) : '');
    return express.static(folder, { dotfiles: 'deny', index: ['index.html'], redirect: true, fallthrough: true, setHeaders: r => r.set(headers) })(req, res, () => notFound(res));
  }

  function stop() {
    if (running) kill(running);
  }

  return { route, deployPreview, stop, cache };
}

module.exports = { draftPreview, readable };
