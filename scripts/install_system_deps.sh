#!/usr/bin/env bash
# System packages the app and its tests need: Chromium (browser tests, kaleido export),
# poppler-utils (PDF checks), PostgreSQL (store tests), LibreOffice Impress without a GUI
# and Calc (the briefing deck and the follow-up lists as PDF), and the Vazirmatn font in fontconfig.
# Installs only what is missing; needs root for apt-get (prints what to do otherwise).
set -euo pipefail
here="$(cd "$(dirname "$0")/.." && pwd)"
need=()
command -v chromium >/dev/null 2>&1 || need+=(chromium)
command -v pdftoppm >/dev/null 2>&1 || need+=(poppler-utils)
command -v fc-cache >/dev/null 2>&1 || need+=(fontconfig)
ls /usr/lib/postgresql/*/bin/initdb >/dev/null 2>&1 || need+=(postgresql)
command -v soffice >/dev/null 2>&1 || command -v libreoffice >/dev/null 2>&1 \
  || need+=(libreoffice-impress-nogui)
# LibreOffice Calc without a GUI: the governor's and the MP's follow-up lists as PDF
dpkg -s libreoffice-calc-nogui >/dev/null 2>&1 || dpkg -s libreoffice-calc >/dev/null 2>&1 \
  || need+=(libreoffice-calc-nogui)
if [ ${#need[@]} -gt 0 ]; then
  if [ "$(id -u)" = "0" ]; then
    export DEBIAN_FRONTEND=noninteractive
    apt-get update -qq
    apt-get install -y -qq --no-install-recommends "${need[@]}" >/dev/null
  else
    echo "missing system packages: ${need[*]} — run: sudo apt-get install ${need[*]}" >&2
  fi
fi
# The product font, for Chromium/kaleido exports (the web app serves its own woff2 files).
fontdir="${XDG_DATA_HOME:-$HOME/.local/share}/fonts"
if ! fc-list 2>/dev/null | grep -q Vazirmatn; then
  mkdir -p "$fontdir"
  cp "$here"/static/fonts/Vazirmatn-*.ttf "$fontdir"/
  fc-cache -f >/dev/null 2>&1 || true
fi
