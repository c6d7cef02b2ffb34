#!/usr/bin/env bash
# Builds the libFuzzer harnesses with clang (the main build uses gcc).
#
#   tests/fuzz/build.sh BUILD_DIR OUT_DIR
#
# BUILD_DIR is a configured and built Teapot build directory: its config.h and the
# generated resource file that embeds the reference database are reused, so the search
# harness runs on exactly the bundled data. Exits 77 (skip) when clang or libFuzzer is
# missing.
set -euo pipefail

here=$(cd "$(dirname "$0")" && pwd)
source_root=$(cd "$here/../.." && pwd)
build_dir=$(cd "$1" && pwd)
out_dir=$2

CLANG=${CLANG:-}
if [ -z "$CLANG" ]; then
  for candidate in clang clang-14 clang-15 clang-16; do
    if command -v "$candidate" >/dev/null; then CLANG=$candidate; break; fi
  done
fi
if [ -z "$CLANG" ]; then
  echo "clang not found: the fuzzers are not built (install clang and libclang-rt-14-dev)" >&2
  exit 77
fi
if ! echo 'int LLVMFuzzerTestOneInput(const char *d, unsigned long n){return 0;}' \
     | "$CLANG" -x c -fsanitize=fuzzer - -o /dev/null 2>/dev/null; then
  echo "$CLANG cannot link libFuzzer: the fuzzers are not built (install libclang-rt-14-dev)" >&2
  exit 77
fi

resources=$build_dir/src/teapot-core-resources.c
if [ ! -f "$resources" ] || [ ! -f "$build_dir/config.h" ]; then
  echo "$build_dir is not a built Teapot build directory" >&2
  exit 1
fi

mkdir -p "$out_dir/obj"
flags=(
  -g -O1 -fno-omit-frame-pointer -std=gnu11
  -fsanitize=fuzzer-no-link,address,undefined -fno-sanitize-recover=undefined
  -DGLIB_VERSION_MIN_REQUIRED=GLIB_VERSION_2_74 -DGLIB_VERSION_MAX_ALLOWED=GLIB_VERSION_2_74
  -DG_LOG_USE_STRUCTURED
  -I"$build_dir" -I"$build_dir/src" -I"$source_root/src/core"
  $(pkg-config --cflags glib-2.0 gio-2.0 gio-unix-2.0 json-glib-1.0 sqlite3)
)
libs=$(pkg-config --libs glib-2.0 gio-2.0 gio-unix-2.0 json-glib-1.0 sqlite3)

# The core (GLib + SQLite only), instrumented, compiled in parallel: a few seconds, so always.
objects=()
pids=()
for source in "$source_root"/src/core/*.c "$resources"; do
  object=$out_dir/obj/$(basename "$source" .c).o
  objects+=("$object")
  "$CLANG" "${flags[@]}" -c "$source" -o "$object" &
  pids+=($!)
done
for pid in "${pids[@]}"; do wait "$pid"; done

for harness in search dataset explain; do
  "$CLANG" "${flags[@]}" -fsanitize=fuzzer "$here/fuzz-$harness.c" "${objects[@]}" $libs -lm \
    -o "$out_dir/fuzz-$harness"
done
echo "built $out_dir/fuzz-search, $out_dir/fuzz-dataset and $out_dir/fuzz-explain with $CLANG"
