#!/usr/bin/env bash
# Creates a demo git repository with a year of realistic multi-author history (2024), so that the history checks
# (knowledge silos, "the DevOps person", review signals, DORA delivery metrics) have something to find:
#
#   api/       Ann, Ben and Eve, feature branches merged by Maya (who merges everything), Reviewed-by trailers
#   billing/   Carl, the co-founder: weekly commits straight to main, never reviewed (billing/Ledger.java: hotspot)
#   legacy/    Olga, who left in March (abandoned code)
#   CI, Dockerfile, Kubernetes, Terraform: only Dana, "the DevOps person"
#   a v1.N.0 release tag every two weeks, two reverts, one merged hotfix branch, a dependency bot
#
# The history is replayed with JGit by io.github.devopsassess.testing.DemoHistory (plugin test sources), with fixed
# dates, so the repository and its findings are the same on every machine.
#
#   sample-project/demo/make-demo-repo.sh [folder]        (default: sample-project/target/demo-repo)
#
# Then assess it with the sample project's plugin configuration:
#
#   mvn -B -o -pl plugin,sample-project -am verify -DskipTests -Ddevops.failOnRegression=false \
#       -Ddevops.repository="$PWD/sample-project/target/demo-repo" -Ddevops.showNames=true
set -euo pipefail
root="$(cd "$(dirname "$0")/../.." && pwd)"
target="${1:-$root/sample-project/target/demo-repo}"
if [ -e "$target" ] && [ -n "$(ls -A "$target" 2>/dev/null)" ]; then
  echo "$target exists and is not empty; remove it or name another folder" >&2
  exit 1
fi
cd "$root"
mvn -B -o -q -pl plugin -am test-compile
cpfile="$(mktemp)"
trap 'rm -f "$cpfile"' EXIT
mvn -B -o -q -pl plugin dependency:build-classpath -Dmdep.outputFile="$cpfile" -Dmdep.includeScope=test >/dev/null
java -cp "$root/plugin/target/test-classes:$root/plugin/target/classes:$(cat "$cpfile")" \
  io.github.devopsassess.testing.DemoHistory "$target"
