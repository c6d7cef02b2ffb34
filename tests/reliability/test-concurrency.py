#!/usr/bin/env python3
# test-concurrency.py
#
# Copyright The Teapot authors
#
# SPDX-License-Identifier: GPL-3.0-or-later
"""Several writers at once on one user.sqlite: a long-lived store (as the window holds it,
teapot-writer) and several `teapot --star/--unstar` processes in parallel, from the first
start (no file yet: they race to create it) on. No "database is locked" reaches the user,
no write is lost, nothing is moved aside."""

import json
import os
import random
import sqlite3
import subprocess
import sys
import tempfile
import threading
import time

TEAPOT = os.environ["TEAPOT_BINARY"]
WRITER = os.environ["TEAPOT_WRITER"]
CLI_PROCESSES = 6
CLI_WRITES_EACH = 25
WINDOW_WRITES = 150


def main():
    rng = random.Random(int(os.environ.get("TEAPOT_CRASH_SEED", "6")))
    env = dict(os.environ, XDG_DATA_HOME=tempfile.mkdtemp())
    ids = [e["id"] for e in json.loads(subprocess.run([TEAPOT, "--list", "--json"], env=env,
                                                      capture_output=True, text=True).stdout)]
    rng.shuffle(ids)
    # Each writer owns its ids, so that the expected end state is exact.
    owned = [ids[i::CLI_PROCESSES + 1] for i in range(CLI_PROCESSES + 1)]
    expected = {}
    failures = []
    lock = threading.Lock()

    with tempfile.TemporaryDirectory() as data_home:
        env = dict(os.environ, XDG_DATA_HOME=data_home)
        for var in ("DISPLAY", "DBUS_SESSION_BUS_ADDRESS"):
            env.pop(var, None)
        path = os.path.join(data_home, "teapot", "user.sqlite")

        def cli_worker(mine, seed):
            local = random.Random(seed)
            for _ in range(CLI_WRITES_EACH):
                ident, state = local.choice(mine), local.random() < 0.6
                result = subprocess.run([TEAPOT, ("--star=" if state else "--unstar=") + ident],
                                        env=env, capture_output=True, text=True, timeout=60)
                with lock:
                    if result.returncode != 0 or result.stderr:
                        failures.append("teapot %s: exit %d: %s" % (ident, result.returncode,
                                                                      result.stderr.strip()))
                    else:
                        expected[ident] = state

        # The window's store opens at the same moment as the first CLI processes.
        window = subprocess.Popen([WRITER, path], stdin=subprocess.PIPE, stdout=subprocess.PIPE,
                                  stderr=subprocess.PIPE, text=True, env=env)
        threads = [threading.Thread(target=cli_worker, args=(owned[i + 1], i)) for i in range(CLI_PROCESSES)]
        started = time.monotonic()
        for thread in threads:
            thread.start()
        window_batch = [(rng.choice(owned[0]), rng.random() < 0.6) for _ in range(WINDOW_WRITES)]
        for ident, state in window_batch:
            window.stdin.write("search %s\n" % rng.choice(["not found", "4", "gateway timeout", ident]))
            window.stdin.write("%s %s\n" % ("star" if state else "unstar", ident))
            window.stdin.flush()
            time.sleep(0.002)
        window.stdin.close()
        out, err = window.stdout.read(), window.stderr.read()
        window.wait(timeout=120)
        for thread in threads:
            thread.join()
        elapsed = time.monotonic() - started

        done = [line.split() for line in out.splitlines() if line.startswith("done ")]
        for line in out.splitlines():
            if line.startswith("error "):
                failures.append("window store: " + line)
        if err:
            failures.append("window store stderr: " + err.strip())
        for _, ident, state in done:
            expected[ident] = state == "1"

        db = sqlite3.connect("file:%s?mode=rw" % path, uri=True)
        favourites = {row[0] for row in db.execute("SELECT id FROM favourites")}
        check = db.execute("PRAGMA integrity_check").fetchall()
        db.close()

        lost = [(i, s) for i, s in expected.items() if (i in favourites) != s]
        moved = [n for n in os.listdir(os.path.dirname(path)) if ".damaged-" in n]
        print("# %d writers at once (1 store + %d CLI processes in turn): %d writes in %.1f s"
              % (CLI_PROCESSES + 1, CLI_PROCESSES, len(done) + CLI_PROCESSES * CLI_WRITES_EACH, elapsed))
        print("# window writes done %d / %d, lost %d, integrity_check %s"
              % (len(done), WINDOW_WRITES, len(lost), check))
        if len(done) != WINDOW_WRITES:
            failures.append("the window store finished %d of %d writes" % (len(done), WINDOW_WRITES))
        if lost:
            failures.append("lost writes: %s" % lost[:10])
        if check != [("ok",)]:
            failures.append("integrity_check: %s" % check)
        if moved:
            failures.append("moved aside: %s" % moved)
        for failure in failures[:20]:
            print("FAIL: " + failure)
        return 1 if failures else 0


def creation_race(rounds=25, racers=6):
    """Several first starts at the same moment on no file at all, again and again: while one
    creates and migrates user.sqlite, none may take the half-made file for a damaged one (a
    health check that read the version and the tables in two snapshots once did, and moved
    the file aside with its favourites)."""
    failures = []
    for round_ in range(rounds):
        with tempfile.TemporaryDirectory() as home:
            env = dict(os.environ, XDG_DATA_HOME=home, HOME=home)
            env.pop("DISPLAY", None)
            env.pop("DBUS_SESSION_BUS_ADDRESS", None)
            ids = ["%d" % code for code in (200, 201, 202, 203, 204, 205, 206, 207)][:racers]
            procs = [subprocess.Popen([TEAPOT, "--star=" + ident], env=env, stdout=subprocess.DEVNULL,
                                      stderr=subprocess.PIPE, text=True) for ident in ids]
            for ident, proc in zip(ids, procs):
                err = proc.communicate(timeout=60)[1]
                if proc.returncode != 0 or err:
                    failures.append("round %d, --star=%s: exit %d: %s" % (round_, ident, proc.returncode, err.strip()))
            folder = os.path.join(home, "teapot")
            moved = [name for name in os.listdir(folder) if ".damaged-" in name]
            if moved:
                failures.append("round %d: moved aside: %s" % (round_, moved))
            db = sqlite3.connect("file:%s?mode=rw" % os.path.join(folder, "user.sqlite"), uri=True)
            starred = {row[0] for row in db.execute("SELECT id FROM favourites")}
            db.close()
            if starred != set(ids):
                failures.append("round %d: favourites %s, expected %s" % (round_, sorted(starred), ids))
    print("# creation race: %d rounds of %d first starts at once" % (rounds, racers))
    for failure in failures[:20]:
        print("FAIL: " + failure)
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main() or creation_race())
