#!/usr/bin/env bash
# Installs what the tests need on a fresh Debian machine: the npm packages (without Electron's
# binary, which the tests do not use), Debian's Chromium for the end-to-end tests, and poppler
# and zbar, with which the tests read printed PDFs back (text, pages, QR codes and barcodes), and
# faketime, which gives the browser of one end-to-end test a clock 30 s fast.
set -euo pipefail
cd "$(dirname "$0")/.."

missing=()
[ -x /usr/bin/chromium ] || missing+=(chromium)
command -v pdftotext > /dev/null || missing+=(poppler-utils)
command -v zbarimg > /dev/null || missing+=(zbar-tools)
command -v faketime > /dev/null || missing+=(faketime)
if [ "${#missing[@]}" -gt 0 ]; then
  echo "Installing Debian packages for the tests: ${missing[*]}…"
  sudo_if_needed=()
  [ "$(id -u)" -ne 0 ] && sudo_if_needed=(sudo)
  "${sudo_if_needed[@]}" env DEBIAN_FRONTEND=noninteractive apt-get update -qq
  "${sudo_if_needed[@]}" env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${missing[@]}" < /dev/null
fi

ELECTRON_SKIP_BINARY_DOWNLOAD=1 npm ci --no-audit --no-fund < /dev/null
