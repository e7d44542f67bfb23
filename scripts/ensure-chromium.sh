#!/usr/bin/env bash
# Makes sure the headless browser the dashboard's UI tests drive is installed: Debian's chromium and its matching
# chromedriver. Idempotent: does nothing when both are present; otherwise installs them with apt-get (needs root).
set -euo pipefail

CHROMIUM=/usr/bin/chromium
CHROMEDRIVER=/usr/bin/chromedriver

if [[ -x "$CHROMIUM" && -x "$CHROMEDRIVER" ]]; then
    echo "chromium and chromedriver are installed: $("$CHROMIUM" --version 2>/dev/null || echo "$CHROMIUM")" >&2
    exit 0
fi

if [[ "$(id -u)" -ne 0 ]]; then
    SUDO=sudo
else
    SUDO=
fi

echo "installing chromium and chromium-driver with apt-get" >&2
export DEBIAN_FRONTEND=noninteractive
$SUDO apt-get update -q
$SUDO apt-get install -y -q --no-install-recommends chromium chromium-driver

for binary in "$CHROMIUM" "$CHROMEDRIVER"; do
    if [[ ! -x "$binary" ]]; then
        echo "error: $binary is still missing after installing chromium and chromium-driver" >&2
        exit 1
    fi
done
echo "installed: $("$CHROMIUM" --version 2>/dev/null || echo "$CHROMIUM")" >&2
