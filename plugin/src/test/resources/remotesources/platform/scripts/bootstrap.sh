#!/usr/bin/env bash
set -euo pipefail
# the platform itself, for the release notes
git clone https://github.com/acme-org/platform.git /tmp/platform
git clone "https://github.com/${PLUGIN_REPO}.git" /tmp/plugin
