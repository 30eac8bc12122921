#!/usr/bin/env bash
# Installs what the tests need beyond Maven: the official SARIF 2.1.0 JSON schema, taken from the npm package
# @microsoft/jest-sarif (the schema is not published to Maven Central). Idempotent.
set -euo pipefail
dest="${HOME}/.cache/devops-maven-plugin"
schema="${dest}/sarif-2.1.0-rtm.5.json"
if [ ! -s "${schema}" ]; then
  mkdir -p "${dest}"
  tmp="$(mktemp -d)"
  (cd "${tmp}" && npm pack --silent @microsoft/jest-sarif@1.0.0-beta.0 >/dev/null)
  tar -xzf "${tmp}"/microsoft-jest-sarif-*.tgz -C "${tmp}" package/lib/schemas/sarif-2.1.0-rtm.5.json
  cp "${tmp}/package/lib/schemas/sarif-2.1.0-rtm.5.json" "${schema}"
  rm -rf "${tmp}"
fi
echo "SARIF schema: ${schema}"
