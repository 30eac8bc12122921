#!/usr/bin/env bash
# Runs the sample assessment on every JDK x Maven combination this machine has and fails when the plugin or its
# dependencies print any WARNING line (a JVM "WARNING:" block or a Maven "[WARNING]" line).
#
# JDKs:   $DEVOPS_JDKS (space-separated JAVA_HOMEs), else those of 17, 21 and 25 found under /usr/lib/jvm.
# Mavens: the machine's mvn, plus 3.9.11 and 4.0.0-rc-4 fetched from Maven Central as
#         org.apache.maven:apache-maven:<version>:tar.gz:bin (into ~/.cache/devops-maven-plugin/maven; a version that
#         cannot be fetched is skipped with a message).
# Needs the plugin in the local repository: run 'mvn -B install' first.
#
# Maven's own JVM warnings (on JDK 24+, Guice and Guava in Maven's lib/ call sun.misc.Unsafe) are counted and shown
# but do not fail the run: they are Maven's, printed before any plugin is loaded. The plugin's JRuby needs native
# access, granted with --enable-native-access=ALL-UNNAMED as docs/usage.adoc recommends: this repository's
# .mvn/jvm.config has it; the sample keeps its own jvm.config unchanged (it assesses its own history, so every commit
# to it moves its scores), so this script passes the flag in MAVEN_OPTS, the other way docs/usage.adoc names.
set -uo pipefail
cd "$(dirname "$0")/.."
root="$(pwd)"
version="$(sed -n 's:^  <version>\(.*\)</version>:\1:p' pom.xml | head -n 1)"
cache="${HOME}/.cache/devops-maven-plugin/maven"
mkdir -p "${cache}"

jdks=()
if [ -n "${DEVOPS_JDKS:-}" ]; then
  read -r -a jdks <<<"${DEVOPS_JDKS}"
else
  for v in 17 21 25; do
    for home in /usr/lib/jvm/java-${v}-openjdk-amd64 /usr/lib/jvm/temurin-${v}-jdk-amd64; do
      [ -x "${home}/bin/java" ] && jdks+=("${home}")
    done
  done
fi

mavens=("$(dirname "$(dirname "$(readlink -f "$(command -v mvn)")")")")
for v in 3.9.11 4.0.0-rc-4; do
  home="${cache}/apache-maven-${v}"
  if [ ! -x "${home}/bin/mvn" ]; then
    if mvn -B -q -Dstyle.color=never dependency:copy -Dartifact="org.apache.maven:apache-maven:${v}:tar.gz:bin" \
        -DoutputDirectory="${cache}" >/dev/null 2>&1 && tar -xzf "${cache}/apache-maven-${v}-bin.tar.gz" -C "${cache}"; then
      :
    else
      echo "Maven ${v}: SKIPPED (org.apache.maven:apache-maven:${v}:tar.gz:bin could not be fetched)"
      continue
    fi
  fi
  mavens+=("${home}")
done

# Maven 3.8 prints colour codes even with -Dstyle.color=never (at the start of its output).
strip_colour() { sed 's/\x1b\[[0-9;]*m//g'; }

work="$(mktemp -d)"
trap 'rm -rf "${work}"' EXIT
failed=0
for jdk in "${jdks[@]}"; do
  jdk_version="$("${jdk}/bin/java" -version 2>&1 | sed -n 's/.*version "\([0-9]*\).*/\1/p' | head -n 1)"
  for maven in "${mavens[@]}"; do
    maven_version="$(JAVA_HOME="${jdk}" "${maven}/bin/mvn" -v -Dstyle.color=never 2>/dev/null | strip_colour \
      | sed -n 's/^Apache Maven \([^ ]*\).*/\1/p' | head -n 1)"
    log="${work}/jdk${jdk_version}-maven${maven_version}.log"
    start=$(date +%s)
    (cd "${root}/sample-project" && JAVA_HOME="${jdk}" MAVEN_OPTS="--enable-native-access=ALL-UNNAMED ${MAVEN_OPTS:-}" \
      "${maven}/bin/mvn" -B -Dstyle.color=never \
      "io.github.devopsassess:devops-maven-plugin:${version}:assess" -Ddevops.output="${work}/out" \
      -Ddevops.cache="${work}/cache" 2>&1 | strip_colour >"${log}"; exit "${PIPESTATUS[0]}")
    rc=$?
    seconds=$(( $(date +%s) - start ))
    # A JVM warning is a block of "WARNING:" lines; it is Maven's own when it names a jar of Maven's home.
    verdict="$(awk -v home="$(readlink -f "${maven}")" '
      function flush() {
        if (block != "") {
          if (index(block, "(file:" home "/") || index(block, "(file:/usr/share/maven/") || index(block, "(file:/usr/share/java/")) maven += lines
          else { plugin += lines; printf "%s", block > "/dev/stderr" }
        }
        block = ""; lines = 0
      }
      /^WARNING: / { block = block $0 "\n"; lines++; next }
      { flush() }
      /\[WARNING\]/ { plugin++; print $0 > "/dev/stderr" }
      END { flush(); printf "%d %d\n", plugin + 0, maven + 0 }
    ' "${log}" 2>"${log}.warnings")"
    plugin_warnings="${verdict% *}"
    maven_warnings="${verdict#* }"
    if [ "${rc}" -ne 0 ] || ! grep -q "BUILD SUCCESS" "${log}"; then
      echo "JDK ${jdk_version} x Maven ${maven_version}: FAILED (build failed, ${seconds} s)"
      tail -n 30 "${log}"
      failed=1
    elif [ "${plugin_warnings}" -ne 0 ]; then
      echo "JDK ${jdk_version} x Maven ${maven_version}: FAILED (${plugin_warnings} warning line(s) from the plugin or its dependencies, ${seconds} s)"
      cat "${log}.warnings"
      failed=1
    else
      echo "JDK ${jdk_version} x Maven ${maven_version}: OK (0 warning lines from the plugin; ${maven_warnings} of Maven's own; ${seconds} s)"
    fi
  done
done
exit "${failed}"
