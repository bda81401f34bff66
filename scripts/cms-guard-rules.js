'use strict';
/**
 * What the guard in front of Decap's local proxy lets through (scripts/cms-guard.js).
 *
 * Why: decap-server writes wherever a request says inside the checkout, and any page on
 * loopback may call it. The web editor only ever needs data/ and docs/: anything else
 * (hooks/, mkdocs.yml, .git/, the Makefile) would run code on the next build or command.
 *
 * ACTIONS lists every action of decap-server 3.x, file-system mode and git mode (the
 * editorial workflow), with the paths and draft names each one carries. An action missing
 * from the table is refused: a new decap-server action needs a line here first.
 */

const fs = require('fs');
const path = require('path');

const TOPS = ['data', 'docs']; // the only folders the editor reads or writes
const MAX_PATH = 1024;

const list = value => (Array.isArray(value) ? value : [value]);
const defined = value => value !== undefined && value !== null;

/** persistEntry: the old single `entry` and the newer `dataFiles`, each with its rename target. */
function entryFiles(params) {
  const files = [...(defined(params.entry) ? [params.entry] : []), ...(defined(params.dataFiles) ? list(params.dataFiles) : [])];
  return files.flatMap(file => (file && typeof file === 'object' ? [file.path, ...(defined(file.newPath) ? [file.newPath] : [])] : [file]));
}

/** persistEntry in the editorial workflow: the draft's branch is cms/<collectionName>/<first slug>. */
function entryDrafts(params) {
  const options = params.options && typeof params.options === 'object' ? params.options : {};
  if (!options.useWorkflow) return [];
  const files = [...(defined(params.entry) ? [params.entry] : []), ...(defined(params.dataFiles) ? list(params.dataFiles) : [])];
  return [options.collectionName, ...files.map(file => file && file.slug)];
}

/** A draft's status and label prefix: a value in .git/config (e.g. decap-cms/ + draft). */
const labels = params => [params.newStatus, params.options && params.options.status, params.cmsLabelPrefix].filter(defined);

const assetPaths = params => (defined(params.assets) ? list(params.assets) : []).map(asset => asset && asset.path);
const draft = params => [params.collection, params.slug];

/**
 * action → {write, files(params), folders(params), drafts(params), labels(params), listing(body)}:
 * `files` and `folders` return the paths the action reads or writes; `drafts` the names
 * that make a git branch (cms/<collection>/<slug>); `labels` the values written into
 * .git/config (a draft's status); `listing` the paths in a response,
 * so that a symbolic link inside data/ never hands out a file from elsewhere.
 */
const ACTIONS = {
  info: {},
  getDeployPreview: { drafts: draft },
  entriesByFolder: { folders: p => [p.folder], listing: body => list(body).map(item => item && item.file && item.file.path) },
  entriesByFiles: { files: p => (defined(p.files) ? list(p.files) : [undefined]).map(f => f && f.path), listing: body => list(body).map(item => item && item.file && item.file.path) },
  getEntry: { files: p => [p.path], listing: body => [body && body.file && body.file.path] },
  getMedia: { folders: p => [p.mediaFolder], listing: body => list(body).map(item => item && item.path) },
  getMediaFile: { files: p => [p.path] },
  persistEntry: { write: true, files: p => [...entryFiles(p), ...assetPaths(p)], drafts: entryDrafts, labels },
  persistMedia: { write: true, files: p => [p.asset && p.asset.path] },
  deleteFile: { write: true, files: p => [p.path] },
  deleteFiles: { write: true, files: p => (defined(p.paths) ? list(p.paths) : [undefined]) },
  // git mode: drafts live on the branch cms/<collection>/<slug> until published
  unpublishedEntries: {},
  unpublishedEntry: { drafts: p => [p.id, p.collection, p.slug].filter(defined), labels },
  // `id` is the file's blob in the draft, when Decap knows it: absent for a file the draft left
  // unchanged (a story beside a changed data file), which was refused as "undefined" on each load
  unpublishedEntryDataFile: { files: p => [p.path], drafts: p => [p.collection, p.slug, ...(defined(p.id) ? [p.id] : [])] },
  unpublishedEntryMediaFile: { files: p => [p.path], drafts: p => [p.collection, p.slug, ...(defined(p.id) ? [p.id] : [])] },
  deleteUnpublishedEntry: { write: true, drafts: draft },
  updateUnpublishedEntryStatus: { write: true, drafts: draft, labels },
  publishUnpublishedEntry: { write: true, drafts: draft, publishes: true },
};

const WHY = {
  invalid: ['đường dẫn không hợp lệ', 'not a valid path'],
  absolute: ['đường dẫn tuyệt đối', 'an absolute path'],
  parent: ['có “..”', 'it contains “..”'],
  git: ['chạm tới .git', 'it touches .git'],
  outside: ['nằm ngoài data/ và docs/', 'it is outside data/ and docs/'],
  link: ['liên kết tượng trưng dẫn ra ngoài data/ và docs/', 'a symbolic link leads outside data/ and docs/'],
  page: ['trong docs/ chỉ ghi trang Markdown (.md) của một thư mục ngôn ngữ', 'under docs/ only Markdown pages (.md) of a language folder are written'],
  rename: ['mã (id) là vĩnh viễn vì đã in trên biển QR: không đổi tên tệp', 'an id is permanent, printed in QR codes: files are never renamed'],
};

// Under docs/ the site publishes only the language folders' Markdown (heritage/checks/published.py):
// the editor writes nothing else there (an .html or .svg would run on the preview's origin).
const PAGE = /^docs\/[a-z]{2}\/(?:[^/.][^/]*\/)*[^/.][^/]*\.md$/;

/** The real path of `target`: its longest existing part resolved (links followed), the rest appended. */
function realTarget(target) {
  const missing = [];
  let existing = target;
  for (;;) {
    try {
      fs.lstatSync(existing);
      break;
    } catch (error) {
      if (error.code !== 'ENOENT' && error.code !== 'ENOTDIR') throw error;
      const parent = path.dirname(existing);
      if (parent === existing) break;
      missing.unshift(path.basename(existing));
      existing = parent;
    }
  }
  return path.join(fs.realpathSync(existing), ...missing);
}

/**
 * Why `value` may not be used as a path of the editor's, or null when it may: relative,
 * no `..`, no `.git` anywhere (any case), under data/ or docs/ of `root`, and still there
 * once symbolic links are followed. `folder`: data/ or docs/ itself is allowed.
 */
function pathProblem(root, value, folder = false) {
  if (typeof value !== 'string' || value.length === 0 || value.length > MAX_PATH || /[\0\\]/.test(value)) return 'invalid';
  if (value.startsWith('/') || /^[A-Za-z]:/.test(value)) return 'absolute';
  const segments = value.split('/');
  if (segments.includes('..')) return 'parent';
  if (value.toLowerCase().includes('.git')) return 'git';
  const clean = segments.filter(s => s !== '' && s !== '.');
  if (clean.length === 0 || !TOPS.includes(clean[0]) || (!folder && clean.length < 2)) return 'outside';
  const realRoot = fs.realpathSync(root);
  let real;
  try {
    real = realTarget(path.join(realRoot, ...clean));
  } catch (error) {
    return 'link'; // a loop of links, or a folder we may not read
  }
  const inside = TOPS.some(top => real === path.join(realRoot, top) || real.startsWith(path.join(realRoot, top) + path.sep));
  if (!inside) return 'link';
  if (real.toLowerCase().includes(`${path.sep}.git`)) return 'git';
  return null;
}

// A draft's collection and slug become a git branch and a key of .git/config.
const DRAFT_NAME = /^[\p{L}\p{N}_-][\p{L}\p{N}_.-]*(\/[\p{L}\p{N}_-][\p{L}\p{N}_.-]*)*$/u;

function draftProblem(value) {
  if (typeof value !== 'string' || value.length === 0 || value.length > 200 || !DRAFT_NAME.test(value)) return 'invalid';
  if (value.toLowerCase().includes('.git') || value.endsWith('.lock') || value.includes('..')) return 'invalid';
  return null;
}

const LABEL = /^[\p{L}\p{N}_.\/-]{1,100}$/u;

function labelProblem(value) {
  return typeof value === 'string' && LABEL.test(value) ? null : 'invalid';
}

function refusal(kind, value) {
  const [vi, en] = WHY[kind] || WHY.invalid;
  // a value the request left out is said so, not printed as "undefined"
  const shown = typeof value === 'string' ? JSON.stringify(value.slice(0, 200)) : defined(value) ? String(value) : '(trống / missing)';
  return `Trình biên tập chỉ đọc và ghi trong data/ và docs/: ${shown} bị từ chối (${vi}). / The editor only reads and writes under data/ and docs/: ${shown} was refused (${en}).`;
}

/**
 * Null when the request may go to decap-server, else the bilingual reason it may not.
 * `branch`: the only branch decap-server's git mode may work on (null in file-system mode,
 * where the parameter is not used).
 */
function check(root, body, branch) {
  const rule = Object.prototype.hasOwnProperty.call(ACTIONS, body.action) ? ACTIONS[body.action] : null;
  if (!rule) {
    const shown = JSON.stringify(String(body.action).slice(0, 60));
    return `Trình biên tập không cho phép thao tác ${shown}. / The editor does not allow the action ${shown}.`;
  }
  const params = body.params && typeof body.params === 'object' && !Array.isArray(body.params) ? body.params : {};
  if (branch !== null && body.action !== 'info' && params.branch !== branch) {
    const shown = JSON.stringify(String(params.branch).slice(0, 60));
    return `Chỉ được sửa trên nhánh ${JSON.stringify(branch)}, không phải ${shown}. / Only the branch ${JSON.stringify(branch)} may be edited, not ${shown}.`;
  }
  // A rename (newPath) would also move every file beside the old one (decap-server moves the
  // folder's siblings along), and ids are permanent: refused whatever the paths.
  if (body.action === 'persistEntry') {
    const files = [...(defined(params.entry) ? [params.entry] : []), ...(defined(params.dataFiles) ? list(params.dataFiles) : [])];
    const moved = files.find(file => file && typeof file === 'object' && defined(file.newPath) && file.newPath !== file.path);
    if (moved) return refusal('rename', moved.newPath);
  }
  for (const [paths, folder] of [[rule.files, false], [rule.folders, true]]) {
    for (const value of paths ? paths(params) : []) {
      const problem = pathProblem(root, value, folder);
      if (problem) return refusal(problem, value);
      if (rule.write && !folder && value.replace(/^\.\//, '').startsWith('docs/') && !PAGE.test(value.replace(/^\.\//, ''))) {
        return refusal('page', value);
      }
    }
  }
  for (const value of rule.drafts ? rule.drafts(params) : []) {
    if (draftProblem(value)) return refusal('invalid', value);
  }
  for (const value of rule.labels ? rule.labels(params) : []) {
    if (labelProblem(value)) return refusal('invalid', value);
  }
  return null;
}

/** A listing's response without the items whose path the editor may not read. */
function filterListing(root, action, body) {
  const rule = ACTIONS[action];
  if (!rule || !rule.listing || body === null || typeof body !== 'object') return body;
  const allowed = value => typeof value === 'string' && pathProblem(root, value) === null;
  if (!Array.isArray(body)) return allowed(rule.listing(body)[0]) ? body : { data: null, file: { path: null, id: null } };
  return body.filter(item => allowed(rule.listing([item])[0]));
}

module.exports = { ACTIONS, TOPS, check, filterListing, pathProblem, refusal };
