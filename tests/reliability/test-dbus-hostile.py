#!/usr/bin/env python3
# test-dbus-hostile.py
#
# Copyright The Teapot authors
#
# SPDX-License-Identifier: GPL-3.0-or-later
"""The GNOME Shell search provider of the real `teapot --gapplication-service`, on a bus
of its own, given hostile values in well-formed calls (tests/desktop/test-search-provider.c
covers wrong signatures and unknown methods). It answers or refuses each, and is still
there and still right afterwards."""

import os
import subprocess
import sys
import tempfile
import time

TEAPOT = os.environ["TEAPOT_BINARY"]
NAME = "io.github.teapot.Teapot"
PATH = "/io/github/teapot/Teapot/SearchProvider"
IFACE = "org.gnome.Shell.SearchProvider2"

if not os.environ.get("TEAPOT_PRIVATE_BUS"):
    if not os.environ.get("DISPLAY"):
        print("1..0 # SKIP the application needs a display (run under xvfb-run)")
        sys.exit(77)
    # A bus of our own: other tests register the same name on the shared one.
    os.environ["TEAPOT_PRIVATE_BUS"] = "1"
    os.execvp("dbus-run-session", ["dbus-run-session", "--", sys.executable, *sys.argv])


def gvariant_strings(items):
    return "[" + ", ".join("'%s'" % s.replace("\\", "\\\\").replace("'", "\\'") for s in items) + "]"


def call(method, *args, timeout=30):
    return subprocess.run(["gdbus", "call", "--session", "--dest", NAME, "--object-path", PATH,
                           "--method", "%s.%s" % (IFACE, method), "--timeout", str(timeout), "--", *args],
                          capture_output=True, text=True, timeout=timeout + 10)


HOSTILE = ['"', "'", "' OR 1=1 --", "\") OR (\"", "NEAR(a b)", "*", "^", "-- DROP TABLE entries;",
           "../../etc/passwd", "%s%s%n", "\\", "\u202e404", "x" * 5000, "", "   ", "4" * 300,
           "HTTP/1.1 503 Service Unavailable", "\u00e9\u00e8\u4e2d\u6587"]


def main():
    home = tempfile.mkdtemp()
    env = dict(os.environ, XDG_DATA_HOME=home, XDG_CONFIG_HOME=home, XDG_CACHE_HOME=home, HOME=home)
    service = subprocess.Popen([TEAPOT, "--gapplication-service"], env=env,
                               stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    failures = []
    tried = 0
    try:
        deadline = time.monotonic() + 30
        print("# service started", flush=True)
        while call("GetInitialResultSet", "['404']", timeout=5).returncode != 0:
            if time.monotonic() > deadline or service.poll() is not None:
                print("FAIL: the service did not come up: %s" % service.stderr.read())
                return 1
            time.sleep(0.2)

        print("# service answers", flush=True)
        calls = []
        for value in HOSTILE:
            calls += [("GetInitialResultSet", gvariant_strings([value])),
                      ("GetInitialResultSet", gvariant_strings([value, "404", value])),
                      ("GetSubsearchResultSet", gvariant_strings([value, "404"]), gvariant_strings([value])),
                      ("GetResultMetas", gvariant_strings([value, "404"])),
                      ("ActivateResult", "'%s'" % value.replace("\\", "\\\\").replace("'", "\\'"),
                       gvariant_strings([value]), "uint32 4294967295"),
                      ("LaunchSearch", gvariant_strings([value]), "uint32 0")]
        calls += [("GetInitialResultSet", "@as []"), ("GetSubsearchResultSet", "@as []", "@as []"),
                  ("GetResultMetas", "@as []"), ("GetInitialResultSet", gvariant_strings([""] * 2000))]
        for method, *args in calls:
            tried += 1
            try:
                result = call(method, *args, timeout=15)
            except subprocess.TimeoutExpired:
                failures.append("%s(%s): no answer" % (method, args[0][:40]))
                break
            if "Timeout" in result.stderr or "NoReply" in result.stderr:
                failures.append("%s(%s): no answer: %s" % (method, args[0][:40], result.stderr.strip()[:200]))
                break
            # An answer, or a D-Bus error; never a timeout or a vanished service.
            if service.poll() is not None:
                failures.append("%s(%s): the service died" % (method, args[0][:40]))
                break
            if result.returncode != 0 and "GDBus.Error" not in result.stderr:
                failures.append("%s(%s): %s" % (method, args[0][:40], result.stderr.strip()[:200]))

        final = call("GetInitialResultSet", "['404']")
        if "'404'" not in final.stdout:
            failures.append("after the hostile calls, 404 is not found: %s %s" % (final.stdout, final.stderr))
    finally:
        service.terminate()
        try:
            _, err = service.communicate(timeout=10)
        except subprocess.TimeoutExpired:
            service.kill()
            _, err = service.communicate()
    for word in ("CRITICAL", "runtime error", "AddressSanitizer"):
        if word in err:
            failures.append("the service logged %s: %s" % (word, err[-2000:]))
    print("# %d hostile calls to the search provider, %d failures" % (tried, len(failures)))
    for failure in failures[:20]:
        print("FAIL: " + failure)
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
