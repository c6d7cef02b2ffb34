#!/usr/bin/env python3
# test-explain-cli.py
#
# Copyright The Teapot authors
#
# SPDX-License-Identifier: GPL-3.0-or-later
"""teapot --explain (DESIGN.md's contract): the summary, the JSON object, standard input,
and the exit statuses 0 (explained), 1 (no status found), 2 (unreadable, bad arguments)."""

import gzip
import json
import os
import subprocess
import tempfile
import unittest

TEAPOT = os.environ.get("TEAPOT_BINARY", "teapot")
LINE = '198.51.100.%d - - [01/Mar/2024:10:00:%02d +0000] "GET /p/%d HTTP/1.1" %d 12 "-" "ua"\n'


class ExplainCli(unittest.TestCase):
    def setUp(self):
        self.tmp = tempfile.TemporaryDirectory()
        self.env = dict(os.environ, XDG_DATA_HOME=self.tmp.name, HOME=self.tmp.name)
        for var in ("DISPLAY", "WAYLAND_DISPLAY", "DBUS_SESSION_BUS_ADDRESS"):
            self.env.pop(var, None)

    def tearDown(self):
        self.tmp.cleanup()

    def write(self, name, data):
        path = os.path.join(self.tmp.name, name)
        with open(path, "wb") as out:
            out.write(data if isinstance(data, bytes) else data.encode())
        return path

    def run_teapot(self, *args, stdin=None):
        return subprocess.run([TEAPOT, *args], capture_output=True, timeout=60, env=self.env,
                              input=stdin if stdin is not None else b"")

    def access_log(self):
        statuses = [200] * 6 + [499] * 3 + [404]
        return "".join(LINE % (i, i % 60, i, statuses[i % len(statuses)]) for i in range(100))

    def test_summary(self):
        result = self.run_teapot("--explain=" + self.write("access.log", self.access_log()))
        self.assertEqual(result.returncode, 0, result.stderr)
        out = result.stdout.decode()
        self.assertIn("access log", out.splitlines()[0])
        self.assertIn("100 read, 0 not understood", out)
        rows = [line.split() for line in out.splitlines() if line[:1].isdigit()]
        # Descending count: 200 (60), 499-nginx (30), 404 (10).
        self.assertEqual([row[0] for row in rows], ["200", "499-nginx", "404"])
        self.assertEqual([row[1] for row in rows], ["60", "30", "10"])
        self.assertEqual(rows[1][2], "30.0%")
        self.assertIn("Client Closed Request", out)
        self.assertEqual(result.stderr, b"")

    def test_json(self):
        result = self.run_teapot("--explain=" + self.write("access.log", self.access_log()), "--json")
        self.assertEqual(result.returncode, 0, result.stderr)
        data = json.loads(result.stdout)
        self.assertEqual(data["format"], "access")
        self.assertEqual(data["lines"], 100)
        self.assertEqual(data["unparsed"], 0)
        self.assertEqual([(c["id"], c["code"], c["count"]) for c in data["codes"]],
                         [("200", 200, 60), ("499-nginx", 499, 30), ("404", 404, 10)])
        self.assertEqual(data["codes"][1]["vendor"], "nginx")
        self.assertTrue(data["timeline"]["buckets"])

    def test_stdin_and_gzip(self):
        result = self.run_teapot("--explain=-", "--json", stdin=gzip.compress(self.access_log().encode()))
        self.assertEqual(result.returncode, 0, result.stderr)
        self.assertEqual(json.loads(result.stdout)["lines"], 100)

    def test_no_status(self):
        # An nginx error log with no message that maps to a status: read, nothing found.
        log = "2024/03/01 10:00:00 [notice] 1#1: signal process started\n"
        result = self.run_teapot("--explain=" + self.write("error.log", log))
        self.assertEqual(result.returncode, 1)
        self.assertIn(b"No status found in", result.stderr)

    def test_unknown_format(self):
        result = self.run_teapot("--explain=" + self.write("notes.txt", "dear diary\n"))
        self.assertEqual(result.returncode, 1)
        self.assertEqual(len(result.stderr.splitlines()), 1)
        self.assertIn(b"tried", result.stderr)
        result = self.run_teapot("--explain=" + self.write("noise.bin", bytes(range(256)) * 40))
        self.assertEqual(result.returncode, 1)
        self.assertIn(b"binary", result.stderr)

    def test_bad_arguments(self):
        for args in (["--explain=" + os.path.join(self.tmp.name, "missing.log")], ["--explain=" + self.tmp.name],
                     ["--explain="], ["--explain=-", "--search=x"], ["--explain=-", "404"]):
            result = self.run_teapot(*args)
            self.assertEqual(result.returncode, 2, args)
            self.assertEqual(len(result.stderr.splitlines()), 1, result.stderr)
            self.assertEqual(result.stdout, b"")

    def test_iis_substatus(self):
        log = ("#Fields: date time cs-method cs-uri-stem sc-status sc-substatus sc-win32-status\n"
               "2024-03-01 10:00:00 GET /app 500 19 13\n2024-03-01 10:00:01 GET /app 500 19 13\n")
        path = self.write("u_ex240301.log", log)
        data = json.loads(self.run_teapot("--explain=" + path, "--json").stdout)
        (row,) = data["codes"]
        # 500.19-iis when the dataset has that entry, else the plain 500 with its sub-status.
        self.assertIn(row["id"], ("500.19-iis", "500"))
        self.assertEqual((row["code"], row["count"], row["subcode"], row["win32"]), (500, 2, 19, [13]))
        out = self.run_teapot("--explain=" + path).stdout.decode()
        if row["id"] == "500":
            self.assertIn("sub-status 19", out)
        self.assertIn("Win32 status 13", out)

    def test_truncated_gzip(self):
        data = gzip.compress(self.access_log().encode() * 200)
        result = self.run_teapot("--explain=" + self.write("cut.log.gz", data[: len(data) // 2]), "--json")
        self.assertEqual(result.returncode, 0)
        self.assertIn(b"gzip", result.stderr)
        self.assertIsNotNone(json.loads(result.stdout)["damage"])


if __name__ == "__main__":
    unittest.main(verbosity=2)
