#!/bin/sh
# Installs Debian's Chromium headless shell for the end-to-end tests (the build Playwright uses
# for headless runs): Playwright cannot download its own browsers here, the tests launch
# /usr/bin/chromium-headless-shell (simulator/web/ui/e2e/chromium-launch.ts). Idempotent: returns at
# once when it is already installed (apt-install.sh does the rest).
set -eu

CHROMIUM="${MSS_SIM_CHROMIUM:-/usr/bin/chromium-headless-shell}"

if [ -x "$CHROMIUM" ]; then
  exit 0
fi

if ! sh "$(dirname "$0")/apt-install.sh" "Chromium ($CHROMIUM)" chromium-headless-shell; then
  echo "(ou indiquez un autre exécutable de Chromium avec la variable MSS_SIM_CHROMIUM)." >&2
  exit 1
fi

if [ ! -x "$CHROMIUM" ]; then
  echo "Chromium installé mais introuvable à l'emplacement attendu ($CHROMIUM) : indiquez son chemin avec MSS_SIM_CHROMIUM." >&2
  exit 1
fi
echo "Chromium prêt : $CHROMIUM" >&2
