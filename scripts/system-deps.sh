#!/usr/bin/env bash
# Installs the real components the integration tests drive: Dovecot (IMAP) and Chromium; with
# --bench also wrk, the API benchmark's load generator (without it the benchmark uses Python clients).
# As root it installs what is missing with apt-get; otherwise it only reports. Under CI=true a
# missing component is an error, never a silent skip.
set -euo pipefail
need=()
command -v dovecot >/dev/null 2>&1 || [ -x /usr/sbin/dovecot ] || need+=(dovecot-imapd)
command -v chromium >/dev/null 2>&1 || [ -x /usr/bin/chromium ] || need+=(chromium)
# Gmail-like type in the screenshots the browser tests write (not needed for the tests to pass).
[ -d /usr/share/fonts/truetype/roboto ] || need+=(fonts-roboto)
if [ "${1:-}" = "--bench" ]; then command -v wrk >/dev/null 2>&1 || need+=(wrk); fi
[ ${#need[@]} -eq 0 ] && exit 0
if [ "$(id -u)" = 0 ]; then
  echo "installing ${need[*]} (apt-get)"
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq
  apt-get install -y -qq --no-install-recommends "${need[@]}" >/dev/null
  # The package starts a system Dovecot; the tests run their own on a free port.
  if command -v systemctl >/dev/null 2>&1; then systemctl disable --now dovecot >/dev/null 2>&1 || true; fi
  pkill -x dovecot 2>/dev/null || true
elif [ "${CI:-}" = "true" ]; then
  echo "missing ${need[*]}: run 'make test' as root, or install them with apt-get" >&2
  exit 1
else
  echo "note: ${need[*]} not installed; the tests that need them will be skipped (run as root to install)" >&2
fi
