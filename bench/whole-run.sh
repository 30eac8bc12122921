#!/usr/bin/env bash
# What a new user waits for: the whole first `mvn devops:assess` of a repository against native git, in one run.
#
#   bench/whole-run.sh <clone or bare repository>... 
#
# Per repository, ROUNDS times (default 3), alternately:
#   - native `git log --no-merges --numstat HEAD` on the same repository (the reference);
#   - the whole `mvn <plugin>:assess -Ddevops.repository=<repository>` from an empty folder, Maven start to last line,
#     on a fresh cache and output folder (a first run), with the JVM's default flags (no .mvn/jvm.config);
#   - native git again, then the same whole run with the recommended .mvn/jvm.config (sample-project/.mvn/jvm.config).
# Then once per repository: a first run with MAVEN_OPTS=-Xmx1g (its peak RSS, from GNU time), a re-run on its warm
# cache with no new commits (both JVM configurations), and the incremental check: a cheap clone (git clone --shared)
# assessed with its branch at 100 first-parent commits before HEAD, then at HEAD on the same cache; the second run
# must mine exactly the non-merge commits between them (printed beside it).
# Every measure prints the machine's load (uptime) beside it: the machine may be shared, so the ratios measured side by
# side in one run are what count. The stage times come from the plugin's own log line
# "Time: history …, scanners …, checks …, trend …, report …"; the report stage renders the site after Asciidoctor has
# started in the background during mining, so it is the site time with Asciidoctor up.
#
# Environment: ROUNDS (3), NEW (100) commits for the incremental check, MAVEN (mvn), MAVEN_ARGS (extra arguments for
# every Maven run, e.g. -Dmaven.repo.local=…), JVM_CONFIG (the recommended jvm.config), EXTRA (more -D options for
# every assessment). Needs: git, Maven with the plugin installed (`mvn install` of this project), GNU time.
set -euo pipefail
[ $# -ge 1 ] || { echo "usage: bench/whole-run.sh <repository>..." >&2; exit 2; }
root="$(cd "$(dirname "$0")/.." && pwd)"
rounds="${ROUNDS:-3}"
new="${NEW:-100}"
maven="${MAVEN:-mvn}"
read -r -a maven_args <<<"${MAVEN_ARGS:-}"
read -r -a extra <<<"${EXTRA:-}"
jvm_config="${JVM_CONFIG:-$root/sample-project/.mvn/jvm.config}"
version="$(sed -n '0,/<version>/s/.*<version>\(.*\)<\/version>.*/\1/p' "$root/plugin/pom.xml")"
goal="io.github.devopsassess:devops-maven-plugin:$version:assess"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
mkdir -p "$work/plain" "$work/tuned/.mvn"
cp "$jvm_config" "$work/tuned/.mvn/jvm.config"

load() { cut -d' ' -f1-3 /proc/loadavg; }
median() { sort -n | awk '{a[NR]=$1} END {if (NR == 0) print "nan"; else print (NR%2) ? a[(NR+1)/2] : (a[NR/2]+a[NR/2+1])/2}'; }
ratio() { awk -v a="$1" -v b="$2" 'BEGIN {printf (b > 0 ? "%.2f" : "nan"), a / b}'; }

# native <repository>: wall seconds of git log --no-merges --numstat
native() {
  /usr/bin/time -f "%e" -o "$work/t" git -C "$1" log --no-merges --numstat HEAD >/dev/null
  cat "$work/t"
}

# assess <folder to run in: plain or tuned> <repository> <run folder> [MAVEN_OPTS]: runs the whole command, prints
# "wall=… rss_mb=… history=… scanners=… checks=… trend=… report=… mined=… cached=…" from GNU time and the log
assess() {
  local in="$1" repo="$2" dir="$3" opts="${4:-}"
  mkdir -p "$dir"
  (cd "$work/$in" && MAVEN_OPTS="$opts" /usr/bin/time -v -o "$dir/time" "$maven" -o -B -Dstyle.color=never \
      "${maven_args[@]}" "$goal" -Ddevops.repository="$repo" -Ddevops.cache="$dir/cache" \
      -Ddevops.output="$dir/out" -Ddevops.failOnRegression=false "${extra[@]}" >"$dir/log" 2>&1) \
    || { echo "assessment failed, log: " >&2; tail -30 "$dir/log" >&2; exit 1; }
  local wall rss
  wall=$(awk -F': ' '/Elapsed \(wall clock\)/ {n = split($2, p, ":"); s = 0; for (i = 1; i <= n; i++) s = s * 60 + p[i];
                     print s}' "$dir/time")
  rss=$(awk -F': ' '/Maximum resident set size/ {printf "%d", $2 / 1024}' "$dir/time")
  awk -v wall="$wall" -v rss="$rss" '
    /Time: history/ {line = $0; sub(/.*Time: /, "", line); n = split(line, f, ", ");
                     for (i = 1; i <= n; i++) {split(f[i], kv, " "); t[kv[1]] = kv[2]}}
    /History: mined/ {s = $0; sub(/.*mined /, "", s); split(s, m, " "); mined = m[1];
                      c = $0; sub(/.*\(/, "", c); split(c, k, " "); cached = k[1]}
    END {printf "wall=%s rss_mb=%s history=%s scanners=%s checks=%s trend=%s report=%s mined=%s cached=%s\n",
         wall, rss, t["history"], t["scanners"], t["checks"], t["trend"], t["report"], mined, cached}' "$dir/log"
}
field() { sed -n "s/.*$1=\([^ ]*\).*/\1/p"; }
col() { field "$2" <"$r/$1" | median; }  # per repository: $work/plain and $work/tuned are the folders runs start in

echo "machine: $(nproc) cores, $(awk '/MemTotal/ {printf "%.0f GiB", $2/1048576}' /proc/meminfo), $(java -version 2>&1 \
  | head -1), $("$maven" -v 2>/dev/null | head -1 | sed 's/\x1b\[[0-9;]*m//g'), $(git --version); plugin $version"
echo "recommended jvm.config ($jvm_config): $(tr '\n' ' ' <"$jvm_config")"
echo "uptime: $(uptime)"
for repo in "$@"; do
  repo="$(cd "$repo" && pwd)"
  name="$(basename "$(dirname "$repo")")"; [ "$(basename "$repo")" = repo ] || name="$(basename "$repo")"
  r="$work/$name"; mkdir -p "$r"
  echo
  echo "== $name: $repo, $(git -C "$repo" rev-list --no-merges --count HEAD) non-merge commits, ${rounds} rounds"
  for i in $(seq 1 "$rounds"); do
    n1=$(native "$repo"); echo "$n1" >>"$r/native"
    echo "round $i  native git log        ${n1} s                       load $(load)"
    rm -rf "$r/run"; assess plain "$repo" "$r/run" >>"$r/plain"
    echo "round $i  whole, JVM defaults   $(tail -1 "$r/plain")  load $(load)"
    n2=$(native "$repo"); echo "$n2" >>"$r/native"
    echo "round $i  native git log        ${n2} s                       load $(load)"
    rm -rf "$r/run"; assess tuned "$repo" "$r/run" >>"$r/tuned"
    echo "round $i  whole, jvm.config     $(tail -1 "$r/tuned")  load $(load)"
  done
  rm -rf "$r/run"
  assess plain "$repo" "$r/run" -Xmx1g >"$r/xmx"
  echo "first run, -Xmx1g (JVM defaults otherwise): $(cat "$r/xmx")  load $(load)"
  assess plain "$repo" "$r/run" >"$r/rerun_plain"
  echo "re-run, no new commits, JVM defaults: $(cat "$r/rerun_plain")  load $(load)"
  assess tuned "$repo" "$r/run" >"$r/rerun_tuned"
  echo "re-run, no new commits, jvm.config:   $(cat "$r/rerun_tuned")  load $(load)"
  n3=$(native "$repo"); echo "$n3" >>"$r/native"
  echo "native git log ${n3} s  load $(load)"

  # incremental: the same cache before and after NEW first-parent commits
  rm -rf "$r/clone" "$r/inc"
  git clone -q --bare --shared "$repo" "$r/clone"
  branch="$(git -C "$r/clone" symbolic-ref HEAD)"
  head="$(git -C "$r/clone" rev-parse HEAD)"
  base="$(git -C "$r/clone" rev-list --first-parent --skip="$new" -1 HEAD)"
  expected="$(git -C "$r/clone" rev-list --no-merges --count "$base..$head")"
  git -C "$r/clone" update-ref "$branch" "$base"
  assess tuned "$r/clone" "$r/inc" >"$r/inc_base"
  git -C "$r/clone" update-ref "$branch" "$head"
  assess tuned "$r/clone" "$r/inc" >"$r/inc_head"
  echo "after $new first-parent commits ($expected non-merge commits new): $(cat "$r/inc_head")  load $(load)"

  nat=$(median <"$r/native")
  echo
  echo "-- $name, medians (native git log --no-merges --numstat: $nat s, $(wc -l <"$r/native") runs)"
  printf '%-46s %8s %8s\n' "measure" "s" "x native"
  for cfg in plain tuned; do
    label=$([ $cfg = plain ] && echo "JVM defaults" || echo "jvm.config")
    w=$(col $cfg wall); h=$(col $cfg history); t=$(col $cfg trend)
    printf '%-46s %8s %8s\n' "whole first run, $label" "$w" "$(ratio "$w" "$nat")"
    printf '%-46s %8s %8s\n' "  history stage (with line counts), $label" "$h" "$(ratio "$h" "$nat")"
    share=$(awk '{for (i = 1; i <= NF; i++) {split($i, kv, "="); v[kv[1]] = kv[2]}
                 if (v["wall"] > v["trend"]) print 100 * v["trend"] / (v["wall"] - v["trend"])}' "$r/$cfg" | median)
    printf '%-46s %8s %8s\n' "  trend, $label (added to the rest of its run)" "$t" "${share}%"
    printf '%-46s %8s %8s\n' "  site (report stage, Asciidoctor up), $label" "$(col $cfg report)" ""
  done
  for f in rerun_plain rerun_tuned; do
    w=$(col $f wall)
    printf '%-46s %8s %8s\n' "re-run, no new commits, $([ $f = rerun_plain ] && echo "JVM defaults" || echo "jvm.config")" \
      "$w" "$(ratio "$w" "$nat")"
  done
  echo "commits mined on re-run: $(col rerun_plain mined) (from cache: $(col rerun_plain cached));" \
       "after $new first-parent commits: mined $(col inc_head mined), expected $expected"
  echo "peak RSS of the whole first run with -Xmx1g: $(col xmx rss_mb) MB; without -Xmx: $(field rss_mb <"$r/plain" | sort -n | tail -1) MB"
  echo "uptime: $(uptime)"
done
