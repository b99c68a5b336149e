#!/bin/sh
# Installs two independent readers of bounces, used by the test that has them read the
# simulator's avis de non-remise (simulator/protocols/mime/independent-bounce-parsers.test.ts):
# Sisimai and Mail::DeliveryStatus::BounceParser, both Perl, from Debian. Idempotent: returns at
# once when both load (apt-install.sh does the rest).
set -eu

if perl -MSisimai -MMail::DeliveryStatus::BounceParser -e 1 2>/dev/null; then
  exit 0
fi

sh "$(dirname "$0")/apt-install.sh" "les lecteurs d'avis de non-remise Sisimai et Mail::DeliveryStatus::BounceParser" libsisimai-perl libmail-deliverystatus-bounceparser-perl
perl -MSisimai -MMail::DeliveryStatus::BounceParser -e 1
echo "Lecteurs d'avis de non-remise prêts : Sisimai, Mail::DeliveryStatus::BounceParser" >&2
