#!/usr/bin/env bash
# Provisions what the real-VS-Code test tier needs on a machine without internet access beyond the
# npm registry and Debian's archive (see test/vscode/README.md):
#   - Debian packages: chromium (driven by playwright-core), ripgrep (code-server's search),
#     fonts-noto-cjk (Japanese in screenshots) and the headers/toolchain for native modules;
#   - code-server $VERSION, installed outside the repo clone so that CI's fresh clones reuse it.
# Idempotent: a marker file is written only after a complete install, so a half install is redone.
# Prints the install directory on its last line (`CODE_SERVER_DIR=...`) for test/vscode/run.mjs.
set -euo pipefail

VERSION="4.100.3"
CACHE_ROOT="${GUIDELINE_TOOLS_CACHE:-${XDG_CACHE_HOME:-$HOME/.cache}/guideline-tools}"
DEST="$CACHE_ROOT/code-server-$VERSION"
MARKER="$DEST/.provisioned"
LOG="$CACHE_ROOT/code-server-$VERSION.install.log"
REPO_ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"

say() { printf 'provision: %s\n' "$*" >&2; }
die() { printf 'provision: ERROR: %s\n' "$*" >&2; exit 1; }

# ---- Debian packages ---------------------------------------------------------------------------
# Runtime needs chromium + rg; the native rebuilds need a compiler, python3 and the -dev packages.
APT_PACKAGES=(chromium ripgrep fonts-noto-cjk pkg-config libkrb5-dev libxkbfile-dev libsecret-1-dev
  libx11-dev make g++ python3)

missing_packages() {
  local pkg status
  for pkg in "${APT_PACKAGES[@]}"; do
    status="$(dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null || true)"
    case "$status" in
      *"install ok installed"*) ;;
      *)
        # python3 may come from pyenv and friends: a working command is good enough.
        if [[ "$pkg" == python3 || "$pkg" == make || "$pkg" == g++ ]] && command -v "$pkg" >/dev/null; then
          continue
        fi
        printf '%s\n' "$pkg" ;;
    esac
  done
}

ensure_apt_packages() {
  if ! command -v dpkg-query >/dev/null; then
    say "no dpkg: not Debian-like, assuming chromium/rg/toolchain are provided"
    return
  fi
  local missing
  mapfile -t missing < <(missing_packages)
  if ((${#missing[@]} == 0)); then
    say "Debian packages: all present"
    return
  fi
  if [[ "$(id -u)" != 0 ]]; then
    die "missing Debian packages (install them as root): ${missing[*]}"
  fi
  say "Debian packages: installing ${missing[*]}"
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq >>"$LOG" 2>&1 || die "apt-get update failed (see $LOG)"
  apt-get install -y -qq --no-install-recommends "${missing[@]}" >>"$LOG" 2>&1 \
    || die "apt-get install failed (see $LOG)"
}

# ---- code-server ---------------------------------------------------------------------------------
# Runs one install step quietly; on failure shows the end of the log, which is where npm/gyp say why.
step() {
  local what="$1"; shift
  printf '\n== %s: %s\n' "$what" "$*" >>"$LOG"
  if ! "$@" >>"$LOG" 2>&1; then
    tail -n 30 "$LOG" >&2
    die "$what failed (full log: $LOG)"
  fi
}

NPM_QUIET=(--no-audit --no-fund --loglevel=error)

install_code_server() {
  rm -rf "$DEST"
  mkdir -p "$DEST"
  # A package.json of our own keeps npm from walking up into some other project.
  printf '{ "name": "guideline-tools-code-server", "private": true }\n' >"$DEST/package.json"
  say "code-server $VERSION: installing into $DEST (a few minutes; log: $LOG)"

  # code-server's postinstall refuses root and makes @vscode/ripgrep download rg from GitHub, so it
  # is skipped and its steps are done below by hand, with Debian's rg instead of the download.
  step "npm install code-server" npm install --prefix "$DEST" --ignore-scripts "${NPM_QUIET[@]}" \
    "code-server@$VERSION"

  local vscode="$DEST/node_modules/code-server/lib/vscode"
  [[ -d "$vscode" ]] || die "unexpected code-server layout: no $vscode"
  step "npm install lib/vscode" npm install --prefix "$vscode" --omit=dev --ignore-scripts "${NPM_QUIET[@]}"

  local rg
  rg="$(command -v rg)" || die "ripgrep (rg) not found"
  mkdir -p "$vscode/node_modules/@vscode/ripgrep/bin"
  cp "$rg" "$vscode/node_modules/@vscode/ripgrep/bin/rg"

  # node-pty's rebuild reports an error from a compile_commands step after pty.node is built; the
  # module works, so its exit status is not trusted and the artefact is checked instead.
  printf "\n== npm rebuild native modules (lib/vscode)\n" >>"$LOG"
  (cd "$vscode" && npm rebuild @vscode/spdlog native-watchdog node-pty kerberos "${NPM_QUIET[@]}") \
    >>"$LOG" 2>&1 || true
  local native
  for native in @vscode/spdlog native-watchdog node-pty kerberos; do
    compgen -G "$vscode/node_modules/$native/build/Release/*.node" >/dev/null \
      || { tail -n 30 "$LOG" >&2; die "native module $native was not built (log: $LOG)"; }
  done
  ln -sfn node_modules "$vscode/node_modules.asar"

  step "npm install lib/vscode/extensions" npm install --prefix "$vscode/extensions" --omit=dev \
    --ignore-scripts "${NPM_QUIET[@]}"
  step "npm rebuild argon2" bash -c "cd '$DEST' && npm rebuild argon2 ${NPM_QUIET[*]}"

  printf '%s\n' "$VERSION" >"$MARKER"
  say "code-server $VERSION: installed"
}

main() {
  mkdir -p "$CACHE_ROOT"
  : >"$LOG"
  ensure_apt_packages

  # Two CI jobs on one machine must not install into the same folder at once.
  exec 9>"$CACHE_ROOT/code-server-$VERSION.lock"
  flock 9
  if [[ -f "$MARKER" && "$(cat "$MARKER")" == "$VERSION" ]]; then
    say "code-server $VERSION: reusing $DEST"
  else
    install_code_server
  fi
  flock -u 9

  (cd "$REPO_ROOT" && node -e "require.resolve('playwright-core')" 2>/dev/null) \
    || die "playwright-core is not resolvable from $REPO_ROOT: run 'npm ci' there first"
  say "playwright-core: ok; chromium: $(command -v chromium || echo missing)"
  printf 'CODE_SERVER_DIR=%s\n' "$DEST"
}

main "$@"
