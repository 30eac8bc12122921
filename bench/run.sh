#!/usr/bin/env bash
# Benchmark of the plugin against native git, measured alternately in one run.
#
#   bench/run.sh <clone or bare repository> [rounds=3] [java options, default -Xmx1g -XX:TieredStopAtLevel=1]
#
# Per round:
#   - `git log --no-merges --numstat` (the reference);
#   - history mining: file touches only (tree diffs, which most checks need), with line counts, a second run on a
#     warm cache (expected: 0 commits mined) and a run after the last NEW commits (expected: about NEW mined);
#   - a whole assessment of HEAD as `devops:assess` runs it (Asciidoctor started in the background, mining, scanners,
#     checks, site rendering), without and with the trend, with the wall time of each stage.
# Then once: the site for 500 findings rendered after Asciidoctor has started.
# The default java options are the ones docs/performance.adoc recommends for CI (sample-project/.mvn/jvm.config: C1
# only, which halves the JIT's share of a run this short) with a 1 GiB heap; mining is also measured with the JVM's own
# defaults (`-Xmx1g` only), printed in rows of their own, because a team that has not added the jvm.config gets those.
# Prints medians and the ratios to native git. Wall times of mining exclude the JVM start (shown apart); peak RSS is
# the JVM's VmHWM. CPU seconds (git: user+sys; plugin: the whole JVM's CPU time during mining, JIT and GC included) are
# shown beside wall time because on a shared machine wall time also measures the other jobs.
# Environment: NEW (default 50) commits for the incremental run, TREND (default 12) trend points, WHOLE=0 skips the
# whole assessments. Needs: git, java 17+, GNU time, bc, and the project built once (`mvn install`; this script runs
# test-compile).
set -euo pipefail
repo="$(cd "${1:?usage: bench/run.sh <repository> [rounds] [java options]}" && pwd)"
rounds="${2:-3}"
javaopts="${3:--Xmx1g -XX:TieredStopAtLevel=1}"
plainopts="-Xmx1g"
new="${NEW:-50}"
trend="${TREND:-12}"
whole="${WHOLE:-1}"
root="$(cd "$(dirname "$0")/.." && pwd)"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT

cd "$root"
mvn -B -o -q -pl plugin -am test-compile
mvn -B -o -q -pl plugin dependency:build-classpath -Dmdep.outputFile="$work/cp.txt" -Dmdep.includeScope=test >/dev/null
cp="$root/plugin/target/test-classes:$root/plugin/target/classes:$root/rubrics/target/classes"
cp="$cp:$root/site-theme/target/classes:$(cat "$work/cp.txt")"
mine() { java $javaopts -cp "$cp" io.github.devopsassess.bench.MiningBenchmark "$repo" "$@" 2>/dev/null; }
mine_plain() { java $plainopts -cp "$cp" io.github.devopsassess.bench.MiningBenchmark "$repo" "$@" 2>/dev/null; }
assess() { java $javaopts -cp "$cp" io.github.devopsassess.bench.AssessBenchmark "$repo" "$@" 2>/dev/null; }
field() { sed -n "s/.*$1=\([^ ]*\).*/\1/p"; }
median() { sort -n | awk '{a[NR]=$1} END {print (NR%2) ? a[(NR+1)/2] : (a[NR/2]+a[NR/2+1])/2}'; }
last() { tail -1 "$work/$1" | field "$2"; }

echo "repository: $repo"
echo "machine: $(nproc) cores, $(awk '/MemTotal/ {printf "%.0f GiB", $2/1048576}' /proc/meminfo), load average" \
     "$(cut -d' ' -f1-3 /proc/loadavg), $(java -version 2>&1 | head -1), $(git --version)"
echo "non-merge commits: $(git -C "$repo" rev-list --no-merges --count HEAD), JVM options: $javaopts"
base="$(git -C "$repo" rev-list --first-parent --skip="$new" -1 HEAD)"
for i in $(seq 1 "$rounds"); do
  /usr/bin/time -f "%e %U %S" -o "$work/t" git -C "$repo" log --no-merges --numstat HEAD >/dev/null
  awk '{print $1}' "$work/t" >>"$work/native"
  awk '{print $2 + $3}' "$work/t" >>"$work/native_cpu"
  mine touch - >>"$work/touch"
  mine lines - >>"$work/lines"
  mine_plain touch - >>"$work/touch_plain"
  mine_plain lines - >>"$work/lines_plain"
  rm -rf "$work/cache"
  mine touch "$work/cache" >/dev/null                       # fills the cache
  mine touch "$work/cache" >>"$work/cached"                 # mines 0 commits
  rm -rf "$work/cache"
  mine touch "$work/cache" 0 "$base" >/dev/null             # the cache as it was NEW first-parent commits ago
  mine touch "$work/cache" >>"$work/incremental"            # mines only the commits since
  echo "round $i (wall s / cpu s): native $(tail -1 "$work/native") / $(tail -1 "$work/native_cpu")," \
       "touch $(last touch mine_s) / $(last touch mine_cpu_s), lines $(last lines mine_s) / $(last lines mine_cpu_s)," \
       "JVM defaults: touch $(last touch_plain mine_s), lines $(last lines_plain mine_s)," \
       "cached $(last cached mine_s) / $(last cached mine_cpu_s)," \
       "after $new new: $(last incremental mine_s) s, $(last incremental mined) mined"
  if [ "$whole" = 1 ]; then
    assess 0 >>"$work/whole"
    assess "$trend" >>"$work/whole_trend"
    echo "  whole run: $(tail -1 "$work/whole")"
    echo "  with trend: $(tail -1 "$work/whole_trend")"
  fi
done
native=$(median <"$work/native"); native_cpu=$(median <"$work/native_cpu")
row() { # label, file
  local w c; w=$(field mine_s <"$work/$2" | median); c=$(field mine_cpu_s <"$work/$2" | median)
  printf '%-36s %8.2f %8.2f %8.2f %8.2f\n' "$1" "$w" "$(echo "$w / $native" | bc -l)" "$c" \
    "$(echo "$c / $native_cpu" | bc -l)"
}
printf '\n%-36s %8s %8s %8s %8s\n' "median of $rounds" "wall s" "x native" "cpu s" "x native"
printf '%-36s %8.2f %8s %8.2f %8s\n' "git log --no-merges --numstat" "$native" "1.00" "$native_cpu" "1.00"
row "plugin, file touches (tree diffs)" touch
row "plugin, with line counts" lines
row "plugin, second run (cache)" cached
row "plugin, after $new first-parent commits" incremental
row "file touches, JVM defaults ($plainopts)" touch_plain
row "line counts, JVM defaults ($plainopts)" lines_plain
echo
echo "commits mined / from cache: second run $(last cached mined) / $(last cached cached)," \
     "after $new new first-parent commits $(last incremental mined) / $(last incremental cached)"
echo "peak RSS (MB): touch $(field peak_rss_mb <"$work/touch" | sort -n | tail -1)," \
     "lines $(field peak_rss_mb <"$work/lines" | sort -n | tail -1)"
echo "JVM start + mining, touch (s): $(field jvm_s <"$work/touch" | median)"
if [ "$whole" = 1 ]; then
  printf '\n%-24s %9s %6s %6s %6s %6s %6s %6s %8s\n' "whole assessment" "history" "scan" "checks" "trend" "site" \
    "total" "JVM" "RSS MB"
  for f in whole whole_trend; do
    printf '%-24s %9.2f %6.2f %6.2f %6.2f %6.2f %6.2f %6.2f %8d\n' \
      "$( [ $f = whole ] && echo "no trend" || echo "trend, $(last $f trend_points) points")" \
      "$(field history_s <"$work/$f" | median)" "$(field scan_s <"$work/$f" | median)" \
      "$(field check_s <"$work/$f" | median)" "$(field trend_s <"$work/$f" | median)" \
      "$(field render_s <"$work/$f" | median)" "$(field total_s <"$work/$f" | median)" \
      "$(field jvm_total_s <"$work/$f" | median)" "$(field peak_rss_mb <"$work/$f" | sort -n | tail -1)"
  done
  t0=$(field total_s <"$work/whole" | median); t1=$(field total_s <"$work/whole_trend" | median)
  # the trend's share of its own run is immune to the run-to-run noise that comparing two runs suffers from
  share=$(awk '{for (i = 1; i <= NF; i++) {split($i, kv, "="); v[kv[1]] = kv[2]}
               print 100 * v["trend_s"] / (v["total_s"] - v["trend_s"])}' "$work/whole_trend" | median)
  printf 'trend cost: %.0f%% extra (median of trend time / the rest of the same run); totals: %.0f%% extra\n' \
    "$share" "$(echo "($t1 / $t0 - 1) * 100" | bc -l)"
  echo
  java $javaopts -cp "$cp" io.github.devopsassess.report.SiteBench 500 2>/dev/null
fi
