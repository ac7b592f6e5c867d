#!/usr/bin/env bash
# Installs Debian's Chromium for the headless-browser test (test/integrations/browser), unless
# /usr/bin/chromium is already there. The test uses it through playwright-core, which downloads no
# browser of its own. Needs root (CI runs as root) and the Debian package mirror.
set -euo pipefail
if [ -x /usr/bin/chromium ]; then
  exit 0
fi
export DEBIAN_FRONTEND=noninteractive
SUDO=""
if [ "$(id -u)" -ne 0 ]; then SUDO="sudo"; fi
$SUDO apt-get update -qq
$SUDO apt-get install -y -qq chromium >/dev/null
/usr/bin/chromium --version
