#!/usr/bin/env node
'use strict';
/**
 * `make edit`'s local proxy: decap-server's own request handlers, behind a guard, in one process.
 *
 * Why one process and no second port: decap-server's index.js listens wherever it is told and
 * answers any page on loopback (any Host, any loopback Origin). Here its middlewares
 * (decap-server/dist/middlewares: registerLocalFs) are mounted on an express
 * app that runs the guard first, so nothing reaches them that the guard refused, and there is
 * no internal port or socket another page or user could call directly.
 *
 * The guard answers only when
 *   - Host is exactly 127.0.0.1:PORT or localhost:PORT (a rebound DNS name is refused);
 *   - Origin, when sent, is exactly ORIGIN (the preview's, e.g. http://127.0.0.1:8000);
 *   - the body is JSON (Content-Type application/json), at most MAX_BODY bytes, an object;
 *   - the action and every path in it pass scripts/cms-guard-rules.js (data/ and docs/ only).
 * Refusals are 403 (400 malformed, 413 too large, 415 not JSON) with {"error": "vi / en"},
 * which Decap shows to the editor.
 *
 * decap-server's helpers also mount its CORS (any loopback origin) and JSON parser: both come
 * after the guard, which has answered preflights and parsed the body already.
 *
 * MODE=git adds the editorial workflow (drafts as branches cms/<collection>/<slug>, the board,
 * publish) from scripts/cms-local-git.js, which never checks another branch out: decap-server's
 * own git mode is not used (it checks branches out in the officer's work tree). It also answers
 * GET /draft/<commit>/… with the draft's real pages and GET /draft/check/<collection>/<slug> with
 * the draft's problems (scripts/cms-draft-preview.js): same Host rule; Origin absent, the
 * preview's or the guard's own; GET only.
 *
 * Environment: PORT (0: any free port; the address is printed on stdout, alone on its line),
 * ORIGIN, MODE (fs or git), GIT_REPO_DIRECTORY, LOG_LEVEL (default warn), MAX_BODY (bytes, default 50 MB, as
 * decap-server's own limit: photos travel base64-encoded), HERITAGE_PYTHON (the Python that builds a
 * draft's pages; default .venv/bin/python), HERITAGE_DRAFT_CACHE (where the builds are kept; default
 * the system's temp folder).
 */

const { execFileSync, execFile } = require('child_process');
const path = require('path');
const express = require('express');
const { registerLocalFs } = require('decap-server/dist/middlewares');
const rules = require('./cms-guard-rules');
const { localGit } = require('./cms-local-git');
const { draftPreview } = require('./cms-draft-preview');

const HOST = '127.0.0.1';
const repo = path.resolve(process.env.GIT_REPO_DIRECTORY || process.cwd());
const mode = process.env.MODE || 'fs';
const origin = process.env.ORIGIN || 'http://127.0.0.1:8000';
const maxBody = parseInt(process.env.MAX_BODY || String(50 * 1024 * 1024), 10);

const say = (vi, en) => ({ error: `${vi} / ${en}` });
// Every refusal is also printed where `make edit` runs: the officer sees what was tried.
// The line names the action refused (a request's `action`, or the HTTP method and path).
function refuse(res, status, body) {
  const req = res.req;
  const action = req && req.body && typeof req.body === 'object' && typeof req.body.action === 'string' ? req.body.action.slice(0, 60) : req ? `${req.method} ${req.path}`.slice(0, 100) : '?';
  console.error(`cms-guard ${status} (${action}): ${String(body.error).slice(0, 300)}`);
  return res.status(status).set('Cache-Control', 'no-store').json(body);
}

// decap-server's own logger (winston); at `warn` it prints only failures.
const options = { logLevel: process.env.LOG_LEVEL || 'warn' };
const logError = message => console.error(String(message).slice(0, 500));

function currentBranch() {
  return execFileSync('git', ['rev-parse', '--abbrev-ref', 'HEAD'], { cwd: repo, encoding: 'utf8' }).trim();
}

/** Files a draft's branch changes against `branch`: its publication must not bring in any other. */
function draftFiles(branch, params) {
  return new Promise((resolve, reject) => {
    const draft = `cms/${params.collection}/${params.slug}`;
    execFile('git', ['diff', '--name-only', '-z', `${branch}...${draft}`, '--'], { cwd: repo, maxBuffer: 16 * 1024 * 1024 }, (error, stdout) =>
      error ? reject(error) : resolve(stdout.split('\0').filter(Boolean)),
    );
  });
}

function guard(hosts, preview) {
  return async (req, res, next) => {
    res.set({ 'X-Content-Type-Options': 'nosniff', 'Cache-Control': 'no-store', Vary: 'Origin' });
    if (!hosts.has(req.headers.host)) {
      return refuse(res, 403, say('Địa chỉ máy chủ (Host) không được phép.', 'This Host is not allowed.'));
    }
    const from = req.headers.origin;
    // A draft's pages (MODE=git): opened from the editor's link; their own requests come from here.
    if (preview && (req.path === '/draft' || req.path.startsWith('/draft/'))) {
      if (from !== undefined && from !== origin && from !== `http://${req.headers.host}`) {
        return refuse(res, 403, say(`Chỉ trang ${origin} được mở bản xem trước.`, `Only ${origin} may open a draft's preview.`));
      }
      if (req.method !== 'GET') return refuse(res, 405, say('Chỉ nhận GET.', 'Only GET is accepted.'));
      return preview.route(req, res).catch(next);
    }
    if (from !== undefined && from !== origin) {
      return refuse(res, 403, say(`Chỉ trang ${origin} được dùng trình biên tập.`, `Only ${origin} may use the editor.`));
    }
    if (from !== undefined) res.set('Access-Control-Allow-Origin', origin);
    if (req.path !== '/api/v1') return refuse(res, 404, say('Không có trang này.', 'Not found.'));
    if (req.method === 'OPTIONS') {
      res.set({ 'Access-Control-Allow-Methods': 'POST', 'Access-Control-Allow-Headers': 'Content-Type', 'Access-Control-Max-Age': '600' });
      return res.status(204).end();
    }
    if (req.method !== 'POST') return refuse(res, 405, say('Chỉ nhận POST.', 'Only POST is accepted.'));
    if (!req.is('application/json')) return refuse(res, 415, say('Chỉ nhận JSON.', 'Only JSON is accepted.'));
    return next();
  };
}

function checkAction(root, branch) {
  return async (req, res, next) => {
    const body = req.body;
    if (body === null || typeof body !== 'object' || Array.isArray(body) || typeof body.action !== 'string') {
      return refuse(res, 400, say('Yêu cầu không hợp lệ.', 'Malformed request.'));
    }
    let problem;
    try {
      problem = rules.check(root, body, branch);
      if (!problem && rules.ACTIONS[body.action].publishes) {
        for (const file of await draftFiles(branch, body.params)) {
          if (rules.pathProblem(root, file)) {
            problem = rules.refusal(rules.pathProblem(root, file), file);
            break;
          }
        }
      }
    } catch (error) {
      problem = say('Không kiểm tra được yêu cầu.', 'The request could not be checked.').error;
    }
    if (problem) return refuse(res, 403, { error: problem });
    // A symbolic link inside data/ or docs/ must not hand out a file from elsewhere in a listing.
    const json = res.json.bind(res);
    res.json = payload => json(res.statusCode < 300 ? rules.filterListing(root, body.action, payload) : payload);
    return next();
  };
}

function bodyErrors(error, req, res, next) {
  if (res.headersSent) return next(error);
  if (error.type === 'entity.too.large') return refuse(res, 413, say('Yêu cầu quá lớn.', 'The request is too large.'));
  if (error.type === 'entity.parse.failed') return refuse(res, 400, say('JSON không hợp lệ.', 'Malformed JSON.'));
  if (error.status >= 400 && error.status < 500) return refuse(res, 400, say('Yêu cầu không hợp lệ.', 'Malformed request.'));
  logError(error && error.message);
  return refuse(res, 500, say('Lỗi máy chủ.', 'Server error.'));
}

async function main() {
  const branch = mode === 'git' ? currentBranch() : null;
  const app = express();
  app.disable('x-powered-by');
  const hosts = new Set(); // filled once the port is known
  const preview = mode === 'git' ? draftPreview({ repo, logError, origin }) : null;
  app.use(guard(hosts, preview));
  app.use(express.json({ limit: maxBody, strict: true }));
  app.use(checkAction(repo, branch));
  if (mode === 'git') {
    if (branch === 'HEAD') throw new Error('HEAD không ở trên nhánh nào: hãy chuyển sang một nhánh / HEAD is detached: check out a branch first');
    // The editorial workflow's drafts, in git without checkouts (scripts/cms-local-git.js);
    // the published entries and media are the work tree's, as in fs mode.
    app.post('/api/v1', localGit({ repo, branch, logError, preview }));
  } else if (mode !== 'fs') throw new Error(`MODE must be fs or git, not ${mode}`);
  await registerLocalFs(app, options);
  app.use(bodyErrors);
  const server = app.listen(parseInt(process.env.PORT || '8081', 10), HOST, () => {
    const { port } = server.address();
    hosts.add(`127.0.0.1:${port}`).add(`localhost:${port}`);
    console.log(`http://${HOST}:${port}/api/v1`);
  });
  server.on('error', error => {
    console.error(`Không mở được cổng cho trình biên tập / The editor's port could not be opened: ${error.message}`);
    process.exit(1);
  });
  const stop = () => {
    if (preview) preview.stop();
    server.close(() => process.exit(0));
    server.closeAllConnections();
  };
  process.on('SIGTERM', stop);
  process.on('SIGINT', stop);
}

main().catch(error => {
  console.error(`Không khởi động được trình biên tập / The editor's proxy did not start: ${error.message}`);
  process.exit(1);
});
