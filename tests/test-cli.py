#!/usr/bin/env python3
# test-cli.py
#
# Copyright The Teapot authors
#
# SPDX-License-Identifier: GPL-3.0-or-later
"""The command-line contract of DESIGN.md: output, JSON shape, exit statuses 0/1/2."""

import fcntl
import json
import os
import pty
import re
import struct
import subprocess
import sys
import tempfile
import termios
import unittest

TEAPOT = os.environ.get("TEAPOT_BINARY", "teapot")
KEYS = ["id", "code", "phrase", "class", "status", "tags", "summary", "description", "aliases",
        "keywords", "headers", "related", "cacheable", "reference", "constants", "favourite",
        "subcode", "phrase_is_ours", "prevalence", "prevalence_reason", "constant_history"]


def code_of(entry):
    """The code as the table prints it: the vendor's sub-code, or the status in three digits."""
    return entry["subcode"] or "%03d" % entry["code"]


class Cli(unittest.TestCase):
    def setUp(self):
        self.home = tempfile.TemporaryDirectory()
        self.env = dict(os.environ, XDG_DATA_HOME=self.home.name, HOME=self.home.name)
        # No display and no bus: the command line must not need either.
        for var in ("DISPLAY", "WAYLAND_DISPLAY", "DBUS_SESSION_BUS_ADDRESS"):
            self.env.pop(var, None)

    def tearDown(self):
        self.home.cleanup()

    def run_teapot(self, *args, env=None):
        return subprocess.run([TEAPOT, *args], capture_output=True, text=True, timeout=30,
                              env=env or self.env, stdin=subprocess.DEVNULL)

    def run_on_terminal(self, *args, columns=80, env=None):
        """Runs teapot with its output on a pseudo-terminal @columns wide; returns the text."""
        leader, follower = pty.openpty()
        fcntl.ioctl(follower, termios.TIOCSWINSZ, struct.pack("HHHH", 24, columns, 0, 0))
        try:
            process = subprocess.Popen([TEAPOT, *args], stdout=follower, stderr=subprocess.PIPE,
                                       stdin=subprocess.DEVNULL, env=env or self.env)
            os.close(follower)
            chunks = []
            while True:
                try:
                    chunk = os.read(leader, 65536)
                except OSError:  # EIO: the other end is closed
                    break
                if not chunk:
                    break
                chunks.append(chunk)
            process.wait(timeout=30)
        finally:
            os.close(leader)
        return b"".join(chunks).decode().replace("\r\n", "\n")

    def json_of(self, *args):
        result = self.run_teapot(*args, "--json")
        self.assertEqual(result.returncode, 0, result.stderr)
        return json.loads(result.stdout)

    def test_code(self):
        result = self.run_teapot("429")
        self.assertEqual(result.returncode, 0)
        self.assertTrue(result.stdout.startswith("429 Too Many Requests\n"))
        self.assertIn("Retry-After", result.stdout)
        self.assertIn("HTTPStatus.TOO_MANY_REQUESTS", result.stdout)
        self.assertEqual(result.stderr, "")
        self.assertNotIn("\033[", result.stdout, "no colour in a pipe")

    def test_code_with_vendor_meanings(self):
        result = self.run_teapot("499")
        self.assertEqual(result.returncode, 0)
        self.assertIn("nginx", result.stdout)
        self.assertIn("esri", result.stdout)

    def test_several_codes(self):
        entries = self.json_of("404", "200")
        self.assertEqual([e["id"] for e in entries], ["404", "200"])

    def test_unknown_code(self):
        result = self.run_teapot("404", "299")
        self.assertEqual(result.returncode, 1)
        self.assertIn("404 Not Found", result.stdout)
        self.assertEqual(result.stderr.strip(), "teapot: 299 is not a known status code")

    def test_json_shape(self):
        entries = self.json_of("413")
        self.assertEqual(len(entries), 1)
        entry = entries[0]
        self.assertEqual(list(entry.keys()), KEYS)
        self.assertEqual(entry["id"], "413")
        self.assertEqual(entry["code"], 413)
        self.assertEqual(entry["class"], "4xx")
        self.assertEqual(entry["status"], "permanent")
        self.assertEqual(entry["tags"], ["iana"])
        self.assertIn("Payload Too Large", entry["aliases"])
        self.assertIsInstance(entry["cacheable"], bool)
        self.assertEqual(set(entry["reference"].keys()), {"title", "section", "url"})
        self.assertTrue(entry["reference"]["url"].startswith("https://"))
        self.assertEqual(entry["constants"]["python"], "HTTPStatus.CONTENT_TOO_LARGE")
        self.assertIs(entry["favourite"], False)
        self.assertIsNone(entry["subcode"])
        self.assertIs(entry["phrase_is_ours"], False)
        self.assertIn(entry["prevalence"], range(1, 6))
        self.assertTrue(entry["prevalence_reason"])
        # constants keep their meaning (the current name); the history holds the old ones.
        python = entry["constant_history"]["python"]
        self.assertIn({"name": "HTTPStatus.REQUEST_ENTITY_TOO_LARGE", "since": None, "until": "3.13",
                       "then": "alias"}, python)
        current = [c["name"] for c in python if c["until"] is None]
        self.assertEqual(current, [entry["constants"]["python"]])

    def test_subcodes(self):
        # A vendor sub-code is a CODE of its own; its status prints only the status's meanings.
        entry = self.json_of("500.19")[0]
        self.assertEqual((entry["id"], entry["code"], entry["subcode"]), ("500.19-iis", 500, "500.19"))
        entry = self.json_of("1020")[0]
        self.assertEqual((entry["id"], entry["code"], entry["subcode"], entry["class"]),
                         ("1020-cloudflare", 403, "1020", "4xx"))
        self.assertTrue(all(e["subcode"] is None for e in self.json_of("403")))
        result = self.run_teapot("403.14")
        self.assertEqual(result.returncode, 0, result.stderr)
        self.assertTrue(result.stdout.startswith("403.14 Directory listing denied\n"), result.stdout)
        self.assertIn("served with HTTP 403", result.stdout)
        result = self.run_teapot("403.99")
        self.assertEqual(result.returncode, 1)
        self.assertEqual(result.stderr.strip(), "teapot: 403.99 is not a known status code")

    def test_removed_constant(self):
        # Spring 7 removed USE_PROXY: no current Java name, the history says so.
        entry = self.json_of("305")[0]
        self.assertNotIn("java", entry["constants"])
        self.assertEqual(entry["constant_history"]["java"],
                         [{"name": "HttpStatus.USE_PROXY", "since": None, "until": "7.0", "then": "removed"}])

    def test_json_vendor_entry(self):
        entry = self.json_of("522")[0]
        self.assertEqual(entry["id"], "522-cloudflare")
        self.assertEqual(entry["status"], "unofficial")
        self.assertEqual(entry["tags"][0], "cloudflare")
        self.assertIn("cloudflare", entry["reference"]["url"])

    def test_search(self):
        result = self.run_teapot("--search=too many requets")
        self.assertEqual(result.returncode, 0)
        first = result.stdout.splitlines()[0]
        self.assertTrue(first.startswith("429"), first)
        ids = [e["id"] for e in self.json_of("--search=rate limit", "--limit=3")]
        self.assertEqual(ids[0], "429")
        self.assertLessEqual(len(ids), 3)

    def test_search_filters(self):
        entries = self.json_of("--search=timeout", "--class=5xx")
        self.assertTrue(entries)
        self.assertTrue(all(e["class"] == "5xx" for e in entries))
        entries = self.json_of("--search=timeout", "--tag=cloudflare")
        self.assertTrue(entries, "all() of nothing would pass")
        self.assertTrue(all(e["tags"][0] == "cloudflare" for e in entries))

    def test_no_match(self):
        result = self.run_teapot("--search=zzzzqqqq")
        self.assertEqual(result.returncode, 1)
        self.assertEqual(result.stdout, "")
        self.assertIn("Nothing matches", result.stderr)
        result = self.run_teapot("--search=zzzzqqqq", "--json")
        self.assertEqual(result.returncode, 1)
        self.assertEqual(json.loads(result.stdout), [])

    def test_list(self):
        entries = self.json_of("--list")
        codes = [e["code"] for e in entries]
        self.assertEqual(codes, sorted(codes))
        self.assertGreater(len(entries), 90)
        self.assertEqual(len({e["id"] for e in entries}), len(entries))
        table = self.run_teapot("--list", "--class=1xx")
        self.assertEqual(table.returncode, 0)
        lines = table.stdout.splitlines()
        self.assertGreaterEqual(len(lines), 4)
        self.assertTrue(all(line[:1] == "1" for line in lines))
        # Aligned: the tag column starts at the same place on every row.
        columns = {line.index(" iana ") for line in lines if " iana " in line}
        self.assertEqual(len(columns), 1)

    def test_json_order(self):
        # Searches keep rank order, the same as the table's.
        table = self.run_teapot("--search=timeout")
        ranked = [line.split()[0] for line in table.stdout.splitlines()]
        entries = self.json_of("--search=timeout")
        self.assertEqual([code_of(e) for e in entries], ranked)
        self.assertNotEqual(ranked, sorted(ranked), "a query whose rank order is not code order")
        # Codes keep the order they were asked in.
        self.assertEqual([e["code"] for e in self.json_of("500", "404", "200")], [500, 404, 200])

    def test_json_subcode_and_text(self):
        entries = self.json_of("--list")
        subcodes = [e for e in entries if e["subcode"] is not None]
        # Sub-codes are vendors' details on a status; registered entries have none.
        self.assertGreater(len(subcodes), 10)
        self.assertTrue(all("iana" not in e["tags"] for e in subcodes))
        self.assertTrue(any(e["subcode"] == "500.19" and e["code"] == 500 for e in subcodes))
        # Text with quotes and non-ASCII characters survives the round trip.
        table = self.run_teapot("--list").stdout
        for entry in entries:
            self.assertIn(entry["summary"], table)
        result = self.run_teapot("--search=zzzzqqqq", "--json")
        self.assertEqual(result.stdout.strip(), "[]")

    def test_help_usage_once(self):
        result = self.run_teapot("--help")
        self.assertEqual(result.returncode, 0)
        usage = [line for line in result.stdout.splitlines() if line.strip().startswith("teapot ")]
        self.assertEqual(usage, ["  teapot [OPTION…] [CODE…]"])
        self.assertEqual(result.stdout.count("[CODE…]"), 1)
        self.assertNotIn("--complete", result.stdout, "the completions' helper is hidden")

    def test_no_response(self):
        # 000 is what logs record when no response arrived: an entry of its own.
        result = self.run_teapot("000")
        self.assertEqual(result.returncode, 0, result.stderr)
        self.assertIn("000 No Response", result.stdout)
        self.assertNotIn("three-digit", result.stderr)
        result = self.run_teapot("404", "000")
        self.assertEqual(result.returncode, 0)
        self.assertIn("404 Not Found", result.stdout)

    def test_one_message_style(self):
        """Every message: 'teapot: ', a capital (or a symbol), no full stop, one line."""
        self.assertEqual(self.run_teapot("--star=404").returncode, 0)
        cases = [["--frobnicate"], ["--search"], ["abc"], ["299"], ["--open=123-nobody"], ["--star=123-nobody"],
                 ["--unstar=123-nobody"], ["--search=zzzzqqqq"], ["--tag=nosuchvendor", "--list"],
                 ["--list", "--star=404"], ["0000"], ["--complete=nonsense"],
                 ["--explain="], ["--explain=/nonexistent/access.log"], ["--explain=/dev/null"],
                 ["--explain=-", "--list"]]
        seen = []
        for args in cases:
            with self.subTest(args=args):
                result = self.run_teapot(*args)
                self.assertNotEqual(result.returncode, 0)
                lines = result.stderr.splitlines()
                self.assertEqual(len(lines), 1, result.stderr)
                message = lines[0]
                self.assertRegex(message, r"^teapot: [^a-z]")
                self.assertFalse(message.endswith("."), message)
                seen.append(message)
        # The store's message for --star and the command line's for --open are the same words.
        self.assertEqual(seen[4], seen[5])

    def test_columns_in_a_pipe(self):
        entries = self.json_of("--list")
        lines = self.run_teapot("--list").stdout.splitlines()
        self.assertEqual(len(lines), len(entries))
        phrase_width = max(len(e["phrase"]) for e in entries)
        self.assertGreater(phrase_width, 34, "the dataset has a phrase longer than the terminal's column")
        # The code column is as wide as the longest code or sub-code ("500.19"), then the star.
        phrase_at = max(len(code_of(e)) for e in entries) + 3
        tag_at = phrase_at + phrase_width + 2
        summary_at = tag_at + max(len(e["tags"][0]) for e in entries) + 2
        for line, entry in zip(lines, entries):
            self.assertEqual(line.split()[0], code_of(entry), line)
            self.assertEqual(line[phrase_at:phrase_at + len(entry["phrase"])], entry["phrase"],
                             "nothing is cut in a pipe")
            self.assertEqual(line[tag_at:].split()[0], entry["tags"][0], line)
            self.assertEqual(line[summary_at:], entry["summary"], line)

    def test_columns_on_a_terminal(self):
        entries = self.json_of("--list")
        text = self.run_on_terminal("--list", columns=80)
        lines = text.splitlines()
        self.assertEqual(len(lines), len(entries))
        self.assertTrue(all(len(line) < 80 for line in lines), max(lines, key=len))
        # The tag column starts at one place on every row, long phrases are cut to fit.
        tag_columns = {line.index("  " + e["tags"][0] + " ") for line, e in zip(lines, entries)}
        self.assertEqual(len(tag_columns), 1, tag_columns)
        tag_at = tag_columns.pop()
        self.assertTrue(any("…" in line[:tag_at] for line in lines), "a long phrase is cut")

    def test_colour_only_on_a_terminal(self):
        env = dict(self.env)
        env.pop("NO_COLOR", None)
        result = self.run_teapot("404", env=env)
        self.assertNotIn("\033[", result.stdout)
        self.assertNotIn("\033[", self.run_teapot("--list", env=env).stdout)
        self.assertIn("\033[", self.run_on_terminal("404", env=env), "colour on a terminal")
        self.assertNotIn("\033[", self.run_on_terminal("404", env=dict(env, NO_COLOR="1")))

    def test_completion_values(self):
        result = self.run_teapot("--complete=ids")
        self.assertEqual(result.returncode, 0)
        rows = [line.split("\t") for line in result.stdout.splitlines()]
        ids = [row[0] for row in rows]
        self.assertEqual(ids, [e["id"] for e in self.json_of("--list")])
        self.assertIn(["404", "Not Found"], rows)
        result = self.run_teapot("--complete=tags")
        tags = result.stdout.split()
        self.assertIn("iana", tags)
        self.assertIn("nginx", tags)
        self.assertEqual(len(tags), len(set(tags)))

    def test_completion_leaves_saved_data_alone(self):
        folder = os.path.join(self.home.name, "teapot")
        self.assertEqual(self.run_teapot("--complete=tags").returncode, 0)
        self.assertFalse(os.path.exists(folder), "a Tab creates no saved data")
        os.makedirs(folder)
        with open(os.path.join(folder, "user.sqlite"), "wb") as f:
            f.write(b"\x00garbage" * 1000)
        result = self.run_teapot("--complete=ids")
        self.assertEqual(result.returncode, 0)
        self.assertEqual(result.stderr, "")
        self.assertEqual(os.listdir(folder), ["user.sqlite"], "the damaged file is left for a command that says so")
        self.assertIn("was damaged", self.run_teapot("404").stderr)

    def test_favourites(self):
        self.assertEqual(self.run_teapot("--star=404").returncode, 0)
        self.assertEqual(self.run_teapot("--star=499-nginx").returncode, 0)
        ids = [e["id"] for e in self.json_of("--favourites")]
        self.assertEqual(ids, ["404", "499-nginx"])
        self.assertTrue(self.json_of("404")[0]["favourite"])
        ids = [e["id"] for e in self.json_of("--favourites", "--class=4xx", "--tag=nginx")]
        self.assertEqual(ids, ["499-nginx"])
        ids = [e["id"] for e in self.json_of("--favourites", "--search=not found")]
        self.assertEqual(ids, ["404"])
        self.assertEqual(self.run_teapot("--unstar=404").returncode, 0)
        ids = [e["id"] for e in self.json_of("--favorites")]
        self.assertEqual(ids, ["499-nginx"])

    def test_number_as_id(self):
        # A number with one meaning is that meaning's id; a registered id stays itself.
        self.assertEqual(self.run_teapot("--star=444").returncode, 0)
        self.assertEqual(self.run_teapot("--star=500.19").returncode, 0)
        self.assertEqual(self.run_teapot("--star=451").returncode, 0)
        ids = [e["id"] for e in self.json_of("--favourites")]
        self.assertEqual(ids, ["444-nginx", "451", "500.19-iis"])
        self.assertEqual(self.run_teapot("--unstar=444").returncode, 0)
        ids = [e["id"] for e in self.json_of("--favourites")]
        self.assertEqual(ids, ["451", "500.19-iis"])
        # Several meanings: nothing is starred, the ids to choose from are named.
        result = self.run_teapot("--star=499")
        self.assertEqual(result.returncode, 2)
        self.assertEqual([e["id"] for e in self.json_of("--favourites")], ["451", "500.19-iis"])

    def test_open_number(self):
        # Resolved before any display is needed: with one meaning, only the display is missing.
        result = self.run_teapot("--open=444")
        self.assertEqual(result.returncode, 1)
        self.assertNotIn("No entry", result.stderr)
        result = self.run_teapot("--open=1234")
        self.assertEqual(result.returncode, 1)
        self.assertIn("No entry has the id “1234”", result.stderr)

    def test_star_unknown(self):
        result = self.run_teapot("--star=123-nobody")
        self.assertEqual(result.returncode, 1)
        self.assertIn("123-nobody", result.stderr)

    def test_bad_arguments(self):
        cases = [
            (["abc"], "“abc” is not a three-digit status code"),
            (["40400"], "“40400” is not a three-digit"),
            (["500.1234"], "“500.1234” is not a three-digit"),
            (["500."], "“500.” is not a three-digit"),
            (["40"], "“40” is not a three-digit"),
            (["099"], "“099” is not a three-digit"),
            (["--", "-404"], "“-404” is not a three-digit"),
            (["--frobnicate"], "Unknown option --frobnicate"),
            (["-Z"], "Unknown option -Z"),
            (["--search"], "Missing argument for --search"),
            (["--class=6xx", "--list"], "--class takes 1xx"),
            (["--class=4", "--search=x", "--class=abc"], "--class takes 1xx"),
            (["--limit=0", "--list"], "--limit takes a whole number"),
            (["--limit=-3", "--list"], "--limit takes a whole number"),
            (["--limit=ten", "--list"], "--limit takes a whole number"),
            (["--limit=99999999999999999999", "--list"], "--limit takes a whole number"),
            (["--tag=nosuchvendor", "--list"], "Unknown tag “nosuchvendor”"),
            (["--class=4xx"], "--class, --tag and --limit go with"),
            (["--json"], "--json goes with"),
            (["--star=404", "--json"], "--json goes with"),
            (["404", "--search=x"], "Choose one of"),
            (["--list", "--star=404"], "Choose one of"),
            (["--star=404", "--unstar=404"], "Choose one of"),
            (["--search="], "--search needs a query"),
            (["--search= \t"], "--search needs a query"),
            (["--search=rate", "limit"], 'Quote a search of several words: --search="rate limit"'),
            (["--search=upstream", "timed", "out", "--limit=3"], '--search="upstream timed out"'),
            (["--star=499"], "499 has several meanings; choose one of the ids 499-nginx, 499-esri"),
            (["--unstar=499"], "choose one of the ids 499-nginx, 499-esri"),
            (["--open=499"], "choose one of the ids 499-nginx, 499-esri"),
        ]
        for args, message in cases:
            with self.subTest(args=args):
                result = self.run_teapot(*args)
                self.assertEqual(result.returncode, 2, result.stderr)
                self.assertEqual(result.stdout, "")
                lines = result.stderr.strip().splitlines()
                self.assertEqual(len(lines), 1, result.stderr)
                self.assertTrue(lines[0].startswith("teapot: "), lines[0])
                self.assertIn(message, lines[0])

    def test_invalid_utf8_search(self):
        result = subprocess.run([TEAPOT.encode(), b"--search=\xff\xfe"], capture_output=True, env=self.env,
                                timeout=30)
        self.assertIn(result.returncode, (1, 2))
        self.assertNotIn(b"SQL", result.stderr)

    def test_hostile_search(self):
        for query in ['"', "' OR 1=1 --", "NEAR(a b)", "*", "x" * 100000, "-- DROP TABLE entries;"]:
            with self.subTest(query=query[:20]):
                result = self.run_teapot("--search=" + query)
                self.assertIn(result.returncode, (0, 1))
                self.assertNotIn("SQL", result.stderr)
                self.assertNotIn("fts5", result.stderr.lower())

    def test_version_and_help(self):
        result = self.run_teapot("--version")
        self.assertEqual(result.returncode, 0)
        self.assertTrue(result.stdout.startswith("teapot "))
        result = self.run_teapot("--help")
        self.assertEqual(result.returncode, 0)
        self.assertIn("--search=QUERY", result.stdout)

    def test_window_without_display(self):
        for args in ([], ["--open=404"]):
            with self.subTest(args=args):
                result = self.run_teapot(*args)
                self.assertEqual(result.returncode, 1)
                self.assertEqual(result.stdout, "")
                self.assertIn("No display to open the window on", result.stderr)
        result = self.run_teapot("--open=123-nobody")
        self.assertEqual(result.returncode, 1)
        self.assertIn("123-nobody", result.stderr)

    def test_unwritable_data_home(self):
        blocker = os.path.join(self.home.name, "file")
        with open(blocker, "w") as f:
            f.write("not a folder")
        env = dict(self.env, XDG_DATA_HOME=blocker)
        result = self.run_teapot("404", env=env)
        self.assertEqual(result.returncode, 0)
        self.assertIn("404 Not Found", result.stdout)
        self.assertIn("Favourites will not be saved", result.stderr)
        result = self.run_teapot("--star=404", env=env)
        self.assertEqual(result.returncode, 1)
        self.assertIn("cannot be saved", result.stderr)

    def test_damaged_user_data(self):
        folder = os.path.join(self.home.name, "teapot")
        os.makedirs(folder)
        with open(os.path.join(folder, "user.sqlite"), "wb") as f:
            f.write(b"\x00garbage" * 1000)
        result = self.run_teapot("404")
        self.assertEqual(result.returncode, 0)
        self.assertIn("was damaged", result.stderr)
        moved = [n for n in os.listdir(folder) if n.startswith("user.sqlite.damaged-")]
        self.assertEqual(len(moved), 1)
        result = self.run_teapot("404")
        self.assertEqual(result.stderr, "", "told once")


if __name__ == "__main__":
    runner = unittest.TextTestRunner(stream=sys.stdout, verbosity=2)
    sys.exit(not runner.run(unittest.defaultTestLoader.loadTestsFromTestCase(Cli)).wasSuccessful())
