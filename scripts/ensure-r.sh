#!/usr/bin/env bash
# Makes sure R with the forecast package is installed, for the scripts that compare Fleetcast's forecasting with R's
# (reference values for tests, the side-by-side benchmark). Idempotent: does nothing when R can load forecast;
# otherwise installs Debian's r-base-core and r-cran-forecast with apt-get (needs root or sudo).
set -euo pipefail

if command -v Rscript >/dev/null 2>&1 && Rscript -e 'suppressMessages(library(forecast))' >/dev/null 2>&1; then
    echo "R and its forecast package are installed: $(Rscript -e 'cat(as.character(packageVersion("forecast")))')" >&2
    exit 0
fi

if [[ "$(id -u)" -ne 0 ]]; then
    SUDO=sudo
else
    SUDO=
fi

echo "installing R and its forecast package with apt-get (r-base-core, r-cran-forecast)" >&2
export DEBIAN_FRONTEND=noninteractive
$SUDO apt-get update -q
$SUDO apt-get install -y -q --no-install-recommends r-base-core r-cran-forecast

Rscript -e 'suppressMessages(library(forecast))' || {
    echo "error: R still cannot load the forecast package after installing r-cran-forecast" >&2
    exit 1
}
