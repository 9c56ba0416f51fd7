# Two commands do all set-up from a fresh clone (.venv from pyproject.toml, node_modules from package-lock.json):
#   make serve   build the site and serve it on http://127.0.0.1:8000
#   make test    run every test (installs Debian's chromium when missing)
# Others: make site (build into site/), make bench (print performance figures), make clean.
#   make site SITE_URL=https://…/   the public address: each clause page gets a QR code of its URL

PYTHON ?= python3
VENV   := .venv
PY     := $(VENV)/bin/python
# PORT: `make serve` defaults to 8000, `make serve-prod` to 8080.
PORT   ?=
STAMP  := $(VENV)/.installed-stamp
# npm ci writes this file; it is older than package-lock.json when the pinned runtime changed.
NODE   := node_modules/.package-lock.json

# The site's public address (none by default: a developer build has no QR codes and its pages say so).
SITE_URL ?=
SITE_URL_ARG := $(if $(SITE_URL),--site-url $(SITE_URL))

.PHONY: serve serve-prod test site bench chromium nginx zbar clean lock

# Every package at the exact version in constraints.txt (`make lock` renews it).
$(STAMP): pyproject.toml constraints.txt
	$(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet -c constraints.txt -e '.[site,test,xlsx]'
	touch $(STAMP)

# Renew constraints.txt: the newest versions pyproject.toml's ranges allow, in a scratch environment.
lock:
	rm -rf .cache/lock-venv
	$(PYTHON) -m venv .cache/lock-venv
	.cache/lock-venv/bin/pip install --quiet --upgrade pip
	.cache/lock-venv/bin/pip install --quiet -e '.[site,test]'
	{ sed -n '/^#/p' constraints.txt; .cache/lock-venv/bin/pip freeze --all --exclude-editable | grep -v '^pip=='; } > constraints.txt.new
	mv constraints.txt.new constraints.txt
	rm -rf .cache/lock-venv

# The Pyodide runtime (build_site.py ships it) and, for the tests and benchmarks only, Lighthouse:
# both pinned exactly in package.json / package-lock.json. Lighthouse runs Debian's Chromium (CHROME_PATH).
# package.json's "overrides" pins third-party-web, which a Lighthouse dependency asks for as "latest":
# without it `npm ci` refuses the lock file as soon as a newer version is published.
$(NODE): package.json package-lock.json
	npm ci --no-audit --no-fund
	touch $(NODE)

site: $(STAMP) $(NODE) $(if $(SITE_URL),zbar)
	$(PY) build_site.py build $(SITE_URL_ARG)

serve: $(STAMP) $(NODE) $(if $(SITE_URL),zbar)
	$(PY) build_site.py serve --port $(or $(PORT),8000) $(SITE_URL_ARG)

# Production-like: nginx with deploy/nginx.conf (headers, gzip_static, caching) on 127.0.0.1.
SITE_DIR  ?= site
serve-prod: site nginx
	$(PY) -m sitegen.serve.nginx --port $(or $(PORT),8080) --site-dir $(SITE_DIR)

# nginx and Debian's brotli_static module (deploy/nginx.conf loads it).
BROTLI_MODULE := /usr/lib/nginx/modules/ngx_http_brotli_static_module.so
nginx:
	@{ command -v nginx >/dev/null 2>&1 || [ -x /usr/sbin/nginx ]; } && [ -f $(BROTLI_MODULE) ] || { \
	  apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq nginx libnginx-mod-http-brotli-static; }

# Browser tests drive Debian's Chromium (Playwright cannot download browsers here);
# fonts-noto-cjk makes Chinese render in screenshots.
chromium:
	@command -v chromium >/dev/null 2>&1 && fc-list 2>/dev/null | grep -qi "noto.*cjk" || { \
	  apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium fonts-noto-cjk; }

# zbarimg (Debian's zbar-tools) reads each QR code back at build time: a code that does not decode
# to its URL fails the build. Needed only for a build with SITE_URL, and by the tests.
zbar:
	@command -v zbarimg >/dev/null 2>&1 || { \
	  apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq zbar-tools; }

# Temporary files stay inside this checkout, so two checkouts testing at once never share them.
test: $(STAMP) $(NODE) chromium nginx zbar
	$(PY) tools/run_tests.py

bench: $(STAMP) $(NODE) chromium
	$(PY) bench/run_all.py

clean:
	rm -rf site build dist .pytest_cache
