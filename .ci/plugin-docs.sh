#!/usr/bin/env bash
# Generates the goal and parameter pages (maven-plugin-report-plugin, through 'mvn -pl plugin site') and checks them:
# one page per goal, each with only the parameters it reads, '@since' as a column and never as text.
# Run after 'mvn -B install'; the pages are under plugin/target/site/ (plugin-info.html, <goal>-mojo.html).
set -euo pipefail
cd "$(dirname "$0")/.."
mvn -B -q -Dstyle.color=never -pl plugin site -DskipTests
site=plugin/target/site
fail=0
for goal in assess baseline check report rubric aggregate help; do
  [ -f "${site}/${goal}-mojo.html" ] || { echo "missing ${site}/${goal}-mojo.html"; fail=1; }
done
grep -q 'devops:assess' "${site}/plugin-info.html" || { echo "plugin-info.html lists no goals"; fail=1; }
if grep -l '@since' "${site}"/*-mojo.html; then echo "a page has '@since' as text"; fail=1; fi
# check gates on a saved assessment: it must not show the scanning parameters; baseline must not show gate ones
for p in repository lineCounts historyThreads; do
  if grep -q "href=\"#${p}\"" "${site}/check-mojo.html"; then echo "check-mojo.html shows ${p}"; fail=1; fi
done
for p in failOnSeverity waivers ratchet; do
  if grep -q "href=\"#${p}\"" "${site}/baseline-mojo.html"; then echo "baseline-mojo.html shows ${p}"; fail=1; fi
done
[ "${fail}" = 0 ] && echo "Plugin documentation: ${site}/plugin-info.html and $(ls "${site}"/*-mojo.html | wc -l) goal pages, checked"
exit "${fail}"
