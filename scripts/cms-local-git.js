'use strict';
/**
 * The editorial workflow of `make edit` (MODE=git): decap-server's git-mode protocol, done with
 * git plumbing only, so that the officer's work tree is never checked out to another branch.
 *
 * Why not decap-server's own git mode: it checks draft branches out in the shared work tree,
 * commits stray files (`git add .`), merges into whatever is checked out, fails in a linked
 * worktree and can leave a merge half done. Here:
 *   - a draft is ONE commit on refs/heads/cms/<collection>/<slug> whose parent is the edited
 *     branch's tip, built in a temporary index (GIT_INDEX_FILE): nothing else gets in;
 *   - its status is `git config branch.<draft>.description` (<cmsLabelPrefix><status>), as decap;
 *   - reads come from the draft's commit (`git cat-file`), never from the work tree;
 *   - publishing computes the result first (`git merge-tree --write-tree`: a conflict refuses and
 *     changes nothing), then moves the checked-out branch with `git read-tree -m -u` (a two-way
 *     merge that keeps every other local change and refuses when one touches the draft's files).
 * The media library's own upload and delete are refused (they would write the work tree outside
 * any commit; an entry's form puts its photos in its draft). Every other action (the published
 * entries) falls through to the next handler (decap-server's file-system mode).
 * Responses have decap-server's shapes (decap-server/src/middlewares/localGit/index.ts).
 */

const { execFile } = require('child_process');
const crypto = require('crypto');
const fs = require('fs');
const os = require('os');
const path = require('path');

const PREFIX = 'cms';
const ZERO = '0000000000000000000000000000000000000000';
const TEXT = /\.(md|markdown|ya?ml|json|toml|txt|csv)$/i; // what is read back as text, not media
const say = (vi, en) => `${vi} / ${en}`;
// The media library's own upload and delete (an entry's form puts its photos in its draft instead).
const MEDIA_ACTIONS = ['persistMedia', 'deleteFile'];
const MEDIA_REFUSAL = say(
  'Ở chế độ bản nháp (git), ảnh được tải lên trong biểu mẫu của mục (nút chọn ảnh của trường ảnh), để vào cùng bản nháp của mục đó; thẻ Tập tin chỉ để xem.',
  "In draft (git) mode, photos are uploaded in the item's form (its photo field's button), so they go into that item's draft; the Media tab is for viewing only.",
);

class Refusal extends Error {
  constructor(status, message) {
    super(message);
    this.status = status;
  }
}

const label = (status, prefix) => `${prefix || 'decap-cms/'}${status}`;
const unlabel = (value, prefix) => value.slice((prefix || 'decap-cms/').length);
const draftBranch = (collection, slug) => `${PREFIX}/${collection}/${slug}`;

/** collection and slug of a request: from `id` (<collection>/<slug>) when given, as decap. */
function draftOf(params) {
  if (typeof params.id === 'string' && params.id.includes('/') && !params.collection) {
    const at = params.id.indexOf('/');
    return [params.id.slice(0, at), params.id.slice(at + 1)];
  }
  return [params.collection, params.slug];
}

function localGit({ repo, branch, logError, preview = null }) {
  let queue = Promise.resolve(); // one git operation at a time, as decap's mutex

  /** git in the repository; `env` adds variables (the temporary index); `buffer`: raw stdout. */
  function git(args, { env = {}, buffer = false, ok = [0] } = {}) {
    return new Promise((resolve, reject) => {
      execFile('git', args, { cwd: repo, env: { ...process.env, ...env }, encoding: buffer ? 'buffer' : 'utf8', maxBuffer: 256 * 1024 * 1024 }, (error, stdout, stderr) => {
        const code = error ? (typeof error.code === 'number' ? error.code : -1) : 0;
        if (!ok.includes(code)) return reject(new Error(`git ${args[0]}: ${String(stderr).trim() || (error && error.message)}`));
        return resolve(ok.length > 1 ? { code, stdout } : stdout);
      });
    });
  }

  const tip = async ref => {
    const { code, stdout } = await git(['rev-parse', '--verify', '-q', `refs/heads/${ref}^{commit}`], { ok: [0, 1] });
    return code === 0 ? stdout.trim() : null;
  };

  async function mustExist(draft) {
    const commit = await tip(draft);
    if (!commit) throw new Refusal(404, 'Not Found');
    return commit;
  }

  /** Who signs a draft: the officer's git identity, or the editor's name when git has none. */
  async function identity() {
    const { code } = await git(['var', 'GIT_AUTHOR_IDENT'], { ok: [0, 128, 1] });
    if (code === 0) return {};
    const name = 'Trình biên tập / Editor';
    const email = 'editor@localhost';
    return { GIT_AUTHOR_NAME: name, GIT_AUTHOR_EMAIL: email, GIT_COMMITTER_NAME: name, GIT_COMMITTER_EMAIL: email };
  }

  /** The draft's changes against the edited branch (since they parted), as decap's `getDiffs`. */
  async function diffs(draft) {
    const range = `${branch}...${draft}`;
    const status = (await git(['diff', '--name-status', '--no-renames', '-z', range, '--'])).split('\0').filter(Boolean);
    const numstat = (await git(['diff', '--numstat', '--no-renames', '-z', range, '--'])).split('\0').filter(Boolean);
    const binary = new Set(numstat.filter(line => line.startsWith('-\t-\t')).map(line => line.slice(4)));
    const out = [];
    for (let i = 0; i + 1 < status.length; i += 2) {
      const [code, file] = [status[i], status[i + 1]];
      const kind = { A: 'added', D: 'deleted' }[code[0]] || 'modified';
      out.push({ oldPath: kind === 'added' ? '' : file, newPath: kind === 'deleted' ? '' : file, status: kind, newFile: kind === 'added', path: file, id: file, binary: binary.has(file) || /\.svg$/.test(file) || !TEXT.test(file) });
    }
    return out;
  }

  /** The draft's changes so far, onto the temporary index: a save adds to its draft (the desk's
   * "Translation done" sends one page of an item whose draft may hold the others). */
  async function carryOver(old, env) {
    const raw = (await git(['diff-tree', '-r', '-z', '--no-renames', '--no-commit-id', `${old}^`, old])).split('\0').filter(Boolean);
    for (let i = 0; i + 1 < raw.length; i += 2) {
      const [, , mode, , blob, code] = raw[i].split(/[: ]/);
      const file = raw[i + 1];
      if (code === 'D') await git(['update-index', '--force-remove', '--', file], { env });
      else await git(['update-index', '--add', '--cacheinfo', `${mode},${blob},${file}`], { env });
    }
  }

  /** Writes one commit holding the entry's files on top of the edited branch, in a temporary index. */
  async function persistDraft(params) {
    const options = params.options;
    const dataFiles = params.dataFiles || [params.entry];
    const draft = draftBranch(options.collectionName, dataFiles[0].slug);
    const checkedOut = (await git(['worktree', 'list', '--porcelain'])).split('\n').includes(`branch refs/heads/${draft}`);
    if (checkedOut) {
      throw new Refusal(409, say(`Nhánh ${draft} đang được mở trong một thư mục làm việc: chuyển thư mục đó sang nhánh khác rồi lưu lại.`, `The branch ${draft} is checked out in a work tree: switch that work tree to another branch, then save again.`));
    }
    const old = await tip(draft);
    const base = await tip(branch);
    if (!base) throw new Refusal(422, `Default branch '${branch}' doesn't exist`);
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'cms-draft-'));
    const env = { GIT_INDEX_FILE: path.join(dir, 'index') };
    try {
      await git(['read-tree', base], { env });
      if (old) await carryOver(old, env);
      const files = [...dataFiles.map(f => [f.path, Buffer.from(f.raw, 'utf8')]), ...(params.assets || []).map(a => [a.path, Buffer.from(a.content, a.encoding)])];
      for (const [index, [file, content]] of files.entries()) {
        const temporary = path.join(dir, `blob-${index}`);
        fs.writeFileSync(temporary, content);
        const blob = (await git(['hash-object', '-w', `--path=${file}`, temporary])).trim();
        await git(['update-index', '--add', '--cacheinfo', `100644,${blob},${file.replace(/^\.\//, '')}`], { env });
      }
      const tree = (await git(['write-tree'], { env })).trim();
      // Decap words a draft's second save "update" (the entry is no longer new to it): the draft
      // keeps the words of its first save, which knew whether the item was new ("Thêm"/"Sửa").
      const message = old ? (await git(['log', '-1', '--format=%B', old])).trim() : options.commitMessage || `${options.collectionName}/${dataFiles[0].slug}`;
      const commit = (await git(['commit-tree', tree, '-p', base, '-m', message], { env: await identity() })).trim();
      await git(['update-ref', '-m', 'cms: save draft', `refs/heads/${draft}`, commit, old || ZERO]);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
    if (!old) await git(['config', `branch.${draft}.description`, label(options.status, params.cmsLabelPrefix)]);
    return { message: 'entry persisted' };
  }

  /** Brings the draft into the checked-out branch without ever leaving a half-done merge. */
  async function publish(params) {
    const [collection, slug] = draftOf(params);
    const draft = draftBranch(collection, slug);
    const draftTip = await mustExist(draft);
    const head = (await git(['symbolic-ref', '-q', 'HEAD'], { ok: [0, 1] })).stdout.trim();
    if (head !== `refs/heads/${branch}`) {
      throw new Refusal(409, say(`Thư mục làm việc không còn ở nhánh ${branch}: chuyển lại về ${branch} rồi bấm Công bố.`, `The checkout is no longer on the branch ${branch}: switch back to ${branch}, then publish again.`));
    }
    const files = (await git(['diff', '--name-only', '--no-renames', '-z', `${branch}...${draft}`, '--'])).split('\0').filter(Boolean);
    const dirty = files.length ? (await git(['status', '--porcelain', '-z', '--untracked-files=all', '--', ...files])).split('\0').filter(Boolean) : [];
    if (dirty.length) {
      const shown = dirty.map(line => line.slice(3)).slice(0, 5).join(', ');
      throw new Refusal(409, say(`Có thay đổi chưa ghi (commit) trong các tệp của bản nháp: ${shown}. Ghi hoặc bỏ các thay đổi đó rồi bấm Công bố lại.`, `The draft's files have uncommitted changes in the checkout: ${shown}. Commit or discard them, then publish again.`));
    }
    const headTip = await tip(branch);
    const base = (await git(['merge-base', headTip, draftTip])).trim();
    let result = draftTip;
    if (base !== headTip) {
      const { code, stdout } = await git(['merge-tree', '--write-tree', '--no-messages', headTip, draftTip], { ok: [0, 1] });
      if (code !== 0) {
        throw new Refusal(409, say(`Bản nháp ${collection}/${slug} xung đột với nội dung đã công bố sau khi nó được viết: mở lại, sửa và lưu rồi công bố.`, `The draft ${collection}/${slug} conflicts with what was published since it was written: open it, edit, save, then publish.`));
      }
      const tree = stdout.split('\n')[0].trim();
      result = (await git(['commit-tree', tree, '-p', headTip, '-p', draftTip, '-m', `Công bố / Publish ${collection}/${slug}`], { env: await identity() })).trim();
    }
    // Index and work tree first (refuses, touching nothing, when a local change is in the way), then the branch.
    await git(['read-tree', '-m', '-u', headTip, result]);
    await git(['update-ref', '-m', `cms: publish ${draft}`, `refs/heads/${branch}`, result, headTip]);
    await git(['branch', '-D', draft]);
    return { message: `branch ${draft} merged to ${branch}` };
  }

  const actions = {
    info: async () => ({ repo: path.basename(repo), publish_modes: ['simple', 'editorial_workflow'], type: 'local_git' }),
    // The draft's real page (scripts/cms-draft-preview.js), at the address Decap asked this proxy on.
    getDeployPreview: async (params, req) => (preview ? preview.deployPreview(params.collection, params.slug, `http://${req.headers.host}`) : null),
    unpublishedEntries: async () =>
      (await git(['for-each-ref', '--format=%(refname)', `refs/heads/${PREFIX}/`])).split('\n').filter(Boolean).map(ref => ref.slice(`refs/heads/${PREFIX}/`.length)),
    unpublishedEntry: async params => {
      const [collection, slug] = draftOf(params);
      const draft = draftBranch(collection, slug);
      await mustExist(draft);
      const { code, stdout } = await git(['config', `branch.${draft}.description`], { ok: [0, 1] });
      const status = code === 0 && stdout.trim() ? unlabel(stdout.trim(), params.cmsLabelPrefix) : '';
      const updatedAt = new Date((await git(['log', '-1', '--format=%cI', `refs/heads/${draft}`])).trim());
      return { collection, slug, status, diffs: await diffs(draft), updatedAt };
    },
    unpublishedEntryDataFile: async params => {
      const [collection, slug] = draftOf(params);
      const draft = draftBranch(collection, slug);
      await mustExist(draft);
      const { code, stdout } = await git(['cat-file', 'blob', `refs/heads/${draft}:${params.path.replace(/^\.\//, '')}`], { ok: [0, 128] });
      return { data: code === 0 ? stdout : null };
    },
    unpublishedEntryMediaFile: async params => {
      const [collection, slug] = draftOf(params);
      const draft = draftBranch(collection, slug);
      await mustExist(draft);
      const content = await git(['cat-file', 'blob', `refs/heads/${draft}:${params.path.replace(/^\.\//, '')}`], { buffer: true });
      const id = crypto.createHash('sha256').update(content).digest('hex');
      return { id, content: content.toString('base64'), encoding: 'base64', path: params.path, name: path.basename(params.path) };
    },
    deleteUnpublishedEntry: async params => {
      const draft = draftBranch(params.collection, params.slug);
      await mustExist(draft);
      await git(['branch', '-D', draft]); // refused by git itself if a work tree has it checked out
      return { message: `deleted branch: ${draft}` };
    },
    updateUnpublishedEntryStatus: async params => {
      const draft = draftBranch(params.collection, params.slug);
      await mustExist(draft);
      const description = label(params.newStatus, params.cmsLabelPrefix);
      await git(['config', `branch.${draft}.description`, description]);
      return { message: `${branch} description was updated to ${description}` };
    },
    publishUnpublishedEntry: publish,
    persistEntry: persistDraft,
  };

  return function handle(req, res, next) {
    const body = req.body;
    const params = body.params || {};
    if (MEDIA_ACTIONS.includes(body.action)) {
      // The library's own upload (or delete) would write the work tree outside any commit.
      console.error(`cms-local-git 409: ${body.action}`);
      return res.status(409).json({ error: MEDIA_REFUSAL });
    }
    const ours = Object.prototype.hasOwnProperty.call(actions, body.action) && (body.action !== 'persistEntry' || (params.options && params.options.useWorkflow));
    if (!ours) return next();
    // A preview waits for its build, reading refs only: it does not hold the git operations' queue.
    const run = body.action === 'getDeployPreview' ? actions.getDeployPreview(params, req) : queue.then(() => actions[body.action](params, req));
    if (body.action !== 'getDeployPreview') queue = run.catch(() => undefined);
    return run.then(
      answer => res.json(answer),
      error => {
        if (error instanceof Refusal) {
          if (error.status !== 404) console.error(`cms-local-git ${error.status}: ${error.message}`);
          return res.status(error.status).json(error.status === 404 ? { message: error.message } : { error: error.message });
        }
        logError(`cms-local-git ${body.action}: ${error.message}`);
        return res.status(500).json({ error: say('Lỗi khi ghi bản nháp vào git.', 'The draft could not be written to git.') });
      },
    );
  };
}

module.exports = { localGit };
