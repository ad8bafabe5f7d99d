#!/bin/sh
# Makes sure the host has what sale4j's tests need, installing it where it can.
#
# The tests run LLM-style Python code in the sandbox (the system's python3 with sortedcontainers, which
# LeetCode's own harness imports) at every isolation level the host offers (bubblewrap; util-linux's unshare,
# prlimit and setpriv). Run by `./mvnw verify` (the tools module, phase initialize); skip it with
# -DskipPrereqs (or -DskipTests). Idempotent: when everything is present it only checks and exits.
#
# As root with apt-get it installs what is missing (apt-get update once, then apt-get install) and says what.
# Otherwise it stops with one message naming what is missing and how to get it.
#
# Overrides, for testing the script's decisions without a fresh machine:
#   SALE4J_PREREQS_BIN_DIRS  where tools are looked for (default: the sandbox's own system dirs)
#   SALE4J_PREREQS_PYTHONS   python3 candidates, first existing wins (default: /usr/bin/python3 /usr/local/bin/python3)
#   SALE4J_PREREQS_UID       the uid to decide with (default: id -u)
#   SALE4J_PREREQS_APT       the apt-get to use (default: apt-get on PATH; empty: none)
#   SALE4J_PREREQS_DRY_RUN=1 print what would be installed instead of installing
set -eu

BIN_DIRS=${SALE4J_PREREQS_BIN_DIRS:-"/usr/bin /bin /usr/sbin /sbin /usr/local/bin"}
PYTHONS=${SALE4J_PREREQS_PYTHONS:-"/usr/bin/python3 /usr/local/bin/python3"}
UID_NOW=${SALE4J_PREREQS_UID:-$(id -u)}
APT=${SALE4J_PREREQS_APT-$(command -v apt-get || true)}

find_tool() { # prints the first executable $1 in BIN_DIRS
  for dir in $BIN_DIRS; do
    if [ -x "$dir/$1" ]; then echo "$dir/$1"; return 0; fi
  done
  return 1
}

find_python() {
  for p in $PYTHONS; do
    if [ -x "$p" ]; then echo "$p"; return 0; fi
  done
  return 1
}

missing=""      # human-readable: what is missing
packages=""     # Debian packages that provide it
check() {
  missing=""; packages=""
  if python=$(find_python); then
    if ! "$python" -I -c 'import sortedcontainers' >/dev/null 2>&1; then
      missing="$missing sortedcontainers(module-of-$python)"; packages="$packages python3-sortedcontainers"
    fi
  else
    missing="$missing python3"; packages="$packages python3 python3-sortedcontainers"
  fi
  find_tool bwrap >/dev/null || { missing="$missing bwrap"; packages="$packages bubblewrap"; }
  util=""
  for tool in unshare prlimit setpriv; do
    find_tool "$tool" >/dev/null || { missing="$missing $tool"; util=util-linux; }
  done
  packages="$packages $util"
  missing=${missing# }; packages=$(echo $packages)
}

check
if [ -z "$missing" ]; then
  echo "[sale4j] test prerequisites present: $(find_python), sortedcontainers, bwrap, unshare, prlimit, setpriv"
  exit 0
fi

if [ "$UID_NOW" = 0 ] && [ -n "$APT" ]; then
  echo "[sale4j] test prerequisites missing: $missing; installing Debian packages: $packages"
  if [ "${SALE4J_PREREQS_DRY_RUN:-0}" = 1 ]; then
    echo "[sale4j] dry run: would run '$APT update' and '$APT install -y --no-install-recommends $packages'"
    exit 0
  fi
  export DEBIAN_FRONTEND=noninteractive
  "$APT" update -qq
  # shellcheck disable=SC2086 # word splitting of the package list is intended
  "$APT" install -y -qq --no-install-recommends $packages
  installed=$packages
  check
  if [ -z "$missing" ]; then
    echo "[sale4j] installed: $installed"
    exit 0
  fi
  echo "[sale4j] still missing after '$APT install $installed': $missing" >&2
  exit 1
fi

if [ "$UID_NOW" != 0 ] && [ -n "$APT" ]; then
  how="run as root: apt-get install -y $packages (or: sudo apt-get install -y $packages)"
elif [ -n "$APT" ]; then
  how="apt-get install -y $packages"
else
  how="no apt-get here: install with your package manager the equivalents of the Debian packages $packages"
fi
echo "[sale4j] the tests need: $missing. To get it, $how; then run ./mvnw -B verify again. To build without running the tests: ./mvnw -B verify -DskipTests" >&2
exit 1
