#!/usr/bin/env python3
# test-compare-cli.py
#
# Copyright The Teapot authors
#
# SPDX-License-Identifier: GPL-3.0-or-later
"""`teapot --compare`: the JSON contract of DESIGN.md, the table and its narrow form, bad ids."""

import fcntl
import json
import os
import pty
import struct
import subprocess
import sys
import tempfile
import termios
import unittest

TEAPOT = os.environ.get("TEAPOT_BINARY", "teapot")
ENTRY_KEYS = ["id", "code", "phrase", "class", "status", "tags", "summary", "description", "aliases",
              "keywords", "headers", "related", "cacheable", "reference", "constants", "favourite", "subcode"]
# RFC 9110 15.4.2-15.4.9: (permanent, method) of each redirect.
REDIRECTS = {"301": (True, "may-change"), "302": (False, "may-change"), "303": (False, "changed-to-get"),
             "307": (False, "kept"), "308": (True, "kept")}


class CompareCli(unittest.TestCase):
    def setUp(self):
        self.home = tempfile.TemporaryDirectory()
        self.env = dict(os.environ, XDG_DATA_HOME=self.home.name, HOME=self.home.name)
        for var in ("DISPLAY", "WAYLAND_DISPLAY", "DBUS_SESSION_BUS_ADDRESS", "COLUMNS"):
            self.env.pop(var, None)

    def tearDown(self):
        self.home.cleanup()

    def run_teapot(self, *args, columns=None):
        env = dict(self.env, COLUMNS=str(columns)) if columns else self.env
        return subprocess.run([TEAPOT, *args], capture_output=True, text=True, timeout=30, env=env,
                              stdin=subprocess.DEVNULL)

    def json_of(self, *args):
        result = self.run_teapot(*args, "--json")
        self.assertEqual(result.returncode, 0, result.stderr)
        self.assertEqual(result.stderr, "")
        return json.loads(result.stdout)

    def test_json_redirects(self):
        entries = self.json_of("--compare=redirects")
        self.assertEqual([entry["id"] for entry in entries], list(REDIRECTS))
        for entry in entries:
            for key in ENTRY_KEYS + ["facts"]:
                self.assertIn(key, entry)
            facts = entry["facts"]
            permanent, method = REDIRECTS[entry["id"]]
            self.assertIs(facts["permanent"], permanent, entry["id"])
            self.assertEqual(facts["method"], method, entry["id"])
            self.assertIn("Location", facts["headers"])
            self.assertIs(facts["cacheable"], entry["cacheable"])
            for key in ("sender", "use", "avoid"):
                self.assertTrue(facts[key], key)
            # Every fact names its RFC 9110 section.
            self.assertEqual(set(facts["sections"]), set(facts) - {"sections"})
            self.assertTrue(all(section.startswith("15.") for section in facts["sections"].values()))

    def test_json_order_and_other_facts(self):
        entries = self.json_of("--compare=308,301,401")
        self.assertEqual([entry["id"] for entry in entries], ["308", "301", "401"])
        self.assertNotIn("permanent", entries[2]["facts"])
        self.assertNotIn("method", entries[2]["facts"])
        self.assertEqual(entries[2]["facts"]["headers"], ["WWW-Authenticate"])
        # An entry the dataset states no facts for still has a facts object.
        entries = self.json_of("--compare=418,301")
        self.assertEqual(entries[0]["facts"], {"sections": {}})

    def test_queries(self):
        for query, ids in [("301 vs 308", ["301", "308"]), ("401 or 403", ["401", "403"]),
                           ("502/503/504", ["502", "503", "504"]), ("conditional", ["304", "412"]),
                           ("499-nginx,499-esri", ["499-nginx", "499-esri"])]:
            with self.subTest(query=query):
                self.assertEqual([entry["id"] for entry in self.json_of("--compare=" + query)], ids)

    def test_table(self):
        result = self.run_teapot("--compare=301,308", columns=120)
        self.assertEqual(result.returncode, 0, result.stderr)
        lines = result.stdout.splitlines()
        header = lines[0]
        self.assertEqual(header.split(), ["301", "308"])
        column = header.index("308")
        rows = {line.split("  ")[0]: line for line in lines[1:] if not line.startswith(" ")}
        # Rows are facts, columns codes: each value starts under its code.
        self.assertEqual(rows["Method"][column:].strip(), "Kept")
        self.assertIn("May change to GET", rows["Method"][:column])
        self.assertEqual(rows["Permanent"].split(), ["Permanent", "Yes", "Yes"])
        self.assertIn("RFC 9110 § 15.4.9", rows["Source"])
        self.assertTrue(all(len(line) <= 120 for line in lines))

    def test_narrow_blocks(self):
        result = self.run_teapot("--compare=301,308", columns=50)
        self.assertEqual(result.returncode, 0, result.stderr)
        lines = result.stdout.splitlines()
        self.assertEqual(lines[0], "301")
        self.assertIn("308", lines)
        self.assertTrue(any(line.split() == ["Method", "Kept"] for line in lines))
        self.assertTrue(all(len(line) <= 50 for line in lines), result.stdout)

    def test_terminal_width(self):
        leader, follower = pty.openpty()
        fcntl.ioctl(follower, termios.TIOCSWINSZ, struct.pack("HHHH", 24, 60, 0, 0))
        process = subprocess.Popen([TEAPOT, "--compare=redirects"], stdout=follower, stderr=subprocess.PIPE,
                                   stdin=subprocess.DEVNULL, env=self.env)
        os.close(follower)
        chunks = []
        while True:
            try:
                chunk = os.read(leader, 65536)
            except OSError:
                break
            if not chunk:
                break
            chunks.append(chunk)
        process.wait(timeout=30)
        os.close(leader)
        lines = b"".join(chunks).decode().replace("\r\n", "\n").splitlines()
        self.assertEqual(process.returncode, 0)
        # Five codes do not fit in 60 columns side by side: one block per code.
        self.assertEqual([line for line in lines if line and not line.startswith(" ")],
                         ["301", "302", "303", "307", "308"])
        self.assertTrue(all(len(line) <= 60 for line in lines))

    def test_bad_ids(self):
        for args, needle in [(["--compare=301,123"], "123"), (["--compare=404,499"], "499-nginx"),
                             (["--compare=301"], "two"), (["--compare="], "--compare"),
                             (["--compare=301,teapots"], "teapots"),
                             (["--compare=301,308", "--list"], "--compare"),
                             (["--compare=301,308", "404"], "--compare"),
                             (["--compare=301,308", "--explain=-"], "--compare")]:
            with self.subTest(args=args):
                result = self.run_teapot(*args)
                self.assertEqual(result.returncode, 2, result.stderr)
                self.assertEqual(result.stdout, "")
                self.assertEqual(len(result.stderr.splitlines()), 1, result.stderr)
                self.assertTrue(result.stderr.startswith("teapot: "), result.stderr)
                self.assertIn(needle, result.stderr)

    def test_completion_values(self):
        result = self.run_teapot("--complete=comparisons")
        self.assertEqual(result.returncode, 0)
        self.assertEqual([line.split("\t")[0] for line in result.stdout.splitlines()],
                         ["redirects", "auth", "gateway", "rejected", "success", "conditional"])


if __name__ == "__main__":
    unittest.main(testRunner=unittest.TextTestRunner(stream=sys.stdout, verbosity=2))
