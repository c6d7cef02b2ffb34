#!/bin/sh
# check-potfiles.sh SOURCE_ROOT
#
# Every source file with translatable strings is in po/POTFILES.in, and every listed file exists.
#
# Copyright The Teapot authors
# SPDX-License-Identifier: GPL-3.0-or-later
set -eu
cd "$1"

listed=$(grep -v '^#' po/POTFILES.in | grep -v '^$' | sort)
found=$( {
  grep -rlE '(^|[^A-Za-z0-9_])(N?C?_|g_dn?gettext|g_dpgettext2?|ngettext)[[:space:]]*\(' src --include='*.c' || true
  grep -rl 'translatable="yes"' resources --include='*.ui' || true
  ls data/*.desktop.in data/*.metainfo.xml.in data/*.gschema.xml 2>/dev/null || true
} | sort -u)

status=0
for file in $found; do
  echo "$listed" | grep -qx "$file" || { echo "po/POTFILES.in lacks $file"; status=1; }
done
for file in $listed; do
  [ -f "$file" ] || { echo "po/POTFILES.in lists $file, which does not exist"; status=1; }
done
exit $status
