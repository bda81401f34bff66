// Offline visits at the relic: a page once opened (and its photos, audio guide) reloads
// with no signal, and a page never opened shows the site's own offline page in its
// language, with the pages this phone has kept.
// Pages are fetched from the network first and the cache is only a fallback, so a
// visitor never sees an old page after a deploy while online. Other files are served
// from the cache and refreshed in the background: at most one visit behind.
// The list of files to keep at install comes from offline-files.json (heritage/urls.py).
const CACHE = "di-san-tan-an-v1";
const SCOPE = new URL("./", self.location).href;
const FILES = "offline-files.json";

self.addEventListener("install", (event) => {
  event.waitUntil(
    caches.open(CACHE).then((cache) => cache.add(SCOPE + FILES)
      .then(() => cache.match(SCOPE + FILES))
      .then((response) => response.json())
      .then((files) => cache.addAll(files.precache.map((f) => SCOPE + f))))
      .catch(() => undefined)  // never block installing: pages still get kept as they are opened
      .then(() => self.skipWaiting())
  );
});

self.addEventListener("activate", (event) => {
  event.waitUntil(
    caches.keys()
      .then((names) => Promise.all(names.filter((n) => n !== CACHE).map((n) => caches.delete(n))))
      .then(() => self.clients.claim())
  );
});

function remember(request, response) {
  if (response && response.status === 200 && response.type === "basic") {
    const copy = response.clone();
    caches.open(CACHE).then((cache) => cache.put(request, copy));
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
  const match = url.pathname.match(/^(.*-)\d+\.(avif|webp|jpg)$/);
  if (!match) return Promise.resolve(undefined);
  return caches.open(CACHE).then((cache) => cache.keys().then((keys) => {
    const same = keys.find((k) => new URL(k.url).pathname.match(/^(.*-)\d+\.(avif|webp|jpg)$/) && new URL(k.url).pathname.startsWith(match[1]));
    return same ? cache.match(same) : undefined;
  }));
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

// A page asks to keep files it will need offline (its photos, its audio guide).
self.addEventListener("message", (event) => {
  const data = event.data || {};
  if (data.type !== "keep" || !Array.isArray(data.urls)) return;
  const wanted = data.urls.map((u) => new URL(u, SCOPE)).filter((u) => u.origin === self.location.origin);
  event.waitUntil(
    caches.open(CACHE).then((cache) => Promise.all(wanted.map((url) =>
      cache.match(url.href).then((hit) => hit || fetch(url.href).then((response) => {
        if (response.status === 200) return cache.put(url.href, response);
      }).catch(() => undefined))
    )))
  );
});

self.addEventListener("fetch", (event) => {
  const request = event.request;
  const url = new URL(request.url);
  if (request.method !== "GET" || url.origin !== self.location.origin) return;
  if (request.mode === "navigate") {
    event.respondWith(
      fetch(request).then((response) => remember(request, response))
        .catch(() => caches.match(request, { ignoreSearch: true }).then((hit) => hit || offlinePage(url)))
    );
    return;
  }
  if (request.headers.has("range")) {
    event.respondWith(
      caches.match(url.href).then((hit) => hit ? ranged(request, hit) : fetch(request))
    );
    return;
  }
  event.respondWith(
    caches.match(request).then((hit) => {
      const fresh = fetch(request).then((response) => remember(request, response))
        .catch(() => hit || otherRendition(url).then((other) => other || Response.error()));
      return hit || fresh;
    })
  );
});
