#!/usr/bin/env python3
# test-crash.py
#
# Copyright The Teapot authors
#
# SPDX-License-Identifier: GPL-3.0-or-later
"""Crash mid-write: writers are killed with SIGKILL at random moments; every write a writer
reported done must be there afterwards, the file must pass PRAGMA integrity_check, and
Teapot must open it as it is (not move it aside as damaged).

Three kinds of writer: teapot-writer (a long-lived TeapotStore, as the window holds it)
starring, teapot-writer recording study reviews (TeapotStudy: a card upsert and a review-log
row in one transaction), and the real `teapot --star/--unstar`. For reviews, every review
reported done must be in the log, no review may be there that was never attempted, and
each card must agree with its log (as many repetitions as logged reviews, the last review
the latest logged): a card without its log row, or the reverse, is a torn transaction.

Prints the figures: writes attempted, reported done and verified, killed in flight."""

import json
import os
import random
import signal
import sqlite3
import subprocess
import sys
import tempfile
import time

TEAPOT = os.environ["TEAPOT_BINARY"]
WRITER = os.environ["TEAPOT_WRITER"]
SEED = int(os.environ.get("TEAPOT_CRASH_SEED", random.randrange(1 << 30)))
TARGET_WRITES = int(os.environ.get("TEAPOT_CRASH_WRITES", "300"))
TARGET_REVIEWS = int(os.environ.get("TEAPOT_CRASH_REVIEWS", "150"))
MIN_ROUNDS = 100
MAX_ROUNDS = 2000
WRITE_SPAN = 0.03


class Ledger:
    """The states each id may be in: after a write reported done, exactly its state; each
    write killed in flight since then adds its state as possible (it may or may not have
    been committed). Ids never written must not be favourites."""

    def __init__(self):
        self.possible = {}
        self.attempted = 0
        self.done = 0
        self.in_flight = 0

    def record_done(self, ident, state):
        self.possible[ident] = {state}
        self.done += 1

    def record_in_flight(self, ident, state):
        self.possible.setdefault(ident, {False}).add(state)
        self.in_flight += 1

    def check(self, favourites, ids):
        lost = []
        for ident in ids:
            allowed = self.possible.get(ident, {False})
            if (ident in favourites) not in allowed:
                lost.append((ident, sorted(allowed), ident in favourites))
        return lost


class ReviewLedger:
    """Reviews are never undone: each is (id, reviewed_at), unique by its time. Done ones
    must be in the log; ones killed in flight may or may not be."""

    def __init__(self, rng):
        self.rng = rng
        self.clock = 1700000000
        self.done = set()
        self.in_flight = set()
        self.attempted = 0

    def next_time(self):
        self.clock += self.rng.choice([60, 600, 3600, 86400, 11 * 86400])
        return self.clock

    def check(self, path):
        logged, cards = reviews_in(path)
        problems = ["review reported done, not in the log: %s" % (r,) for r in sorted(self.done - logged)]
        problems += ["review in the log that was never attempted: %s" % (r,)
                     for r in sorted(logged - self.done - self.in_flight)]
        per_entry = {}
        for ident, when in logged:
            count, last = per_entry.get(ident, (0, 0))
            per_entry[ident] = (count + 1, max(last, when))
        for ident, reps, last_review in cards:
            if per_entry.get(ident) != (reps, last_review):
                problems.append("card %s (reps %d, last %d) disagrees with its log %s"
                                % (ident, reps, last_review, per_entry.get(ident)))
        for ident in set(per_entry) - {card[0] for card in cards}:
            problems.append("reviews of %s logged without its card" % ident)
        return problems


# The checks only read, but open read-write: after a kill the write-ahead log may need a
# replay, which a read-only connection refuses ("attempt to write a readonly database").
def reviews_in(path):
    """The (entry, reviewed_at) pairs in the review log and the cards (id, reps, last_review);
    none before the study tables exist."""
    db = sqlite3.connect("file:%s?mode=rw" % path, uri=True)
    try:
        if not db.execute("SELECT 1 FROM sqlite_schema WHERE name = 'reviews'").fetchall():
            return set(), []
        logged = {(row[0], row[1]) for row in db.execute("SELECT entry, reviewed_at FROM reviews")}
        cards = db.execute("SELECT id, reps, last_review FROM cards").fetchall()
        return logged, cards
    finally:
        db.close()


def favourites_in(path):
    """The favourites in the file; none when a first start was killed before it created the
    table (the ledger then fails the check if a write had been reported done)."""
    db = sqlite3.connect("file:%s?mode=rw" % path, uri=True)
    try:
        if not db.execute("SELECT 1 FROM sqlite_schema WHERE name = 'favourites'").fetchall():
            return set()
        return {row[0] for row in db.execute("SELECT id FROM favourites")}
    finally:
        db.close()


def integrity(path):
    db = sqlite3.connect("file:%s?mode=rw" % path, uri=True)
    try:
        return db.execute("PRAGMA integrity_check").fetchall()
    finally:
        db.close()


def measure(argv, env=None, stdin=None):
    """How long one run takes here (a sanitizer build is several times slower): the kill
    delays scale with it, so that kills land before, during and after the writes."""
    started = time.monotonic()
    subprocess.run(argv, env=env, input=stdin, capture_output=True, text=True, check=True)
    return time.monotonic() - started


def run_writer_and_kill(rng, path, commands, span):
    """Starts teapot-writer on @commands and SIGKILLs it after a random delay: mostly while it
    writes; one time in four anywhere from its start (opening, creating or migrating the file
    is a write too). Returns the process and what it printed."""
    proc = subprocess.Popen([WRITER, path], stdin=subprocess.PIPE, stdout=subprocess.PIPE,
                            stderr=subprocess.PIPE, text=True)
    proc.stdin.write(commands)
    proc.stdin.close()
    first = ""
    if rng.random() < 0.75:
        first = proc.stdout.readline()
        span = WRITE_SPAN
    time.sleep(rng.uniform(0, span))
    proc.send_signal(signal.SIGKILL)
    out, err = first + proc.stdout.read(), proc.stderr.read()
    proc.wait()
    return proc, out, err


def kill_writer_at_random(rng, ids, path, ledger, span):
    """One teapot-writer with a batch of commands, killed after a random delay: before it
    opened the store, in the middle of the batch, or never (it finishes)."""
    batch = [(rng.choice(ids), rng.random() < 0.6) for _ in range(rng.randint(20, 200))]
    commands = "".join("%s %s\n" % ("star" if state else "unstar", ident) for ident, state in batch)
    proc, out, err = run_writer_and_kill(rng, path, commands, span)
    done = 0
    for line in out.splitlines():
        if line.startswith("done "):
            _, ident, state = line.split()
            assert (ident, state == "1") == batch[done], (line, batch[done])
            ledger.record_done(ident, state == "1")
            done += 1
        elif line.startswith("error "):
            raise AssertionError("a write failed: " + line)
    assert "notice" not in err, "the writer found the file damaged: " + err
    if proc.returncode == -signal.SIGKILL and done < len(batch) and "ready" in out:
        ident, state = batch[done]
        ledger.record_in_flight(ident, state)
        ledger.attempted += 1
    ledger.attempted += done


def kill_reviewer_at_random(rng, ids, path, reviews, span):
    """One teapot-writer recording study reviews, killed as kill_writer_at_random() kills. A
    few ids, so that cards are reviewed again and again across kills."""
    few = rng.sample(ids, 5)
    batch = [(rng.choice(few), rng.randint(1, 4), reviews.next_time()) for _ in range(rng.randint(20, 120))]
    commands = "".join("review %s %d %d\n" % command for command in batch)
    proc, out, err = run_writer_and_kill(rng, path, commands, span)
    done = 0
    for line in out.splitlines():
        if line.startswith("reviewed "):
            _, ident, when = line.split()
            assert (ident, int(when)) == (batch[done][0], batch[done][2]), (line, batch[done])
            reviews.done.add((ident, int(when)))
            done += 1
        elif line.startswith("error "):
            raise AssertionError("a review failed: " + line)
    assert "notice" not in err, "the writer found the file damaged: " + err
    if proc.returncode == -signal.SIGKILL and done < len(batch) and "ready" in out:
        reviews.in_flight.add((batch[done][0], batch[done][2]))
        reviews.attempted += 1
    reviews.attempted += done


def kill_cli_at_random(rng, ids, data_home, ledger, span):
    """One `teapot --star=ID` or `--unstar=ID`, killed after a random delay (often after it
    finished: then it reported done by exiting 0)."""
    ident, state = rng.choice(ids), rng.random() < 0.6
    env = dict(os.environ, XDG_DATA_HOME=data_home)
    env.pop("DISPLAY", None)
    env.pop("DBUS_SESSION_BUS_ADDRESS", None)
    proc = subprocess.Popen([TEAPOT, ("--star=" if state else "--unstar=") + ident], env=env,
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    time.sleep(rng.uniform(0, span))
    proc.send_signal(signal.SIGKILL)
    _, err = proc.communicate()
    ledger.attempted += 1
    if proc.returncode == 0:
        ledger.record_done(ident, state)
    elif proc.returncode == -signal.SIGKILL:
        ledger.record_in_flight(ident, state)
    else:
        raise AssertionError("teapot exited %d: %s" % (proc.returncode, err))
    assert "damaged" not in err, err


def main():
    rng = random.Random(SEED)
    print("# seed %d (TEAPOT_CRASH_SEED to repeat)" % SEED)
    listing = subprocess.run([TEAPOT, "--list", "--json"], capture_output=True, text=True, check=True,
                             env=dict(os.environ, XDG_DATA_HOME=tempfile.mkdtemp()))
    ids = [e["id"] for e in json.loads(listing.stdout)]

    with tempfile.TemporaryDirectory() as data_home:
        folder = os.path.join(data_home, "teapot")
        path = os.path.join(folder, "user.sqlite")
        os.makedirs(folder)
        ledger = Ledger()
        reviews = ReviewLedger(rng)
        started = time.monotonic()

        # Interleaved: a CLI process may land on a WAL a killed writer left behind. Until
        # enough writes were attempted, however slow this build is (sanitizers, load).
        rounds = []
        with tempfile.TemporaryDirectory() as scratch:
            commands = "".join("star %s\n" % ident for ident in ids[:20])
            writer_span = 1.3 * measure([WRITER, os.path.join(scratch, "w.sqlite")], stdin=commands)
            cli_span = 1.3 * measure([TEAPOT, "--star=404"], env=dict(os.environ, XDG_DATA_HOME=scratch))
        print("# kills within %.0f ms of a writer's start, %.0f ms of teapot's" % (writer_span * 1000, cli_span * 1000))

        # Checked after every kill, so that a write reported done is seen before a later
        # write to the same id can hide its loss.
        lost = []
        torn = []
        while len(rounds) < MAX_ROUNDS and (len(rounds) < MIN_ROUNDS or ledger.attempted < TARGET_WRITES
                                            or reviews.attempted < TARGET_REVIEWS):
            draw = rng.random()
            kind = "writer" if draw < 0.3 else "reviewer" if draw < 0.5 else "cli"
            rounds.append(kind)
            if kind == "writer":
                kill_writer_at_random(rng, ids, path, ledger, writer_span)
            elif kind == "reviewer":
                kill_reviewer_at_random(rng, ids, path, reviews, writer_span)
            else:
                kill_cli_at_random(rng, ids, data_home, ledger, cli_span)
            if os.path.exists(path):
                lost += ledger.check(favourites_in(path), ids)
                torn += reviews.check(path)

        moved = [n for n in os.listdir(folder) if ".damaged-" in n]
        check = integrity(path)
        lost += ledger.check(favourites_in(path), ids)
        torn += reviews.check(path)

        # And Teapot itself opens it quietly, with the same favourites.
        result = subprocess.run([TEAPOT, "--favourites", "--json"], capture_output=True, text=True,
                                env=dict(os.environ, XDG_DATA_HOME=data_home))
        shown = {e["id"] for e in json.loads(result.stdout or "[]")}

        print("# %d writes attempted in %d killed processes, %d reported done, %d killed in flight, "
              "%.1f s" % (ledger.attempted, len(rounds), ledger.done, ledger.in_flight,
                          time.monotonic() - started))
        print("# writes reported done and found (checked after each kill): %d / %d; ids in a state no write explains: %d"
              % (ledger.done, ledger.done, len(lost)) if not lost else "# LOST: %s" % lost[:10])
        print("# reviews: %d attempted, %d reported done and found in the log, %d killed in flight; "
              "cards disagreeing with their log or reviews lost: %d"
              % (reviews.attempted, len(reviews.done), len(reviews.in_flight), len(torn)))
        print("# integrity_check: %s" % check)
        failures = []
        if check != [("ok",)]:
            failures.append("integrity_check: %s" % check)
        if lost:
            failures.append("lost writes (id, allowed, actual): %s" % lost[:10])
        if torn:
            failures.append("reviews: %s" % torn[:10])
        if reviews.attempted < TARGET_REVIEWS:
            failures.append("only %d reviews attempted" % reviews.attempted)
        if moved:
            failures.append("moved aside as damaged: %s" % moved)
        if result.stderr:
            failures.append("teapot complained on the next start: %s" % result.stderr)
        if shown != favourites_in(path):
            failures.append("teapot shows other favourites than the file holds")
        if ledger.attempted < TARGET_WRITES:
            failures.append("only %d writes attempted" % ledger.attempted)
        for failure in failures:
            print("FAIL: " + failure)
        return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
