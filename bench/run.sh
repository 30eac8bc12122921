#!/usr/bin/env bash
# Benchmark of history mining: plugin against native git, measured alternately in one run.
#
#   bench/run.sh <clone or bare repository> [rounds=3] [java options, e.g. -Xmx1g]
#
# Per round: `git log --no-merges --numstat` (the reference), the plugin's touch-only mining (tree diffs, which most
# checks need), mining with line counts, and a second run on a warm cache (expected: 0 commits mined). Prints the
# median of each and the ratios plugin / native. Wall times include nothing but the mining (the JVM start is shown
# apart); peak RSS is the JVM's VmHWM. CPU seconds (git: user+sys; plugin: the whole JVM's CPU time during mining,
# JIT and GC included) are shown beside wall time because on a shared machine wall time mostly measures the others. Needs: git, java 17+, and a built plugin (this script runs test-compile).
set -euo pipefail
repo="${1:?usage: bench/run.sh <repository> [rounds] [java options]}"
rounds="${2:-3}"
javaopts="${3:--Xmx1g}"
root="$(cd "$(dirname "$0")/.." && pwd)"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT

cd "$root"
mvn -B -o -q -pl plugin -am test-compile
mvn -B -o -q -pl plugin dependency:build-classpath -Dmdep.outputFile="$work/cp.txt" -Dmdep.includeScope=test >/dev/null
cp="$root/plugin/target/test-classes:$root/plugin/target/classes:$(cat "$work/cp.txt")"
run_plugin() { java $javaopts -cp "$cp" io.github.devopsassess.bench.MiningBenchmark "$repo" "$@" 2>/dev/null; }
field() { sed -n "s/.*$1=\([^ ]*\).*/\1/p"; }
median() { sort -n | awk '{a[NR]=$1} END {print (NR%2) ? a[(NR+1)/2] : (a[NR/2]+a[NR/2+1])/2}'; }

echo "repository: $repo"
echo "machine: $(nproc) cores, $(awk '/MemTotal/ {printf "%.0f GiB", $2/1048576}' /proc/meminfo), $(java -version 2>&1 | head -1), $(git --version)"
echo "non-merge commits: $(git -C "$repo" rev-list --no-merges --count HEAD)"
for i in $(seq 1 "$rounds"); do
  /usr/bin/time -f "%e %U %S" -o "$work/t" git -C "$repo" log --no-merges --numstat HEAD >/dev/null
  awk '{print $1}' "$work/t" >>"$work/native"
  awk '{print $2 + $3}' "$work/t" >>"$work/native_cpu"
  run_plugin touch - >>"$work/touch.txt"
  run_plugin lines - >>"$work/lines.txt"
  rm -rf "$work/cache"
  run_plugin touch "$work/cache" >/dev/null                # fills the cache
  run_plugin touch "$work/cache" >>"$work/cached.txt"      # mines 0 commits
  echo "round $i (wall s / cpu s): native $(tail -1 "$work/native") / $(tail -1 "$work/native_cpu")," \
       "touch $(tail -1 "$work/touch.txt" | field mine_s) / $(tail -1 "$work/touch.txt" | field mine_cpu_s)," \
       "lines $(tail -1 "$work/lines.txt" | field mine_s) / $(tail -1 "$work/lines.txt" | field mine_cpu_s)," \
       "cached $(tail -1 "$work/cached.txt" | field mine_s) / $(tail -1 "$work/cached.txt" | field mine_cpu_s)"
done
native=$(median <"$work/native"); native_cpu=$(median <"$work/native_cpu")
row() { # label, file
  local w c; w=$(field mine_s <"$2" | median); c=$(field mine_cpu_s <"$2" | median)
  printf '%-34s %8.2f %8.2f %8.2f %8.2f\n' "$1" "$w" "$(echo "$w / $native" | bc -l)" "$c" \
    "$(echo "$c / $native_cpu" | bc -l)"
}
printf '\n%-34s %8s %8s %8s %8s\n' "median of $rounds" "wall s" "x native" "cpu s" "x native"
printf '%-34s %8.2f %8s %8.2f %8s\n' "git log --no-merges --numstat" "$native" "1.00" "$native_cpu" "1.00"
row "plugin, file touches (tree diffs)" "$work/touch.txt"
row "plugin, with line counts" "$work/lines.txt"
row "plugin, second run (cache)" "$work/cached.txt"
echo
echo "commits mined / from cache on the second run: $(tail -1 "$work/cached.txt" | field mined) / $(tail -1 "$work/cached.txt" | field cached)"
echo "peak RSS (MB): touch $(field peak_rss_mb <"$work/touch.txt" | sort -n | tail -1)," \
     "lines $(field peak_rss_mb <"$work/lines.txt" | sort -n | tail -1), JVM options: $javaopts"
echo "JVM start + mining, touch (s): $(field jvm_s <"$work/touch.txt" | median)"
