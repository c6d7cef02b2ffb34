#!/bin/sh
# check-catalogs.sh SOURCE_ROOT
#
# Every catalogue listed in po/LINGUAS (the interface) and po/codes/LINGUAS (the dataset)
# translates every string of the current sources: none missing, none fuzzy. The templates are
# made afresh from the sources, as the teapot-pot and teapot-codes-pot targets make them, so a
# string added to the code or to data/codes without its translations fails here.
#
# Copyright The Teapot authors
# SPDX-License-Identifier: GPL-3.0-or-later
set -eu
cd "$1"

tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

# The keywords of meson's "glib" gettext preset (po/meson.build), which decide the msgids.
xgettext --package-name=teapot --from-code=UTF-8 \
  --keyword=_ --keyword=N_ --keyword=C_:1c,2 --keyword=NC_:1c,2 \
  --keyword=g_dcgettext:2 --keyword=g_dngettext:2,3 --keyword=g_dpgettext2:2c,3 \
  --files-from=po/POTFILES.in --output="$tmp/teapot.pot"
# As po/codes/meson.build does.
xgettext --package-name=teapot-codes --from-code=UTF-8 --its=data/codes/teapot-codes.its \
  --files-from=po/codes/POTFILES.in --output="$tmp/teapot-codes.pot"

status=0
check () {
  dir=$1
  template=$2
  for lang in $(grep -v '^#' "$dir/LINGUAS"); do
    if [ ! -f "$dir/$lang.po" ]; then
      echo "$dir/LINGUAS lists $lang, but $dir/$lang.po does not exist"
      status=1
      continue
    fi
    msgmerge --quiet --no-fuzzy-matching --output-file="$tmp/$lang.po" "$dir/$lang.po" "$template"
    stats=$(LC_ALL=C msgfmt --check --statistics --output-file=/dev/null "$tmp/$lang.po" 2>&1) || {
      echo "$dir/$lang.po: $stats"
      status=1
      continue
    }
    case $stats in
      *fuzzy* | *untranslated*)
        echo "$dir/$lang.po is incomplete: $stats"
        status=1
        ;;
    esac
  done
}

check po "$tmp/teapot.pot"
check po/codes "$tmp/teapot-codes.pot"
exit $status
