#!/bin/sh
# Installs Debian's Chromium headless shell for the end-to-end tests (the build Playwright uses
# for headless runs): Playwright cannot download its own browsers here, the tests launch
# /usr/bin/chromium-headless-shell (simulator/web/ui/e2e/chromium-launch.ts). Idempotent: returns at
# once when it is already installed. Non-interactive; `apt-get update` only if the first
# install attempt fails (stale package lists). Needs root or sudo.
set -eu

CHROMIUM="${MSS_SIM_CHROMIUM:-/usr/bin/chromium-headless-shell}"

if [ -x "$CHROMIUM" ]; then
  exit 0
fi

if [ "$(id -u)" -eq 0 ]; then
  AS_ROOT=""
elif command -v sudo >/dev/null 2>&1 && sudo -n true 2>/dev/null; then
  AS_ROOT="sudo -n"
else
  echo "Chromium est absent ($CHROMIUM) et son installation demande les droits administrateur." >&2
  echo "Installez-le puis relancez : sudo apt-get install chromium-headless-shell" >&2
  echo "(ou indiquez un autre exécutable avec la variable MSS_SIM_CHROMIUM)." >&2
  exit 1
fi

if ! command -v apt-get >/dev/null 2>&1; then
  echo "Chromium est absent ($CHROMIUM) et apt-get n'est pas disponible : installez Chromium avec le gestionnaire de paquets de votre système, ou indiquez son chemin avec MSS_SIM_CHROMIUM." >&2
  exit 1
fi

export DEBIAN_FRONTEND=noninteractive
install_chromium() {
  $AS_ROOT env DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends chromium-headless-shell
}

echo "Installation de Chromium (paquet Debian chromium-headless-shell)…" >&2
if ! install_chromium; then
  echo "Première tentative échouée : mise à jour de la liste des paquets (apt-get update) puis nouvel essai." >&2
  $AS_ROOT env DEBIAN_FRONTEND=noninteractive apt-get update
  install_chromium
fi

if [ ! -x "$CHROMIUM" ]; then
  echo "Chromium installé mais introuvable à l'emplacement attendu ($CHROMIUM) : indiquez son chemin avec MSS_SIM_CHROMIUM." >&2
  exit 1
fi
echo "Chromium prêt : $CHROMIUM" >&2
