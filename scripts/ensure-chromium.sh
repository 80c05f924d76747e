#!/usr/bin/env bash
# Make sure Playwright has a Chromium: $CHROMIUM_PATH, Debian's /usr/bin/chromium (installed with
# apt-get when missing and we are root), or Playwright's own when CHROMIUM_PATH is set but empty.
set -euo pipefail
if [ -n "${CHROMIUM_PATH+set}" ] && [ -z "$CHROMIUM_PATH" ]; then exit 0; fi   # empty: Playwright's own browser
if [ -n "${CHROMIUM_PATH:-}" ]; then
  [ -x "$CHROMIUM_PATH" ] && exit 0
  echo "CHROMIUM_PATH=$CHROMIUM_PATH is not an executable file." >&2; exit 1
fi
[ -x /usr/bin/chromium ] && exit 0
if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then
  echo "Installing Debian's chromium for the end-to-end tests (apt-get, no recommends)..." >&2
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends chromium >/dev/null
  [ -x /usr/bin/chromium ] && exit 0
fi
cat >&2 <<'MSG'
The end-to-end tests need Chromium, and none was found. Do one of:
  sudo apt-get install -y --no-install-recommends chromium      # Debian: /usr/bin/chromium
  npx playwright install chromium && export CHROMIUM_PATH=      # Playwright's own browser (needs internet)
  export CHROMIUM_PATH=/path/to/chrome                          # any Chromium you have
then run npm test again.
MSG
exit 1
