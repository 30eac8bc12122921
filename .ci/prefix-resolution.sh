#!/usr/bin/env bash
# Proves on each Maven the machine has (its mvn, plus 3.9.11 and 4.0.0-rc-4 from ~/.cache/devops-maven-plugin/maven, as
# .ci/jdk-maven-matrix.sh fetches them) that after a plain 'mvn install' of the plugin, 'mvn devops:assess' resolves
# by its prefix in a project that does not declare the plugin, with only <pluginGroups> in settings.xml.
# It installs into the local repository (~/.m2) as a user would, after removing the group's prefix metadata so that
# each Maven must write it again.
set -uo pipefail
cd "$(dirname "$0")/.."
root="$(pwd)"
local_repo="${DEVOPS_LOCAL_REPOSITORY:-${HOME}/.m2/repository}" # where 'mvn install' puts it (no settings.xml here)
group_metadata="${local_repo}/io/github/devopsassess/maven-metadata-local.xml"
mavens=("$(dirname "$(dirname "$(readlink -f "$(command -v mvn)")")")")
for v in 3.9.11 4.0.0-rc-4; do
  home="${HOME}/.cache/devops-maven-plugin/maven/apache-maven-${v}"
  if [ -x "${home}/bin/mvn" ]; then mavens+=("${home}"); else echo "Maven ${v}: SKIPPED (run .ci/jdk-maven-matrix.sh to fetch it)"; fi
done
work="$(mktemp -d)"
trap 'rm -rf "${work}"' EXIT
cat >"${work}/settings.xml" <<'XML'
<settings>
  <pluginGroups>
    <pluginGroup>io.github.devopsassess</pluginGroup>
  </pluginGroups>
</settings>
XML
mkdir -p "${work}/project"
cat >"${work}/project/pom.xml" <<'XML'
<project xmlns="http://maven.apache.org/POM/4.0.0">
  <modelVersion>4.0.0</modelVersion>
  <groupId>it.devops</groupId>
  <artifactId>no-plugin-declared</artifactId>
  <version>1.0</version>
  <packaging>pom</packaging>
  <properties>
    <project.build.outputTimestamp>2026-01-01T00:00:00Z</project.build.outputTimestamp>
  </properties>
</project>
XML
failed=0
for maven in "${mavens[@]}"; do
  version="$("${maven}/bin/mvn" -v 2>/dev/null | sed 's/\x1b\[[0-9;]*m//g' | sed -n 's/^Apache Maven \([^ ]*\).*/\1/p' | head -n 1)"
  rm -f "${group_metadata}"
  if ! (cd "${root}" && "${maven}/bin/mvn" -B -q -Dstyle.color=never install -DskipTests -pl plugin -am \
      -s "${work}/settings.xml" >"${work}/install-${version}.log" 2>&1); then
    echo "Maven ${version}: FAILED (mvn install)"; tail -n 20 "${work}/install-${version}.log"; failed=1; continue
  fi
  if ! grep -q '<prefix>devops</prefix>' "${group_metadata}" 2>/dev/null; then
    echo "Maven ${version}: FAILED (mvn install wrote no prefix metadata to ${group_metadata})"; failed=1; continue
  fi
  if (cd "${work}/project" && "${maven}/bin/mvn" -B -Dstyle.color=never -s "${work}/settings.xml" devops:assess \
      -Ddevops.formats=json >"${work}/assess-${version}.log" 2>&1) && [ -f "${work}/project/target/devops/assessment.json" ]; then
    echo "Maven ${version}: OK (mvn install wrote the prefix metadata; 'mvn devops:assess' resolved by prefix)"
  else
    echo "Maven ${version}: FAILED ('mvn devops:assess' by prefix)"; grep -E 'ERROR' "${work}/assess-${version}.log" | head -n 5; failed=1
  fi
  rm -rf "${work}/project/target"
done
exit "${failed}"
