#!/usr/bin/env bash
# Installs the front-end libraries from the npm registry (web/package-lock.json) and copies their
# standalone builds into api/static/vendor, which the app serves (no CDN): vis-timeline for the
# timeline page, Knight Lab TimelineJS for /static/timelinejs.html (the TimelineJS feed, drawn).
# Idempotent: does nothing when the vendor copy is newer than the lock file.
set -euo pipefail
cd "$(dirname "$0")/.."
WEB=web
VENDOR=api/static/vendor
VIS=$WEB/node_modules/vis-timeline
TJS=$WEB/node_modules/@knight-lab/timelinejs/dist
FILES=("$VIS/standalone/umd/vis-timeline-graph2d.min.js" "$VIS/styles/vis-timeline-graph2d.min.css")
STAMP=$VENDOR/.stamp

if [[ -f $STAMP && $STAMP -nt $WEB/package-lock.json && $STAMP -nt $WEB/package.json ]]; then
  exit 0
fi
command -v npm >/dev/null || { echo "web.sh: npm not found; install nodejs and npm (apt-get install npm)" >&2; exit 1; }
INSTALLED=$WEB/node_modules/.package-lock.json
if [[ ! -f ${FILES[0]} || ! -f $TJS/js/timeline.js || ! -f $INSTALLED || $WEB/package-lock.json -nt $INSTALLED ]]; then
  (cd "$WEB" && npm ci --no-fund --no-audit --loglevel=error)
fi
mkdir -p "$VENDOR/timelinejs/js" "$VENDOR/timelinejs/css"
cp "${FILES[@]}" "$VENDOR/"
# TimelineJS finds its icons (css/icons) and languages (js/locale) next to its script.
cp "$TJS/js/timeline.js" "$VENDOR/timelinejs/js/"
cp -r "$TJS/js/locale" "$VENDOR/timelinejs/js/"
cp -r "$TJS/css/timeline.css" "$TJS/css/icons" "$VENDOR/timelinejs/css/"
touch "$STAMP"
echo "web.sh: vis-timeline $(node -p "require('./$VIS/package.json').version")," \
  "TimelineJS $(node -p "require('./$TJS/../package.json').version") copied to $VENDOR" >&2
