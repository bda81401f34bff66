// Offline visits at the relic: a page once opened (and its photos, audio guide) reloads
// with no signal, and a page never opened shows the site's own offline page in its
// language, with the pages this phone has kept.
// Pages are fetched from the network first and the cache is only a fallback, so a
// visitor never sees an old page after a deploy while online. Other files are served
// from the cache and refreshed in the background: at most one visit behind.
// The list of files to keep at install comes from offline-files.json (heritage/urls.py).
//
// Storage is bounded: a phone browsing 200 pages must not fill up with our site, and a
// browser short of space may evict the WHOLE origin (the offline page with it). Caches:
// - precache: the offline pages, their script, the trip pages (emergency numbers, toilets)
//   and offline-files.json; never trimmed; a page of it opened online is put again.
// - pages, assets (styles, scripts, fonts), files (photos, map tiles, data): what was
//   opened, each trimmed oldest first to its own limit after every addition. A file used
//   again is put again (the background refresh), which moves it to the end: least
//   recently used goes first. Assets have their own limit so that a map session's tiles
//   never push out the styles every kept page needs.
// - kept: what an entry page asked to keep (the page, the QR landing that opened it, its
//   photos, its audio guide), and what a trail saved for offline use needs (its stops'
//   pages and files, the map's tiles along it), per page: the pages that asked last, up
//   to a number of pages and a byte budget; browsing other pages never trims it, only
//   other entries and trails do. A saved trail counts as one page.
// The limits are in offline-files.json (heritage/outputs/webapp.py says why those).
const VERSION = "v2";  // a change in what the caches hold: activate deletes the old ones
const PREFIX = "di-san-";
const NAMES = Object.fromEntries(["precache", "pages", "assets", "files", "kept"].map((k) => [k, `${PREFIX}${k}-${VERSION}`]));
const SCOPE = new URL("./", self.location).href;
const FILES = "offline-files.json";
const KEPT_INDEX = SCOPE + "sw-kept.json";  // the kept cache's own record, never a page
// Only if offline-files.json could not be read: the same numbers as webapp.py's.
const DEFAULT_LIMITS = { pages: 60, assets: 60, files: 150, kept_pages: 30, kept_bytes: 50000000 };

self.addEventListener("install", (event) => {
  event.waitUntil(
    caches.open(NAMES.precache).then((cache) => cache.add(SCOPE + FILES)
      .then(() => cache.match(SCOPE + FILES))
      .then((response) => response.json())
      .then((files) => cache.addAll(files.precache.map((f) => SCOPE + f))))
      .catch(() => undefined)  // never block installing: pages still get kept as they are opened
      .then(() => self.skipWaiting())
  );
});

self.addEventListener("activate", (event) => {
  const current = new Set(Object.values(NAMES));
  event.waitUntil(
    caches.keys()
      .then((names) => Promise.all(names.filter((n) => n.startsWith(PREFIX) && !current.has(n)).map((n) => caches.delete(n))))
      .then(() => self.clients.claim())
  );
});

let limitsRead;
function limits() {
  if (!limitsRead) {
    limitsRead = caches.match(SCOPE + FILES).then((r) => r.json())
      .then((files) => ({ ...DEFAULT_LIMITS, ...(files.limits || {}) }))
      .catch(() => { limitsRead = undefined; return DEFAULT_LIMITS; });
  }
  return limitsRead;
}

// Every write and trim in turn, so that a trim never counts a half-written cache.
let queue = Promise.resolve();
function serially(task) {
  queue = queue.then(task).catch(() => undefined);
  return queue;
}

function kindOf(request) {
  if (request.mode === "navigate") return "pages";
  return ["style", "script", "font", "manifest"].includes(request.destination) ? "assets" : "files";
}

// Oldest first: Cache.keys() lists entries in the order they were put.
function trim(kind) {
  return limits().then((limit) => caches.open(NAMES[kind]).then((cache) => cache.keys().then((keys) =>
    Promise.all(keys.slice(0, Math.max(0, keys.length - limit[kind])).map((k) => cache.delete(k))))));
}

// Puts a copy in its runtime cache, in turn (the fetch handler waits for the queue).
function remember(request, response) {
  if (response && response.status === 200 && response.type === "basic") {
    const copy = response.clone();
    const kind = kindOf(request);
    serially(() => caches.open(NAMES[kind]).then((cache) => cache.put(request, copy)).then(() => trim(kind)));
    if (kind === "pages") {  // a page kept at install (the trip page) is refreshed when opened online
      const again = response.clone();
      serially(() => caches.open(NAMES.precache).then((cache) => cache.match(request).then((hit) => hit && cache.put(request, again))));
    }
  }
  return response;
}

// The offline page in the language of the address asked for: /en/… in English.
function offlinePage(url) {
  const path = url.href.startsWith(SCOPE) ? url.href.slice(SCOPE.length) : "";
  return caches.match(SCOPE + FILES).then((response) => response.json()).then((files) => {
    const langs = Object.keys(files.prefixes).sort((a, b) => files.prefixes[b].length - files.prefixes[a].length);
    const lang = langs.find((l) => path.startsWith(files.prefixes[l]));
    const page = SCOPE + files.offline[lang];
    // Shown at the address asked for: its relative links are the offline page's own.
    return caches.match(page).then((hit) => hit.text()).then((html) => new Response(
      html.replace("<head>", `<head><base href="${page}">`),
      { headers: { "Content-Type": "text/html; charset=utf-8" } }
    ));
  }).catch(() => Response.error());
}

// Another size or format of the same photo (media/<key>-<width>.<ext>) that the phone kept.
function otherRendition(url) {
  const pattern = /^(.*-)\d+\.(avif|webp|jpg)$/;
  const match = url.pathname.match(pattern);
  if (!match) return Promise.resolve(undefined);
  return Promise.all([NAMES.kept, NAMES.files].map((name) => caches.open(name).then((cache) => cache.keys().then((keys) => {
    const same = keys.find((k) => new URL(k.url).pathname.match(pattern) && new URL(k.url).pathname.startsWith(match[1]));
    return same ? cache.match(same) : undefined;
  })))).then((found) => found.find(Boolean));
}

// Audio and video ask for byte ranges; a kept file answers them from the whole copy.
function ranged(request, response) {
  const range = request.headers.get("range");
  const bytes = range && range.match(/^bytes=(\d+)-(\d*)$/);
  if (!bytes || !response) return response;
  return response.arrayBuffer().then((buffer) => {
    const start = Number(bytes[1]);
    const end = bytes[2] ? Math.min(Number(bytes[2]), buffer.byteLength - 1) : buffer.byteLength - 1;
    return new Response(buffer.slice(start, end + 1), {
      status: 206,
      headers: {
        "Content-Type": response.headers.get("Content-Type") || "application/octet-stream",
        "Content-Range": `bytes ${start}-${end}/${buffer.byteLength}`,
        "Content-Length": String(end - start + 1),
      },
    });
  });
}

// A copy of a file with its size measured: from any cache if the phone has it, else fetched.
function copyOf(href, fresh) {
  const source = fresh ? Promise.resolve(undefined) : caches.match(href);
  return source.then((hit) => hit || fetch(href).then((r) => (r.status === 200 ? r : undefined)))
    .then((response) => response && response.blob().then((blob) => {
      const headers = new Headers(response.headers);
      headers.delete("Content-Length");  // the body is decoded: its length, not the wire's
      headers.delete("Content-Encoding");
      return { href, bytes: blob.size, response: new Response(blob, { status: 200, headers }) };
    }))
    .catch(() => undefined);
}

// The kept cache's record: which page asked for which files (oldest first), and their sizes.
function readIndex(cache) {
  return cache.match(KEPT_INDEX).then((r) => (r ? r.json() : null)).catch(() => null)
    .then((index) => index || { pages: [], bytes: {} });
}

// The rule: the pages that asked last stay, up to `kept_pages` pages and `kept_bytes`
// bytes in all; older ones go whole, oldest first. The page that asked last always stays.
function trimKept(cache, index) {
  return limits().then((limit) => {
    const total = () => [...new Set(index.pages.flatMap((p) => p.urls))].reduce((sum, u) => sum + (index.bytes[u] || 0), 0);
    while (index.pages.length > 1 && (index.pages.length > limit.kept_pages || total() > limit.kept_bytes)) index.pages.shift();
    const wanted = new Set(index.pages.flatMap((p) => p.urls));
    index.bytes = Object.fromEntries(Object.entries(index.bytes).filter(([u]) => wanted.has(u)));
    return cache.put(KEPT_INDEX, new Response(JSON.stringify(index), { headers: { "Content-Type": "application/json" } }))
      .then(() => cache.keys())
      .then((keys) => Promise.all(keys.filter((k) => k.url !== KEPT_INDEX && !wanted.has(k.url)).map((k) => cache.delete(k))));
  });
}

// `fresh`: pages taken from the network (a deploy may have changed them); `report(done,
// total, bytes)` hears of each file as it arrives (a trail's progress bar); `trail` marks a
// saved trail's record, which its page reads to say "saved".
function keep(page, urls, options) {
  const { fresh = [page], report = () => undefined, trail = false } = options || {};
  let done = 0;
  let bytes = 0;
  // Fetched first, outside the queue: an audio guide's download never holds up other writes.
  return caches.open(NAMES.kept).then((cache) => readIndex(cache).then((before) => Promise.all(urls.map((href) => {
    // Media files have their content in their names, so a kept copy is still right.
    const copy = !fresh.includes(href) && before.bytes[href] !== undefined
      ? Promise.resolve({ href, bytes: before.bytes[href], already: true })
      : copyOf(href, fresh.includes(href));
    return copy.then((c) => { done += 1; bytes += c ? c.bytes : 0; report(done, urls.length, bytes); return c && !c.already ? c : undefined; });
  }))).then((copies) => serially(() => readIndex(cache).then((index) => Promise.all(copies.filter(Boolean).map((c) =>
    cache.put(c.href, c.response).then(() => { index.bytes[c.href] = c.bytes; })
  )).then(() => {
    // Online, the page says what it needs now (a new deploy, another photo size); with no
    // signal, what it asks for may be what it could not load: the last list stays.
    const last = index.pages.find((p) => p.page === page);
    const got = copies[0] || !last ? urls.filter((u) => index.bytes[u] !== undefined) : last.urls;
    index.pages = index.pages.filter((p) => p.page !== page).concat([trail ? { page, urls: got, trail } : { page, urls: got }]);
    return trimKept(cache, index).then(() => ({ urls: got, missing: urls.length - got.length, bytes: got.reduce((sum, u) => sum + (index.bytes[u] || 0), 0) }));
  })))));
}

// A page asks to keep files it will need offline: an entry (itself, its photos, its audio
// guide) or a trail saved for offline use (every stop's page and files, the map's tiles),
// which hands a port to hear the progress on.
self.addEventListener("message", (event) => {
  const data = event.data || {};
  if (data.type !== "keep" || !Array.isArray(data.urls) || typeof data.page !== "string") return;
  const ours = (u) => { try { const url = new URL(u, SCOPE); url.hash = ""; return url.origin === self.location.origin ? url.href : null; } catch (e) { return null; } };
  const page = ours(data.page);
  if (!page) return;
  const urls = [...new Set([page, ...data.urls.map(ours).filter(Boolean)])];
  const fresh = [page, ...(Array.isArray(data.pages) ? data.pages.map(ours).filter(Boolean) : [])];
  const port = event.ports && event.ports[0];
  const report = port ? (done, total, bytes) => port.postMessage({ done, total, bytes }) : undefined;
  const failed = { bytes: 0, missing: urls.length };
  event.waitUntil(keep(page, urls, { fresh, report, trail: data.trail === true }).catch(() => failed).then((result) => {
    const { bytes, missing } = result || failed;
    if (port) port.postMessage({ finished: true, done: urls.length, total: urls.length, bytes, missing });
  }));
});

self.addEventListener("fetch", (event) => {
  const request = event.request;
  const url = new URL(request.url);
  if (request.method !== "GET" || url.origin !== self.location.origin) return;
  if (request.mode === "navigate") {
    const fresh = fetch(request).then((response) => remember(request, response));
    event.waitUntil(fresh.then(() => queue, () => undefined));
    event.respondWith(fresh.catch(() => caches.match(request, { ignoreSearch: true }).then((hit) => hit || offlinePage(url))));
    return;
  }
  if (request.headers.has("range")) {
    event.respondWith(
      caches.match(url.href).then((hit) => hit ? ranged(request, hit) : fetch(request))
    );
    return;
  }
  const fresh = fetch(request).then((response) => remember(request, response));
  event.waitUntil(fresh.then(() => queue, () => undefined));
  event.respondWith(
    caches.match(request).then((hit) => hit || fresh.catch(() => otherRendition(url).then((other) => other || Response.error())))
  );
});
