#!/bin/sh
# deps.sh: install the Debian packages CPCMS needs, when any is missing.
# Uses apt-get directly as root, through sudo otherwise. Never prompts.
set -e
PKGS="hercules s3270 c3270 gcc-s390x-linux-gnu binutils-s390x-linux-gnu libedit-dev libcunit1-dev make gcc"
missing=""
for p in $PKGS; do
    dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" \
        || missing="$missing $p"
done
[ -z "$missing" ] && exit 0
echo "deps: installing$missing"
if [ "$(id -u)" = 0 ]; then SUDO=""; else SUDO="sudo -n"; fi
export DEBIAN_FRONTEND=noninteractive
$SUDO apt-get update -qq </dev/null
$SUDO apt-get install -y -qq $missing </dev/null
