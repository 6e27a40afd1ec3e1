#!/usr/bin/env bash
# Installs everything Suixin needs on a Debian 12 machine, from the package sources only
# (Debian apt, the npm registry, the Go module proxy). Idempotent: a step that has nothing
# to do prints nothing, so a second run is silent and takes a few seconds.
#
#   bash scripts/setup.sh          (also run by `npm start` and `npm test`)
#
# Tools built from source go to ${SUIXIN_TOOLS_DIR:-$HOME/.cache/suixin}.
set -euo pipefail

cd "$(dirname "${BASH_SOURCE[0]}")/.."
REPO_ROOT="$PWD"
TOOLS_DIR="${SUIXIN_TOOLS_DIR:-$HOME/.cache/suixin}"
LIVEKIT_VERSION="v1.13.5"
STARTED_AT=$(date +%s)
STEP="start"
DID_SOMETHING=0

trap 'echo "setup: FAILED during step: ${STEP} (exit $?)" >&2' ERR

say() { echo "setup: $*"; DID_SOMETHING=1; }
die() { echo "setup: ERROR ($STEP): $*" >&2; exit 1; }

as_root() {
  if [ "$(id -u)" -eq 0 ]; then "$@"
  elif command -v sudo >/dev/null 2>&1; then sudo "$@"
  else die "needs root to run: $*"
  fi
}

# --- 1. Debian packages ---------------------------------------------------------------
STEP="apt packages"
APT_PACKAGES=(
  chromium            # Playwright's browser (never `npx playwright install`)
  fonts-dejavu-core   # so pages render text in headless Chromium
  redis-server        # LiveKit + Egress bus
  postgresql          # project-local clusters (initdb/postgres binaries)
  ffmpeg              # test media, HLS checks
  xvfb pulseaudio     # Egress room-composite recording (headless Chromium needs a display + audio sink)
  nginx libnginx-mod-rtmp   # a local RTMP receiver for push tests
  ca-certificates procps util-linux   # certs for npm/go; ps; runuser, unshare (sandbox probe)
  acl                 # setfacl: lets the service users into a clone that lives in a private dir
)
missing=()
installed=$(dpkg-query -W -f='${db:Status-Abbrev} ${Package}\n' "${APT_PACKAGES[@]}" 2>/dev/null || true)
for p in "${APT_PACKAGES[@]}"; do
  grep -qE "^ii +${p}\$" <<<"$installed" || missing+=("$p")
done
if [ "${#missing[@]}" -gt 0 ]; then
  say "apt-get install ${missing[*]}"
  # Wait for another apt/dpkg run (unattended-upgrades, a parallel setup) instead of failing.
  as_root apt-get -o DPkg::Lock::Timeout=600 update -qq || die "apt-get update failed"
  as_root env DEBIAN_FRONTEND=noninteractive apt-get -o DPkg::Lock::Timeout=600 install -y -qq --no-install-recommends "${missing[@]}" \
    || die "apt-get install failed for: ${missing[*]}"
  # Debian may start its default redis-server/nginx services: they are the host's, and we leave
  # them alone. Suixin runs its own on other ports; a clash is reported by the stack with its port.
fi

# --- 1b. the unprivileged user the services run as ---------------------------------------
# The app, Egress (and its Chromium), LiveKit, Redis and PulseAudio run as this system user
# (scripts/stack/service-user.ts), as Postgres runs as `postgres`: no login shell, no home
# (/nonexistent; the stack gives it one under its data directory). An existing account of that
# name is used only if it is a system account without a login shell: never a person's.
STEP="service user"
SERVICE_USER="${SUIXIN_SERVICE_USER:-suixin}"
if ! getent passwd "$SERVICE_USER" >/dev/null; then
  say "creating the system user $SERVICE_USER (no login shell, no home) to run the services"
  as_root useradd --system --user-group --no-create-home --home-dir /nonexistent \
    --shell /usr/sbin/nologin --comment "Suixin services" "$SERVICE_USER" || die "useradd $SERVICE_USER failed"
else
  IFS=: read -r _ _ svc_uid _ _ _ svc_shell < <(getent passwd "$SERVICE_USER")
  sys_uid_max=$(awk '$1 == "SYS_UID_MAX" { print $2 }' /etc/login.defs 2>/dev/null || true)
  if [ "$svc_uid" -eq 0 ] || [ "$svc_uid" -gt "${sys_uid_max:-999}" ] || ! [[ "$svc_shell" =~ /(nologin|false)$ ]]; then
    die "a user named $SERVICE_USER exists but is not a system account without login (uid $svc_uid, shell $svc_shell): set SUIXIN_SERVICE_USER to another name"
  fi
fi

# --- 2. toolchains that the machine image provides -----------------------------------
STEP="toolchain check"
command -v node >/dev/null || die "node not found (need Node >= 20.9)"
command -v npm >/dev/null || die "npm not found"

# --- 3. node dependencies --------------------------------------------------------------
STEP="npm ci"
if [ ! -d node_modules ] || [ ! -f node_modules/.package-lock.json ] \
   || [ package-lock.json -nt node_modules/.package-lock.json ]; then
  say "npm ci"
  # @prisma/engines' postinstall tries a download and fails quietly: expected here.
  npm ci --no-audit --no-fund --loglevel=error || die "npm ci failed"
fi

# --- 4. prisma client --------------------------------------------------------------------
STEP="prisma generate"
if [ -f prisma/schema.prisma ]; then
  stamp_dir=node_modules/.cache/suixin
  stamp="$stamp_dir/prisma-generate.sha256"
  hash=$(cat prisma/schema.prisma $( [ -f prisma.config.ts ] && echo prisma.config.ts ) \
         node_modules/prisma/package.json 2>/dev/null | sha256sum | cut -d' ' -f1)
  # the generator's output folder (if the schema names one) must exist too, e.g. after a clean
  out_dir=$(sed -nE 's/^[[:space:]]*output[[:space:]]*=[[:space:]]*"([^"]+)".*/\1/p' prisma/schema.prisma | head -n1)
  if [ ! -f "$stamp" ] || [ "$(cat "$stamp")" != "$hash" ] || { [ -n "$out_dir" ] && [ ! -d "prisma/$out_dir" ]; }; then
    say "prisma generate"
    # generate never connects; a placeholder keeps env("DATABASE_URL") in the config happy.
    out=$(DATABASE_URL="${DATABASE_URL:-postgresql://suixin@127.0.0.1:5432/suixin}" \
      node_modules/.bin/prisma generate 2>&1) || { echo "$out" >&2; die "prisma generate failed"; }
    mkdir -p "$stamp_dir" && echo "$hash" >"$stamp"
  fi
fi

# --- 5. livekit-server -------------------------------------------------------------------
STEP="livekit-server $LIVEKIT_VERSION"
lk_dir="$TOOLS_DIR/livekit-server-$LIVEKIT_VERSION"
lk_bin="$lk_dir/livekit-server"
if [ ! -x "$lk_bin" ]; then
  command -v go >/dev/null || die "go not found (need Go >= 1.26 to build livekit-server)"
  say "building livekit-server $LIVEKIT_VERSION with go install (a few minutes on a cold Go cache)"
  mkdir -p "$lk_dir"
  tmp_bin=$(mktemp -d "$lk_dir/.build.XXXXXX")
  # GOTOOLCHAIN=local: build with the Go on this machine, never download another toolchain.
  GOTOOLCHAIN=local GOWORK=off GOBIN="$tmp_bin" go install "github.com/livekit/livekit-server/cmd/server@$LIVEKIT_VERSION" \
    || { rm -rf "$tmp_bin"; die "go install github.com/livekit/livekit-server/cmd/server@$LIVEKIT_VERSION failed"; }
  mv "$tmp_bin/server" "$lk_bin" && rm -rf "$tmp_bin"
fi

# --- 6. LiveKit Egress (its own script) --------------------------------------------------
STEP="egress (scripts/setup/egress.sh)"
if [ -f scripts/setup/egress.sh ]; then
  bash scripts/setup/egress.sh || die "scripts/setup/egress.sh failed"
fi

STEP="done"
trap - ERR
elapsed=$(( $(date +%s) - STARTED_AT ))
if [ "$DID_SOMETHING" -eq 1 ]; then
  echo "setup: done in ${elapsed}s (repo $REPO_ROOT, tools $TOOLS_DIR)"
else
  echo "setup: everything present (${elapsed}s)"
fi
