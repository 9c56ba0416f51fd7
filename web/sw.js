// Service worker for the calculator: repeat visits load the engine from this device, and after one
// visit the calculator works with no network at all. It only ever fetches this site's own files.
//
// sitegen/engine/offline.py writes this file to the site root with VERSION (the engine's content hash) and
// PRECACHE (the calculator and roster pages and every file they load) filled in. A new build has a
// new VERSION, so the browser installs the new worker, which deletes every older cache.
//
// What the cache holds: the engine under its exact URLs, and pages and their files under their path
// alone. A page visited with a query string (/calculator/?name=…) replaces the page's one copy
// instead of adding an entry that would keep the query until the next version.
"use strict";

const VERSION = "__VERSION__";
const PRECACHE = __PRECACHE__;
const PREFIX = "songjiang-calculator-";
const CACHE = PREFIX + VERSION;
const ENGINE_PATH = new URL("engine/" + VERSION + "/", self.registration.scope).pathname;

self.addEventListener("install", (event) => {
  event.waitUntil(
    caches.open(CACHE)
      .then((cache) => cache.addAll(PRECACHE.map((path) => new URL(path, self.registration.scope).href)))
      .then(() => self.skipWaiting()),
  );
});

self.addEventListener("activate", (event) => {
  event.waitUntil(
    caches.keys()
      .then((names) => Promise.all(names.filter((name) => name.startsWith(PREFIX) && name !== CACHE)
        .map((name) => caches.delete(name))))
      .then(() => self.clients.claim()),
  );
});

self.addEventListener("fetch", (event) => {
  const request = event.request;
  const url = new URL(request.url);
  if (request.method !== "GET" || url.origin !== self.location.origin) return;
  if (url.pathname.startsWith(ENGINE_PATH)) {
    event.respondWith(cacheFirst(request));  // content-hashed: a cached copy is always right
  } else if (request.mode === "navigate" || isPrecached(url)) {
    event.respondWith(networkFirst(request));  // fresh when online, the cached copy when not
  }
});

function isPrecached(url) {
  return PRECACHE.some((path) => new URL(path, self.registration.scope).pathname === url.pathname);
}

async function cacheFirst(request) {
  const cached = await caches.match(request, { cacheName: CACHE });
  return cached || fetch(request);
}

// The key a page or page file is stored under: its address without query string or fragment.
function pathOnly(request) {
  const url = new URL(request.url);
  return url.origin + url.pathname;
}

async function networkFirst(request) {
  try {
    const response = await fetch(request);
    if (response.ok && isPrecached(new URL(request.url))) {
      const copy = response.clone();
      caches.open(CACHE).then((cache) => cache.put(pathOnly(request), copy));
    }
    return response;
  } catch (error) {
    const cached = await caches.match(pathOnly(request), { cacheName: CACHE });
    if (cached) return cached;
    throw error;
  }
}
