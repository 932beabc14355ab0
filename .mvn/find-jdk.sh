# Sourced by ./mvnw before anything else: finds a JDK 21+ so that the README's
# commands work on a machine whose default java is older (Debian 12 ships 17).
# Order: JAVA_HOME if it is 21+, then java on PATH, then the usual install folders.
# POSIX sh; sets and exports JAVA_HOME or stops with what to install.

pyeongga_java_major() {
  # prints the major version of the java binary $1, or 0
  "$1" -XshowSettings:properties -version 2>&1 \
    | sed -n 's/^ *java\.specification\.version = \([0-9][0-9]*\).*/\1/p' | head -n 1
}

pyeongga_jdk_ok() {
  [ -x "$1/bin/java" ] && [ -x "$1/bin/javac" ] || return 1
  v=$(pyeongga_java_major "$1/bin/java")
  [ -n "$v" ] && [ "$v" -ge 21 ]
}

if [ -n "${JAVA_HOME-}" ] && pyeongga_jdk_ok "$JAVA_HOME"; then
  :
else
  found=""
  if command -v javac >/dev/null 2>&1; then
    home=$(dirname "$(dirname "$(readlink -f "$(command -v javac)")")")
    if pyeongga_jdk_ok "$home"; then found="$home"; fi
  fi
  if [ -z "$found" ]; then
    # newest first: sort by the version number in the folder name (mvnw runs with set -f)
    set +f
    for home in $(ls -d /usr/lib/jvm/* /usr/java/* /opt/java/* /opt/jdk* \
        "$HOME"/.sdkman/candidates/java/* "$HOME"/.jdks/* /Library/Java/JavaVirtualMachines/*/Contents/Home \
        2>/dev/null | sort -t- -k2 -V -r); do
      if pyeongga_jdk_ok "$home"; then found="$home"; break; fi
    done
    set -f
  fi
  if [ -z "$found" ]; then
    echo "Pyeongga needs a JDK 21 or newer (JDK 21 이상이 필요합니다)." >&2
    if [ -n "${JAVA_HOME-}" ]; then echo "JAVA_HOME=$JAVA_HOME is older than 21 or not a JDK." >&2; fi
    echo "Install one (e.g. Eclipse Temurin 21 or 25, or your distribution's openjdk-21-jdk/openjdk-25-jdk)," >&2
    echo "then set JAVA_HOME to it and run the command again." >&2
    exit 1
  fi
  JAVA_HOME="$found"
  export JAVA_HOME
  [ "${MVNW_VERBOSE-}" != true ] || echo "Using JDK at $JAVA_HOME" >&2
fi
