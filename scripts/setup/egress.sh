#!/usr/bin/env bash
# Builds LiveKit Egress (the recorder / HLS / RTMP service) for Suixin from the Go module proxy
# and makes sure the Debian packages it needs at build and run time are installed.
# Recipe, runtime needs and API shapes: scripts/setup/EGRESS.md.
#
#   bash scripts/setup/egress.sh            one line saying what it did
#   bash scripts/setup/egress.sh --quiet    silent when everything was already there
#   bash scripts/setup/egress.sh --bin-dir  print only the directory to put on PATH
#
# Result: ${SUIXIN_TOOLS_DIR:-$HOME/.cache/suixin}/egress-<version>/egress
# Downloads only from Debian apt and the Go module proxy. Idempotent; the fast path (already
# built, packages present) takes well under a second.
set -euo pipefail

EGRESS_VERSION="v1.8.6"
# h1: hash of the module zip, pinned here because the checksum database has no entry for
# github.com/livekit/egress on this network (see EGRESS.md), so we verify it ourselves.
EGRESS_MODULE_SUM="h1:9+GXIiU9jZ/GWV5Q9MrtH1psZDwTn70Y6woZ7SGBcHo="
# Bump when the source edits below change, so an old build is replaced.
REMEDY_ID="aac=voaacenc+aacparse/1"

TOOLS_DIR="${SUIXIN_TOOLS_DIR:-$HOME/.cache/suixin}"
DEST="$TOOLS_DIR/egress-$EGRESS_VERSION"
BIN="$DEST/egress"
STAMP="$DEST/.suixin-build"

MODE="normal"
case "${1:-}" in
  --quiet) MODE="quiet" ;;
  --bin-dir) MODE="bindir" ;;
  "") ;;
  *) echo "usage: $0 [--quiet|--bin-dir]" >&2; exit 2 ;;
esac

die() { echo "egress: ERROR: $*" >&2; exit 1; }
as_root() {
  if [ "$(id -u)" -eq 0 ]; then "$@"
  elif command -v sudo >/dev/null 2>&1; then sudo "$@"
  else die "needs root to run: $*"
  fi
}

did=()

# --- 1. Debian packages ----------------------------------------------------------------
APT_PACKAGES=(
  gcc pkgconf libgstreamer1.0-dev libgstreamer-plugins-base1.0-dev      # cgo build (go-gst)
  gstreamer1.0-plugins-base gstreamer1.0-plugins-good gstreamer1.0-plugins-bad
  gstreamer1.0-plugins-ugly gstreamer1.0-libav gstreamer1.0-x gstreamer1.0-pulseaudio
  gstreamer1.0-tools                   # gst-inspect-1.0, for checks
  chromium xvfb xauth pulseaudio pulseaudio-utils   # RoomComposite/Web: browser, display, audio (pactl)
  fonts-dejavu-core                    # text in pages rendered by the recorder's Chromium
)
installed=$(dpkg-query -W -f='${db:Status-Abbrev} ${Package}\n' "${APT_PACKAGES[@]}" 2>/dev/null || true)
missing=()
for p in "${APT_PACKAGES[@]}"; do
  grep -qE "^ii +${p}\$" <<<"$installed" || missing+=("$p")
done
if [ "${#missing[@]}" -gt 0 ]; then
  as_root apt-get -o DPkg::Lock::Timeout=600 update -qq >/dev/null || die "apt-get update failed"
  as_root env DEBIAN_FRONTEND=noninteractive apt-get -o DPkg::Lock::Timeout=600 install -y -qq \
    --no-install-recommends "${missing[@]}" >/dev/null || die "apt-get install failed for: ${missing[*]}"
  did+=("apt-get installed ${missing[*]}")
fi

# --- 2. no /home/egress ------------------------------------------------------------------
# Egress v1.8.6 has /home/egress/tmp hard-coded (config.TmpDir), but uses it only for outputs
# uploaded to cloud storage; ours are written straight to the requested local path, and its
# per-job files go to $TMPDIR (set by the stack). So nothing is created there: a real `egress`
# user's home stays theirs.

# --- 3. build ----------------------------------------------------------------------------
want_stamp="$EGRESS_VERSION $REMEDY_ID"
if [ -x "$BIN" ] && [ -f "$STAMP" ] && [ "$(cat "$STAMP")" = "$want_stamp" ]; then
  :
else
  command -v go >/dev/null || die "go not found (need Go >= 1.22; this machine has it in the image)"
  mkdir -p "$TOOLS_DIR"
  exec 9>"$TOOLS_DIR/.egress-build.lock"
  flock 9
  if ! { [ -x "$BIN" ] && [ -f "$STAMP" ] && [ "$(cat "$STAMP")" = "$want_stamp" ]; }; then
    started=$(date +%s)
    mkdir -p "$DEST"
    work=$(mktemp -d "$DEST/.build.XXXXXX")
    log="$DEST/build.log"
    trap 'rm -rf "$work"' EXIT
    # Go settings: no workspace, no toolchain download, only the checksum DB lookup for the
    # egress module itself is skipped (its dependencies are verified by its go.sum).
    export GOWORK=off GOTOOLCHAIN=local GOFLAGS=-buildvcs=false CGO_ENABLED=1
    export GONOSUMDB="github.com/livekit/egress${GONOSUMDB:+,$GONOSUMDB}"
    json=$(cd "$work" && go mod download -json "github.com/livekit/egress@$EGRESS_VERSION" 2>&1) \
      || die "go mod download github.com/livekit/egress@$EGRESS_VERSION failed: $(tr -d '\n' <<<"$json" | cut -c1-400)"
    field() { sed -nE "s/^[[:space:]]*\"$1\": \"(.*)\",?\$/\1/p" <<<"$json" | head -n1; }
    mod_dir=$(field Dir); mod_sum=$(field Sum)
    [ -n "$mod_dir" ] && [ -d "$mod_dir" ] || die "go mod download gave no Dir: $(tr -d '\n' <<<"$json" | cut -c1-400)"
    [ "$mod_sum" = "$EGRESS_MODULE_SUM" ] || die "module hash mismatch: got '$mod_sum', want '$EGRESS_MODULE_SUM'"

    src="$work/src"
    cp -r "$mod_dir" "$src" && chmod -R u+w "$src"

    # AAC remedy: Debian has no `faac` GStreamer element. Use voaacenc (same `bitrate` property,
    # int, bits/s; takes the S16LE stereo that egress's caps filter produces) followed by
    # aacparse (voaacenc's caps lack framed=true, which mpegtsmux needs for HLS).
    f="$src/pkg/pipeline/builder/audio.go"
    [ "$(grep -c 'gst.NewElement("faac")' "$f")" = 1 ] && [ "$(grep -c 'return b.bin.AddElement(faac)' "$f")" = 1 ] \
      || die "AAC remedy: expected faac lines not found in $f (version changed?)"
    perl -0pi -e 's/gst\.NewElement\("faac"\)/gst.NewElement("voaacenc")/;
      s/return b\.bin\.AddElement\(faac\)/aacParse, perr := gst.NewElement("aacparse") \/\/ suixin: framed=true for mpegtsmux\n\t\tif perr != nil {\n\t\t\treturn errors.ErrGstPipelineError(perr)\n\t\t}\n\t\treturn b.bin.AddElements(faac, aacParse)/' "$f"
    [ "$(grep -c 'faac"' "$f")" = 0 ] && [ "$(grep -c 'gst.NewElement("aacparse")' "$f")" = 1 ] \
      || die "AAC remedy: source edit did not apply cleanly"
    if grep -rq --include='*.go' '"faac"' "$src/pkg" "$src/cmd"; then
      die "AAC remedy: another reference to faac remains in the source"
    fi

    # `//go:embed templates` in cmd/server: the module ships no built template app. Suixin points
    # template_base / custom_base_url at its own layout page, so a placeholder is enough.
    mkdir -p "$src/cmd/server/templates"
    printf '<!doctype html><title>egress</title><p>Suixin: set template_base to the app layout page.</p>\n' \
      >"$src/cmd/server/templates/index.html"

    (cd "$src" && go build -trimpath -o "$work/egress" ./cmd/server) >"$log" 2>&1 \
      || { tail -n 30 "$log" >&2; die "go build failed (full log: $log)"; }
    mv -f "$work/egress" "$BIN"
    echo "$want_stamp" >"$STAMP"
    rm -rf "$work"; trap - EXIT
    did+=("built egress $EGRESS_VERSION ($REMEDY_ID) in $(( $(date +%s) - started ))s")
  fi
  flock -u 9
fi

case "$MODE" in
  bindir) echo "$DEST" ;;
  quiet) [ "${#did[@]}" -eq 0 ] || echo "egress: $(IFS=';'; echo "${did[*]}" | sed 's/;/; /g') -> $BIN" ;;
  *) if [ "${#did[@]}" -eq 0 ]; then echo "egress: $EGRESS_VERSION already built at $BIN (nothing to do)"
     else echo "egress: $(IFS=';'; echo "${did[*]}" | sed 's/;/; /g') -> $BIN"; fi ;;
esac
