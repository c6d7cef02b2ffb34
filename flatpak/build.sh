#!/usr/bin/env bash
# Builds Teapot as a Flatpak from the real manifest, against a STAND-IN runtime, then checks it.
#
#   flatpak/build.sh [MANIFEST]     default: flatpak/io.github.teapot.Teapot.json
#
# The GNOME runtime (org.gnome.Platform/Sdk 50) cannot be downloaded on our machines. This script
# assembles a stand-in with the same names from Debian 13 packages (GTK 4.18, libadwaita 1.7: the
# baseline; made by .ci/debian13 from flatpak/standin-packages.txt), exports it to a
# local repository and installs it, then runs flatpak-builder on the unmodified manifest: Teapot is
# built in the sandbox, its tests run there, the result is installed and `flatpak run` is checked.
# The stand-in is Debian's ABI, not the GNOME runtime's: it checks the manifest, the build in a
# sandbox, the installed files and the permissions, not binary compatibility with Flathub.
#
# Everything lives under flatpak/.cache (ignored by git), or $TEAPOT_FLATPAK_CACHE when set (CI
# keeps it outside the clone), FLATPAK_USER_DIR included, so the real home is not touched; the
# stand-in runtime is built once and reused.
set -euo pipefail

cd "$(dirname "$0")/.."
MANIFEST=${1:-flatpak/io.github.teapot.Teapot.json}
APP_ID=$(basename "$MANIFEST" .json)
BRANCH=50
CACHE=${TEAPOT_FLATPAK_CACHE:-$PWD/flatpak/.cache}
export FLATPAK_USER_DIR=$CACHE/user
RUNTIME_REPO=$CACHE/runtime-repo
STANDIN_PACKAGES=flatpak/standin-packages.txt

HOST_PACKAGES=(flatpak flatpak-builder elfutils debootstrap bubblewrap dbus)

step() { printf '\n== %s (%ss)\n' "$*" "$SECONDS"; }

install_host_packages() {
  local missing=()
  for p in "${HOST_PACKAGES[@]}"; do
    dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
  done
  [ ${#missing[@]} = 0 ] && return 0
  if [ "$(id -u)" = 0 ]; then
    (export DEBIAN_FRONTEND=noninteractive; apt-get update -qq && apt-get install -y -qq --no-install-recommends "${missing[@]}") >/dev/null
  else
    echo "Run first: sudo apt-get install -y --no-install-recommends ${missing[*]}" >&2
    exit 1
  fi
}

# The stand-in org.gnome.Sdk and org.gnome.Platform: one Debian 13 root, exported twice.
build_standin_runtime() {
  local rootfs key
  .ci/debian13 ensure flatpak-sdk "$STANDIN_PACKAGES"
  rootfs=$(.ci/debian13 path flatpak-sdk)
  key=$(cat "$rootfs/.teapot-key")
  # The installed stand-in is keyed by the root it came from: a new root installs anew.
  if [ "$(cat "$CACHE/runtime-key" 2>/dev/null)" = "$key" ] \
     && flatpak --user info org.gnome.Sdk//$BRANCH >/dev/null 2>&1 \
     && flatpak --user info org.gnome.Platform//$BRANCH >/dev/null 2>&1; then
    echo "stand-in runtime already installed"
    return 0
  fi
  flatpak --user uninstall -y --noninteractive org.gnome.Sdk//$BRANCH org.gnome.Platform//$BRANCH >/dev/null 2>&1 || true
  rm -rf "$RUNTIME_REPO"

  for name in Sdk Platform; do
    local dir=$CACHE/runtime-$name
    rm -rf "$dir"
    mkdir -p "$dir/files"
    cp -a "$rootfs/usr/." "$dir/files/"
    cp -a "$rootfs/etc" "$dir/files/etc"
    # Written fresh (never a hard link shared between the two trees).
    cat > "$dir/metadata" <<META
[Runtime]
name=org.gnome.$name
runtime=org.gnome.Platform/x86_64/$BRANCH
sdk=org.gnome.Sdk/x86_64/$BRANCH
META
    flatpak build-export --runtime --files=files "$RUNTIME_REPO" "$dir" "$BRANCH"
    rm -rf "$dir"
  done
  flatpak --user remote-add --if-not-exists --no-gpg-verify standin "$RUNTIME_REPO"
  flatpak --user install -y --noninteractive standin org.gnome.Platform//$BRANCH org.gnome.Sdk//$BRANCH
  echo "$key" > "$CACHE/runtime-key"
}

SECONDS=0
mkdir -p "$CACHE"
step "host packages"
install_host_packages
step "stand-in runtime"
build_standin_runtime

step "flatpak-builder $MANIFEST (builds, runs the tests in the sandbox, installs)"
# No rofiles-fuse: FUSE is not available in containers and CI machines.
flatpak-builder --user --disable-rofiles-fuse --force-clean \
  --state-dir="$CACHE/state" --install-deps-from=standin --install \
  "$CACHE/build-$APP_ID" "$MANIFEST"

step "flatpak run $APP_ID 404"
output=$(dbus-run-session -- flatpak run "$APP_ID" 404 2>&1)
echo "$output"
grep -q "404" <<<"$output" && grep -q "Not Found" <<<"$output" \
  || { echo "FAIL: flatpak run $APP_ID 404 did not print the entry" >&2; exit 1; }

step "permissions"
permissions=$(flatpak --user info --show-permissions "$APP_ID")
# Flatpak records --socket=fallback-x11 as "x11" plus "fallback-x11" (x11 only without Wayland).
expected=$'[Context]\nshared=ipc;\nsockets=x11;wayland;fallback-x11;\ndevices=dri;'
echo "$permissions"
if [ "$(grep -v '^$' <<<"$permissions")" != "$expected" ]; then
  echo "FAIL: the permissions are not exactly --share=ipc --socket=wayland --socket=fallback-x11 --device=dri" >&2
  diff <(echo "$expected") <(grep -v '^$' <<<"$permissions") >&2 || true
  exit 1
fi

step "done"
echo "OK: $APP_ID built, tested in the sandbox, installed, runs, permissions exact (${SECONDS}s)"
