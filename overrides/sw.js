// Offline visits: a page once opened (and its photos) reloads with no signal.
// Pages are fetched from the network first and the cache is only a fallback, so a
// visitor never sees an old page after a deploy while online. Other files are served
// from the cache and refreshed in the background: at most one visit behind.
const CACHE = "di-san-tan-an-v1";

self.addEventListener("install", () => self.skipWaiting());
self.addEventListener("activate", (event) => {
  event.waitUntil(
    caches.keys()
      .then((names) => Promise.all(names.filter((n) => n !== CACHE).map((n) => caches.delete(n))))
      .then(() => self.clients.claim())
  );
});

function remember(request, response) {
  if (response && response.ok && response.type === "basic") {
    const copy = response.clone();
    caches.open(CACHE).then((cache) => cache.put(request, copy));
  }
  return response;
}

self.addEventListener("fetch", (event) => {
  const request = event.request;
  if (request.method !== "GET" || new URL(request.url).origin !== self.location.origin) return;
  if (request.mode === "navigate") {
    event.respondWith(
      fetch(request).then((response) => remember(request, response))
        .catch(() => caches.match(request).then((hit) => hit || caches.match(new URL("404.html", self.registration.scope))))
    );
    return;
  }
  event.respondWith(
    caches.match(request).then((hit) => {
      const fresh = fetch(request).then((response) => remember(request, response)).catch(() => hit);
      return hit || fresh;
    })
  );
});
