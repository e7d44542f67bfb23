#!/usr/bin/env bash
# Makes sure Python 3 with scikit-learn and NumPy is installed, for the side-by-side RUL benchmark
# (fleetcast bench rul --peer). Idempotent: does nothing when python3 can import sklearn; otherwise installs Debian's
# python3-sklearn with apt-get (needs root or sudo).
set -euo pipefail

# Debian's package lands in /usr/bin/python3's library; a python3 earlier on the PATH (pyenv, a venv) may not see it.
# The benchmark tries python3 first, then /usr/bin/python3.
for python in python3 /usr/bin/python3; do
    if "$python" -c 'import sklearn, numpy' >/dev/null 2>&1; then
        echo "scikit-learn is installed for $python: $("$python" -c 'import sklearn; print(sklearn.__version__)')" >&2
        exit 0
    fi
done

if [[ "$(id -u)" -ne 0 ]]; then
    SUDO=sudo
else
    SUDO=
fi

echo "installing scikit-learn with apt-get (python3-sklearn)" >&2
export DEBIAN_FRONTEND=noninteractive
$SUDO apt-get update -q
$SUDO apt-get install -y -q --no-install-recommends python3-sklearn

/usr/bin/python3 -c 'import sklearn, numpy' || {
    echo "error: /usr/bin/python3 still cannot import sklearn after installing python3-sklearn" >&2
    exit 1
}
