#!/usr/bin/env python3
# bench-explain.py
#
# Copyright The Teapot authors
#
# SPDX-License-Identifier: GPL-3.0-or-later
"""The explain budget (DESIGN.md): a generated combined-format log of LINES lines (default
4 million, about 500 MB) read by `teapot --explain`, against `wc -l` (the floor), mawk
counting $9, and GoAccess when it is installed. Warm page cache: every command runs once
before it is timed, then the best of RUNS runs is kept. Peak memory is the child's maxrss.

    bench-explain.py TEAPOT [LINES] [RUNS]
"""

import os
import random
import shutil
import subprocess
import sys
import tempfile
import time

STATUSES = [200] * 70 + [304] * 8 + [301] * 4 + [302] * 3 + [404] * 7 + [499] * 2 + [500, 502, 503, 403, 401, 429]
METHODS = ["GET"] * 8 + ["POST", "HEAD"]
AGENTS = ["Mozilla/5.0 (X11; Linux x86_64) Firefox/120.0", "curl/8.5.0", "Go-http-client/1.1",
          "Mozilla/5.0 (iPhone) Safari/604.1"]


def generate(path, lines):
    """Combined log lines, one second apart; returns the true count per status."""
    rng = random.Random(12)
    truth = {}
    start = 1_700_000_000
    months = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]
    with open(path, "w", buffering=1 << 20) as out:
        chunk = []
        for i in range(lines):
            t = time.gmtime(start + i)
            status = rng.choice(STATUSES)
            truth[status] = truth.get(status, 0) + 1
            chunk.append('10.%d.%d.%d - - [%02d/%s/%d:%02d:%02d:%02d +0000] "%s /api/items/%d?p=%d HTTP/1.1" '
                         '%d %d "-" "%s"\n'
                         % (i % 250, i % 199, i % 97, t.tm_mday, months[t.tm_mon - 1], t.tm_year, t.tm_hour,
                            t.tm_min, t.tm_sec, rng.choice(METHODS), rng.randrange(100000), i % 50, status,
                            rng.randrange(100, 90000), rng.choice(AGENTS)))
            if len(chunk) == 10000:
                out.write("".join(chunk))
                chunk = []
        out.write("".join(chunk))
    return truth


def run(argv, stdout=subprocess.DEVNULL):
    """Wall time and peak resident memory (KiB) of one run."""
    begin = time.monotonic()
    child = subprocess.Popen(argv, stdout=stdout, stderr=subprocess.DEVNULL)
    _, status, usage = os.wait4(child.pid, 0)
    elapsed = time.monotonic() - begin
    if os.waitstatus_to_exitcode(status) != 0:
        raise RuntimeError("%s failed" % argv[0])
    return elapsed, usage.ru_maxrss


def best(argv, runs):
    run(argv)  # warm-up: the page cache, the binary
    results = [run(argv) for _ in range(runs)]
    return min(r[0] for r in results), max(r[1] for r in results)


def main():
    teapot = sys.argv[1]
    lines = int(sys.argv[2]) if len(sys.argv) > 2 else 4_000_000
    runs = int(sys.argv[3]) if len(sys.argv) > 3 else 3
    with tempfile.TemporaryDirectory(prefix="teapot-bench-explain-") as tmp:
        path = os.path.join(tmp, "access.log")
        env_home = os.path.join(tmp, "home")
        os.makedirs(env_home)
        os.environ["XDG_DATA_HOME"] = env_home
        truth = generate(path, lines)
        size = os.path.getsize(path)
        print("file: %d lines, %.0f MB" % (lines, size / 1e6))

        # The counts must be right before the time means anything.
        import json
        result = subprocess.run([teapot, "--explain=" + path, "--json"], capture_output=True, text=True, check=True)
        got = {c["code"]: c["count"] for c in json.loads(result.stdout)["codes"]}
        if got != truth:
            print("WRONG COUNTS: %s != %s" % (got, truth))
            return 1

        wc, wc_mem = best(["wc", "-l", path], runs)
        teapot_time, teapot_mem = best([teapot, "--explain=" + path], runs)
        mawk_time = None
        if shutil.which("mawk"):
            mawk_time, _ = best(["mawk", "{c[$9]++} END {for (k in c) print c[k], k}", path], runs)
        print("wc -l:            %.2f s" % wc)
        print("teapot --explain: %.2f s, peak %.1f MB (%.2fx wc -l; budget <= 2x)"
              % (teapot_time, teapot_mem / 1024, teapot_time / wc))
        if mawk_time is not None:
            print("mawk $9:          %.2f s (teapot %.1fx faster; budget >= 5x)" % (mawk_time, mawk_time / teapot_time))
        if shutil.which("goaccess") and os.environ.get("TEAPOT_BENCH_GOACCESS"):
            report = os.path.join(tmp, "report.json")
            goaccess_time, goaccess_mem = run(["goaccess", path, "--log-format=COMBINED", "--no-progress",
                                               "-o", report])
            print("goaccess:         %.2f s, peak %.0f MB (one run)" % (goaccess_time, goaccess_mem / 1024))

        ok = teapot_time <= 2 * wc and teapot_mem <= 64 * 1024 and (mawk_time is None or mawk_time >= 5 * teapot_time)
        print("budget: %s" % ("met" if ok else "NOT MET"))
        return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
