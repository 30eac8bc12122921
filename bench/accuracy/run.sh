#!/usr/bin/env bash
# Accuracy corpus: runs the plugin on every repository pinned in repos.tsv and scores its findings against the labels.
#
#   bench/accuracy/run.sh MIRRORS_DIR [owner/name ...]
#
# MIRRORS_DIR holds one clone or bare mirror per repository, found as the first of
#   MIRRORS_DIR/<owner>+<name>/repo, MIRRORS_DIR/<owner>+<name>, MIRRORS_DIR/<owner>+<name>.git,
#   MIRRORS_DIR/<owner>/<name>, MIRRORS_DIR/<name>
# (the first is the layout of /work/.mirror). A repository that is missing, or whose mirror lacks the pinned commit,
# is named and skipped; the others still run. Naming repositories after MIRRORS_DIR runs only those (the table still
# covers every assessment present in out/).
#
# This script builds nothing: install the plugin first, e.g. `mvn -B -q install -DskipTests` at the project root.
# Environment:
#   PLUGIN_VERSION     plugin version to run (default: the project's version from the root pom.xml)
#   MAVEN_REPO_LOCAL   Maven local repository to resolve the plugin from (default: Maven's own, ~/.m2/repository).
#                      Other engineers install SNAPSHOTs into ~/.m2 while a run may take half an hour; to keep the
#                      plugin still during a run, copy the repository once and install into the copy:
#                        cp -a ~/.m2/repository /work/accuracy-m2
#                        mvn -B -q -o install -DskipTests -Dmaven.repo.local=/work/accuracy-m2
#                        MAVEN_REPO_LOCAL=/work/accuracy-m2 bench/accuracy/run.sh /work/.mirror
#   TIMEOUT            seconds one assessment may take before it is stopped and reported as a timeout (default 600)
#   SKIP_RUN=1         do not assess; only score the assessments already in out/
#   TODO=1             also rewrite todo/<owner>+<name>.tsv (the judges' worklist) from the new assessments
#   CHECKS=all         also run the checks that are off by default (a rubric that extends the default one and turns
#                      every such check on), into out-all/ instead of out/: how a check is measured before it is
#                      enabled. Its findings share fingerprints and labels with the default run.
#
# Fixed options of every run (they are part of the instrument: changing them changes findings or fingerprints):
#   devops.showNames=true (judges must match people against the git history; person subjects enter fingerprints),
#   devops.trendPoints=0 (the trend does not change findings and would multiply the run time),
#   devops.repositoryName=<owner/name> (the mirrors have no origin remote; a real clone's remote names it),
#   no baseline, no waivers, no rubric or profile of a team (run from an empty folder: the default rubric, all checks).
#
# Output: out/<owner>+<name>/assessment.json (with site/ and SARIF), out/<owner>+<name>.log (Maven's output),
# out/runs.tsv (repository, commit, seconds, exit status, findings), then the table of score.py on stdout.
set -uo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
root="$(cd "$here/../.." && pwd)"
mirrors="${1:?usage: bench/accuracy/run.sh MIRRORS_DIR [owner/name ...]}"
mirrors="$(cd "$mirrors" && pwd)" || exit 2
shift
only=("$@")
version="${PLUGIN_VERSION:-$(sed -n '/<parent>/,/<\/parent>/d; s:^  <version>\(.*\)</version>.*:\1:p' "$root/pom.xml" | head -1)}"
timeout_s="${TIMEOUT:-600}"
out="$here/out"
mvnopts=(-B -o -Dstyle.color=never)
[ -n "${MAVEN_REPO_LOCAL:-}" ] && mvnopts+=("-Dmaven.repo.local=$MAVEN_REPO_LOCAL")
work="$(mktemp -d)"   # an empty folder: no pom, baseline, waivers or rubric of its own
trap 'rm -rf "$work"' EXIT
case "${CHECKS:-default}" in
  default) ;;
  all)
    out="$here/out-all"
    rubric="$root/rubrics/src/main/resources/io/github/devopsassess/rubrics/default.yaml"
    { printf 'version: 1\nextends: default\nchecks:\n'
      awk '/^  [a-z][a-z0-9-]*:[[:space:]]*$/ { id = $1; sub(":", "", id) }
           /^    enabled: false/ { print "  " id ": { enabled: true }" }' "$rubric"
    } >"$work/all-checks.yaml"
    mvnopts+=("-Ddevops.rubric=$work/all-checks.yaml")
    export ACCURACY_OUT="$out"   # score.py reads the assessments (and writes the worklists) there
    echo "checks off by default, turned on: $(grep -c 'enabled: true' "$work/all-checks.yaml")" ;;
  *) echo "CHECKS must be default or all" >&2; exit 2 ;;
esac
mkdir -p "$out"

find_mirror() { # owner/name
  local owner="${1%%/*}" name="${1#*/}" c
  for c in "$mirrors/$owner+$name/repo" "$mirrors/$owner+$name" "$mirrors/$owner+$name.git" \
           "$mirrors/$owner/$name" "$mirrors/$name"; do
    if [ -d "$c" ] && git --git-dir="$c" rev-parse --git-dir >/dev/null 2>&1; then echo "$c"; return 0; fi
    if [ -d "$c/.git" ]; then echo "$c"; return 0; fi
  done
  return 1
}

if [ "${SKIP_RUN:-0}" != 1 ]; then
  echo "plugin io.github.devopsassess:devops-maven-plugin:$version, mirrors $mirrors, timeout ${timeout_s}s"
  [ -f "$out/runs.tsv" ] || printf 'repo\tcommit\tseconds\texit\tfindings\tdate\n' >"$out/runs.tsv"
  missing=()
  while IFS=$'\t' read -r repo commit _branch _inputs; do
    case "$repo" in ''|'#'*) continue ;; esac
    if [ ${#only[@]} -gt 0 ] && [[ ! " ${only[*]} " =~ " $repo " ]]; then continue; fi
    key="${repo/\//+}"
    if ! dir="$(find_mirror "$repo")"; then
      missing+=("$repo (no mirror)"); echo "MISSING $repo: no mirror under $mirrors"; continue
    fi
    if ! git --git-dir="$dir" cat-file -e "$commit^{commit}" 2>/dev/null \
       && ! git -C "$dir" cat-file -e "$commit^{commit}" 2>/dev/null; then
      missing+=("$repo (no commit $commit)"); echo "MISSING $repo: $dir lacks commit $commit"; continue
    fi
    rm -rf "${out:?}/$key"
    start=$(date +%s)
    (cd "$work" && timeout "$timeout_s" mvn "${mvnopts[@]}" \
        "io.github.devopsassess:devops-maven-plugin:$version:assess" \
        -Ddevops.repository="$dir" -Ddevops.ref="$commit" -Ddevops.output="$out/$key" \
        -Ddevops.cache="$out/cache/$key" -Ddevops.showNames=true -Ddevops.trendPoints=0 \
        -Ddevops.repositoryName="$repo" \
        -Ddevops.failOnRegression=false) >"$out/$key.log" 2>&1
    rc=$?
    secs=$(( $(date +%s) - start ))
    n=$(python3 -c 'import json,sys; print(len(json.load(open(sys.argv[1]))["findings"]))' \
        "$out/$key/assessment.json" 2>/dev/null || echo -)
    [ $rc = 124 ] && echo "TIMEOUT $repo after ${timeout_s}s"
    [ $rc != 0 ] && [ $rc != 124 ] && { echo "FAILED $repo (exit $rc), last lines of $out/$key.log:"; \
        grep -E '^\[(ERROR|WARNING)\]' "$out/$key.log" | head -5; }
    printf '%-52s %4ss exit %s, %s findings\n' "$repo" "$secs" "$rc" "$n"
    printf '%s\t%s\t%s\t%s\t%s\t%s\n' "$repo" "$commit" "$secs" "$rc" "$n" "$(date -u +%FT%TZ)" >>"$out/runs.tsv"
  done <"$here/repos.tsv"
  [ ${#missing[@]} -gt 0 ] && printf 'missing: %s\n' "${missing[@]}"
fi

[ "${TODO:-0}" = 1 ] && python3 "$here/score.py" todo "$here"
python3 "$here/score.py" table "$here"
