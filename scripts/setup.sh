#!/usr/bin/env bash
# Installs what Peixun needs on a fresh Debian machine (idempotent, quiet when all is there):
# C libraries for PDF (Cairo, Pango; qpdf to merge print files), Excel (libxlsxwriter), QR codes (libqrencode), SQLite,
# the default fonts, and the tools the tests use to read outputs back (pdftotext, pdffonts, zbarimg, headless chromium).
# dpkg-dev: dpkg-shlibdeps, for the Depends: of the Debian package (scripts/package-deb.sh).
set -euo pipefail
packages=(
  pkg-config dpkg-dev libcairo2-dev libpango1.0-dev libxlsxwriter-dev libqrencode-dev libsqlite3-dev libqpdf-dev
  fontconfig fonts-noto-cjk fonts-lxgw-wenkai
  poppler-utils zbar-tools unzip time bc chromium
)
missing=()
for p in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
if [ ${#missing[@]} -gt 0 ]; then
  echo "setup: installing ${missing[*]}" >&2
  SUDO=""; [ "$(id -u)" -ne 0 ] && SUDO="sudo"
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq "${missing[@]}" >/dev/null
fi
command -v swift >/dev/null || { echo "setup: Swift 6.1 or newer must be on PATH" >&2; exit 1; }
