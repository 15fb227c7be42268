#!/usr/bin/env bash
# Installs Debian's Chromium and ChromeDriver for the browser tests (idempotent):
#   /usr/bin/chromium and /usr/bin/chromedriver.
# Nothing happens when both are there. Needs root (or sudo) and Debian's apt.
set -euo pipefail

if [[ -x /usr/bin/chromium && -x /usr/bin/chromedriver ]]; then
  exit 0
fi

SUDO=()
if [[ "$(id -u)" != 0 ]]; then
  command -v sudo >/dev/null || { echo "chromium.sh: need root or sudo to apt-get install chromium" >&2; exit 1; }
  SUDO=(sudo -n)
fi
command -v apt-get >/dev/null || { echo "chromium.sh: apt-get not found (Debian/Ubuntu only); install Chromium and ChromeDriver yourself" >&2; exit 1; }

echo "chromium.sh: installing Debian's chromium and chromium-driver ..." >&2
export DEBIAN_FRONTEND=noninteractive
"${SUDO[@]}" apt-get update -qq
"${SUDO[@]}" apt-get install -y -qq chromium chromium-driver >/dev/null
/usr/bin/chromium --version >&2
/usr/bin/chromedriver --version >&2
