#!/bin/sh
# The system packages `make test` and `make budgets` need beyond Python (which .venv holds)
# and the npm packages (node_modules):
#   chromium              the real browser of the browser tests and of Lighthouse (/usr/bin/chromium,
#                         or set CHROMIUM=/path/to/chromium)
#   fonts-noto-core       Noto Sans, named in the site's CSS: Vietnamese letters in the browser tests
#                         render in the same font on every machine
#   nodejs, npm           axe-core, Lighthouse (npm ci)
#   default-jre-headless  the HTML validator (vnu.jar)
#   libimage-exiftool-perl  exiftool, an independent reader of the media bank's rights metadata
# Installs the missing ones with apt-get when the machine allows it (root, or sudo without a
# password prompt); otherwise stops with the exact command to run. Never skips silently.
set -eu

chromium="${CHROMIUM:-/usr/bin/chromium}"
missing=""
why=""
if [ ! -x "$chromium" ]; then
  missing="$missing chromium"; why="$why, a real browser for the browser tests"
fi
if ! command -v fc-list >/dev/null 2>&1 || [ -z "$(fc-list 'Noto Sans:lang=vi' family 2>/dev/null)" ]; then
  missing="$missing fonts-noto-core"; why="$why, Noto Sans for Vietnamese letters"
fi
if ! command -v npm >/dev/null 2>&1; then
  missing="$missing nodejs npm"; why="$why, Node.js for axe-core and Lighthouse"
fi
if ! command -v java >/dev/null 2>&1; then
  missing="$missing default-jre-headless"; why="$why, Java for the HTML validator"
fi
if ! command -v exiftool >/dev/null 2>&1; then
  missing="$missing libimage-exiftool-perl"; why="$why, exiftool to read the downloads' rights metadata"
fi
[ -z "$missing" ] && exit 0
missing="${missing# }"
why="${why#, }"
command_line="apt-get update && apt-get install -y --no-install-recommends $missing"

if command -v apt-get >/dev/null 2>&1; then
  if [ "$(id -u)" = 0 ]; then
    sudo=""
  elif command -v sudo >/dev/null 2>&1 && sudo -n true 2>/dev/null; then
    sudo="sudo -n"
  else
    echo "make test needs the Debian packages: $missing ($why)." >&2
    echo "This user cannot install them (not root, no sudo without a password). Run once, then make test again:" >&2
    echo "    sudo sh -c '$command_line'" >&2
    exit 1
  fi
  echo "make test: installing Debian packages $missing ($why)"
  log="$(mktemp)"
  # Wait for another apt (an unattended upgrade) to let go of its lock instead of failing at once.
  if $sudo env DEBIAN_FRONTEND=noninteractive apt-get -qq -o DPkg::Lock::Timeout=600 update >"$log" 2>&1 &&
     $sudo env DEBIAN_FRONTEND=noninteractive apt-get -qq -o DPkg::Lock::Timeout=600 install -y --no-install-recommends $missing >>"$log" 2>&1; then
    rm -f "$log"
    if [ ! -x "$chromium" ]; then
      echo "Chromium was installed but $chromium is still missing: set CHROMIUM=/path/to/chromium, then make test again." >&2
      exit 1
    fi
    exit 0
  fi
  cat "$log" >&2
  rm -f "$log"
  echo "Installing $missing failed (above). Fix the cause, or install them yourself, then make test again:" >&2
  echo "    sudo sh -c '$command_line'" >&2
  exit 1
fi

echo "make test needs: $why." >&2
echo "This machine has no apt-get; install with its package manager: Chromium (then set CHROMIUM=/path/to/chromium" >&2
echo "unless it is /usr/bin/chromium), the Noto Sans font, Node.js with npm, and a Java runtime. Then make test again." >&2
exit 1
