#!/usr/bin/env bash
# Validates a SARIF file with Microsoft's SARIF multitool as GitHub code scanning would judge it:
#   validate --rule-kind "Gh;Sarif"
# and fails on any error or warning. Without the multitool (see .ci/install-test-deps.sh: it needs npm) it says so
# and exits 0, so that CI without npm still passes.
# Usage: .ci/validate-sarif.sh [file]   (default: the sample's sample-project/target/devops/devops.sarif)
set -euo pipefail
cd "$(dirname "$0")/.."
sarif="$(realpath "${1:-sample-project/target/devops/devops.sarif}")"
dir="${HOME}/.cache/devops-maven-plugin/sarif-multitool"
if [ ! -f "${sarif}" ]; then
  echo "SARIF validation FAILED: ${sarif} does not exist (run 'mvn -B install' or 'mvn -B verify' first)"
  exit 1
fi
if ! command -v node >/dev/null || [ ! -d "${dir}/node_modules/@microsoft/sarif-multitool" ]; then
  echo "SARIF validation SKIPPED: @microsoft/sarif-multitool is not installed (npm unavailable?); run .ci/install-test-deps.sh"
  exit 0
fi
# The npm wrapper passes its arguments through a shell unquoted ("Gh;Sarif" would split), so call the binary itself.
tool="$(cd "${dir}" && node -e 'console.log(require("@microsoft/sarif-multitool"))')"
version="$("${tool}" --version 2>&1 | sed -n 's/^SARIF Multitool \([0-9.]*\).*/\1/p' | head -n 1)"
out="$(mktemp -d)"
trap 'rm -rf "${out}"' EXIT
log="${out}/validate.log"
"${tool}" validate --rule-kind "Gh;Sarif" -o "${out}/result.sarif" "${sarif}" >"${log}" 2>&1 || true
errors=$(grep -cE ': error [A-Z]+[0-9]+' "${log}" || true)
warnings=$(grep -cE ': warning [A-Z]+[0-9]+' "${log}" || true)
if ! grep -q 'Analysis completed successfully' "${log}"; then
  cat "${log}"
  echo "SARIF validation FAILED: the multitool did not complete"
  exit 1
fi
echo "SARIF multitool ${version} validate --rule-kind Gh;Sarif on ${sarif}: ${errors} error(s), ${warnings} warning(s)"
if [ "${errors}" != 0 ] || [ "${warnings}" != 0 ]; then
  grep -E ': (error|warning) [A-Z]+[0-9]+' "${log}"
  exit 1
fi
