#!/usr/bin/env bash
# Benchmark of `devops:aggregate` at portfolio scale (issue 23: 1,000 assessments in <= 30 s within -Xmx1g).
#
#   bench/portfolio.sh [template assessment.json, default sample-project/target/devops/assessment.json] [count=1000]
#
# Generates COUNT realistic assessment.json files (bench PortfolioGenerator: the template, normally the sample
# project's assessment of about 130 KB, with its own name, owning team, scores, level and 0.3 to 1.6 times its
# findings; one in ten with a published site beside it), then runs the goal as a user does,
# `mvn io.github.devopsassess:devops-maven-plugin:<version>:aggregate`, with MAVEN_OPTS=-Xmx1g, twice:
#   1. a first portfolio (nothing to compare with);
#   2. a second one, over a regenerated set in which scores moved, 10 repositories are gone and 10 are new, compared
#      with the first (the portfolio.json left at the output).
# Prints, per run, the wall time of the whole command (Maven start to last line), its CPU time (user + sys, JIT and GC
# included), the peak RSS of the JVM (GNU time's maximum resident set size), and the size of the page. Wall time on a
# shared machine also measures the other jobs, so the load average is printed beside it.
# Needs: java 17+, Maven, GNU time, and the project installed once (`mvn install`; this script runs test-compile).
# Environment: MVN_ARGS (default -o -B -q) is passed to every Maven call, e.g. -Dmaven.repo.local=...
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
template="$(realpath "${1:-$root/sample-project/target/devops/assessment.json}")"
count="${2:-1000}"
mvn_args="${MVN_ARGS:--o -B -q}"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
[ -f "$template" ] || { echo "no template $template: run 'mvn install' (it assesses the sample project) first" >&2; exit 2; }

cd "$root"
version="$(sed -n 's:.*<version>\(.*\)</version>.*:\1:p' pom.xml | head -1)"
# shellcheck disable=SC2086
mvn $mvn_args -pl plugin test-compile
# shellcheck disable=SC2086
mvn $mvn_args -pl plugin dependency:build-classpath -Dmdep.outputFile="$work/cp.txt" -Dmdep.includeScope=test >/dev/null
cp="$root/plugin/target/test-classes:$root/plugin/target/classes:$root/rubrics/target/classes"
cp="$cp:$root/site-theme/target/classes:$(cat "$work/cp.txt")"
generate() { java -Xmx1g -cp "$cp" io.github.devopsassess.bench.PortfolioGenerator "$template" "$@"; }

echo "machine: $(nproc) cores, $(awk '/MemTotal/ {printf "%.0f GiB", $2/1048576}' /proc/meminfo)," \
     "$(java -version 2>&1 | head -1), $(mvn -v 2>/dev/null | head -1 | sed 's/\x1b\[[0-9;]*m//g; s/ (.*//')"
aggregate() { # label, assessments folder
  local load; load="$(cut -d' ' -f1 /proc/loadavg)"
  # shellcheck disable=SC2086
  MAVEN_OPTS="-Xmx1g" /usr/bin/time -f "%e %M %U %S" -o "$work/time" \
    mvn ${mvn_args//-q/} "io.github.devopsassess:devops-maven-plugin:$version:aggregate" -Ddevops.assessments="$2" \
    -Ddevops.output="$work/out" -Ddevops.failOnRegression=false -Dstyle.color=never >"$work/log" 2>&1 \
    || { cat "$work/log"; exit 1; }
  read -r wall rss user sys <"$work/time"
  printf '%-40s %7.1f s wall %7.1f s cpu %6.0f MB peak RSS  page %4.1f MB  load %s\n' "$1" "$wall" \
    "$(echo "$user + $sys" | bc -l)" "$(echo "$rss / 1024" | bc -l)" \
    "$(echo "$(stat -c %s "$work/out/site/portfolio.html") / 1048576" | bc -l)" "$load"
}
generate "$work/run1" "$count" 1 0
generate "$work/run2" "$count" 2 10
echo "template: $template ($(( $(stat -c %s "$template") / 1024 )) KB)"
aggregate "aggregate $count, first portfolio" "$work/run1"
aggregate "aggregate $count, against the first" "$work/run2"
echo "log of the second run:"
sed -n 's/^\[INFO\] //p' "$work/log" | sed -n '/^Portfolio of/,/^---/p' | grep -v '^---'
echo "target (issue 23): <= 30 s within -Xmx1g"
