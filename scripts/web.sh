#!/usr/bin/env bash
# Installs the timeline page's front-end libraries from the npm registry (web/package-lock.json)
# and copies the standalone builds into api/static/vendor, which the app serves (no CDN).
# Idempotent: does nothing when the vendor copy is newer than the lock file.
set -euo pipefail
cd "$(dirname "$0")/.."
WEB=web
VENDOR=api/static/vendor
PKG=$WEB/node_modules/vis-timeline
FILES=("$PKG/standalone/umd/vis-timeline-graph2d.min.js" "$PKG/styles/vis-timeline-graph2d.min.css")
STAMP=$VENDOR/.stamp

if [[ -f $STAMP && $STAMP -nt $WEB/package-lock.json && $STAMP -nt $WEB/package.json ]]; then
  exit 0
fi
command -v npm >/dev/null || { echo "web.sh: npm not found; install nodejs and npm (apt-get install npm)" >&2; exit 1; }
if [[ ! -f ${FILES[0]} || $WEB/package-lock.json -nt $PKG/package.json ]]; then
  (cd "$WEB" && npm ci --no-fund --no-audit --loglevel=error)
fi
mkdir -p "$VENDOR"
cp "${FILES[@]}" "$VENDOR/"
touch "$STAMP"
echo "web.sh: vis-timeline $(node -p "require('./$PKG/package.json').version") copied to $VENDOR" >&2
