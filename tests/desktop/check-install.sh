#!/bin/sh
# check-install.sh BUILD_DIR PREFIX APP_ID SOURCE_ROOT LIBEXECDIR
#
# Installs the build into a temporary DESTDIR and compares what lands there with the list of
# files Teapot must install: nothing missing, nothing unexpected. Also checks that the files
# that name each other agree (service Exec, search provider DesktopId).
#
# Copyright The Teapot authors
# SPDX-License-Identifier: GPL-3.0-or-later
set -eu

build_dir=$1 prefix=$2 app_id=$3 source_root=$4 libexecdir=$5
destdir=$(mktemp -d)
trap 'rm -rf "$destdir"' EXIT

meson install -C "$build_dir" --no-rebuild --quiet --destdir "$destdir" >/dev/null

root=$destdir$prefix
expected=$(mktemp)
trap 'rm -rf "$destdir" "$expected"' EXIT
{
  echo "bin/teapot"
  echo "$libexecdir/teapot-window"
  echo "share/bash-completion/completions/teapot"
  echo "share/zsh/site-functions/_teapot"
  echo "share/fish/vendor_completions.d/teapot.fish"
  # The manual page is built when scdoc is there (-Dman=auto).
  [ -f "$build_dir/data/teapot.1" ] && echo "share/man/man1/teapot.1"
  echo "share/applications/$app_id.desktop"
  echo "share/metainfo/$app_id.metainfo.xml"
  echo "share/dbus-1/services/$app_id.service"
  echo "share/gnome-shell/search-providers/$app_id.search-provider.ini"
  echo "share/icons/hicolor/scalable/apps/$app_id.svg"
  echo "share/icons/hicolor/symbolic/apps/$app_id-symbolic.svg"
  for schema in "$source_root"/data/*.gschema.xml; do
    [ -e "$schema" ] && echo "share/glib-2.0/schemas/$(basename "$schema")"
  done
  for lang in $(cat "$source_root/po/LINGUAS"); do
    echo "share/locale/$lang/LC_MESSAGES/teapot.mo"
  done
} | sort > "$expected"

status=0
actual=$(cd "$root" && find . -type f -o -type l | sed 's|^\./||' | sort)
missing=$(echo "$actual" | comm -13 - "$expected")
unexpected=$(echo "$actual" | comm -23 - "$expected")
[ -n "$missing" ] && { echo "not installed:"; echo "$missing" | sed 's/^/  /'; status=1; }
[ -n "$unexpected" ] && { echo "installed but not expected:"; echo "$unexpected" | sed 's/^/  /'; status=1; }
stray=$(cd "$destdir" && find . -type f | grep -v "^\.$prefix/" || true)
[ -n "$stray" ] && { echo "installed outside the prefix:"; echo "$stray"; status=1; }

if [ -x "$root/bin/teapot" ]; then
  grep -qx "Exec=$prefix/$libexecdir/teapot-window --gapplication-service" "$root/share/dbus-1/services/$app_id.service" \
    || { echo "the D-Bus service does not start $prefix/$libexecdir/teapot-window"; status=1; }
  [ -x "$root/$libexecdir/teapot-window" ] || { echo "the window program is not executable"; status=1; }
  # The command line finds the window where it was installed.
  LC_ALL=C grep -qaF "$prefix/$libexecdir" "$root/bin/teapot" \
    || { echo "bin/teapot does not look for the window in $prefix/$libexecdir"; status=1; }
  grep -qx "Name=$app_id" "$root/share/dbus-1/services/$app_id.service" \
    || { echo "the D-Bus service is not named $app_id"; status=1; }
  grep -qx "DesktopId=$app_id.desktop" "$root/share/gnome-shell/search-providers/$app_id.search-provider.ini" \
    || { echo "the search provider names another desktop file"; status=1; }
  grep -qx "Icon=$app_id" "$root/share/applications/$app_id.desktop" \
    || { echo "the desktop file names another icon"; status=1; }
  grep -q "^Comment\[de\]=" "$root/share/applications/$app_id.desktop" \
    || { echo "the desktop file has no German translation"; status=1; }
fi

# Each shell reads its completion file (tests/test-completion.py runs them from the source tree).
for check in "bash -n share/bash-completion/completions/teapot" "zsh -n share/zsh/site-functions/_teapot" \
             "fish --no-execute share/fish/vendor_completions.d/teapot.fish"; do
  shell=${check%% *}
  command -v "$shell" >/dev/null || continue
  (cd "$root" && $check) || { echo "$shell cannot read its completion file"; status=1; }
done

[ $status = 0 ] && echo "$(echo "$actual" | wc -l) files installed as expected under $prefix"
exit $status
