#!/bin/sh
# Installs Debian packages that the tests need: `sh scripts/apt-install.sh "QUOI" PAQUET…`, QUOI
# naming them in the messages. Non-interactive; `apt-get update` only if the first attempt fails
# (stale package lists). Needs root or sudo; says in French what to do otherwise.
set -eu

WHAT="$1"
shift

if [ "$(id -u)" -eq 0 ]; then
  AS_ROOT=""
elif command -v sudo >/dev/null 2>&1 && sudo -n true 2>/dev/null; then
  AS_ROOT="sudo -n"
else
  echo "$WHAT : absent, et son installation demande les droits administrateur." >&2
  echo "Installez-le puis relancez : sudo apt-get install $*" >&2
  exit 1
fi

if ! command -v apt-get >/dev/null 2>&1; then
  echo "$WHAT : absent, et apt-get n'est pas disponible : installez les paquets $* avec le gestionnaire de paquets de votre système." >&2
  exit 1
fi

install_packages() {
  $AS_ROOT env DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends "$@"
}

echo "Installation de $WHAT (paquets Debian $*)…" >&2
if ! install_packages "$@"; then
  echo "Première tentative échouée : mise à jour de la liste des paquets (apt-get update) puis nouvel essai." >&2
  $AS_ROOT env DEBIAN_FRONTEND=noninteractive apt-get update
  install_packages "$@"
fi
