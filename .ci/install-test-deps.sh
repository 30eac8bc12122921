#!/usr/bin/env bash
# Installs what the tests need beyond Maven, idempotently, under ~/.cache/devops-maven-plugin:
# - the official SARIF 2.1.0 JSON schema, taken from the npm package @microsoft/jest-sarif (the schema is not published
#   to Maven Central);
# - Microsoft's SARIF multitool (@microsoft/sarif-multitool 5.7.0) that .ci/validate-sarif.sh runs on the sample;
# - for the browser tests of the sample site (mvn -Pbrowser, site-theme/src/test/browser/): Debian's chromium package where
#   /usr/bin/chromium is missing, and the npm package playwright-core that drives it (it never downloads a browser).
# Each part that cannot be installed (no npm, no network) is reported and its check is skipped, not failed.
set -uo pipefail
dest="${HOME}/.cache/devops-maven-plugin"
mkdir -p "${dest}"
status=0

schema="${dest}/sarif-2.1.0-rtm.5.json"
if [ ! -s "${schema}" ]; then
  tmp="$(mktemp -d)"
  if (cd "${tmp}" && npm pack --silent @microsoft/jest-sarif@1.0.0-beta.0 >/dev/null) \
      && tar -xzf "${tmp}"/microsoft-jest-sarif-*.tgz -C "${tmp}" package/lib/schemas/sarif-2.1.0-rtm.5.json; then
    cp "${tmp}/package/lib/schemas/sarif-2.1.0-rtm.5.json" "${schema}"
  else
    echo "warning: could not install the SARIF schema; its validation test will be skipped"
    status=1
  fi
  rm -rf "${tmp}"
fi
[ -s "${schema}" ] && echo "SARIF schema: ${schema}"

multitool="${dest}/sarif-multitool"
version="5.7.0"
installed="$(cat "${multitool}/node_modules/@microsoft/sarif-multitool/package.json" 2>/dev/null \
  | sed -n 's/.*"version": *"\([^"]*\)".*/\1/p' | head -n 1)"
if [ "${installed}" != "${version}" ]; then
  mkdir -p "${multitool}"
  if ! (cd "${multitool}" && npm install --silent --no-audit --no-fund "@microsoft/sarif-multitool@${version}" \
      >/dev/null); then
    echo "warning: could not install @microsoft/sarif-multitool ${version}; the SARIF validation will be skipped"
    status=1
  fi
fi
[ -d "${multitool}/node_modules/@microsoft/sarif-multitool" ] && echo "SARIF multitool: ${multitool}"
chromium=/usr/bin/chromium
if [ ! -x "${chromium}" ]; then
  sudo=""
  [ "$(id -u)" -ne 0 ] && command -v sudo >/dev/null 2>&1 && sudo="sudo -n"
  if ! command -v apt-get >/dev/null 2>&1 || ! { ${sudo} apt-get update -qq >/dev/null 2>&1 \
      && DEBIAN_FRONTEND=noninteractive ${sudo} apt-get install -y -qq chromium >/dev/null 2>&1; }; then
    echo "warning: could not install Chromium (apt-get install -y chromium); the browser tests will be skipped"
    status=1
  fi
fi
[ -x "${chromium}" ] && echo "Chromium: ${chromium} ($("${chromium}" --version 2>/dev/null | head -n 1))"

browser="${dest}/browser"
playwright="1.65.2"
installed="$(sed -n 's/.*"version": *"\([^"]*\)".*/\1/p' "${browser}/node_modules/playwright-core/package.json" \
  2>/dev/null | head -n 1)"
if [ "${installed}" != "${playwright}" ]; then
  mkdir -p "${browser}"
  if ! (cd "${browser}" && PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1 npm install --silent --no-audit --no-fund \
      "playwright-core@${playwright}" >/dev/null); then
    echo "warning: could not install playwright-core ${playwright}; the browser tests will be skipped"
    status=1
  fi
fi
[ -d "${browser}/node_modules/playwright-core" ] && echo "playwright-core: ${browser}/node_modules/playwright-core"
exit "${status}"
