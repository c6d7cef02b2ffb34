#!/usr/bin/env python3
# test-manual.py MAN_PAGE
#
# Copyright The Teapot authors
#
# SPDX-License-Identifier: GPL-3.0-or-later
"""The manual page teapot(1), as built, documents every option `teapot --help` prints."""

import json
import os
import re
import subprocess
import sys
import unittest

TEAPOT = os.environ.get("TEAPOT_BINARY", "teapot")
MAN_PAGE = sys.argv[1] if len(sys.argv) > 1 else "teapot.1"


def roff_text(path):
    """The page's text with roff's font changes and zero-width escapes taken out."""
    with open(path, encoding="utf-8") as f:
        text = f.read()
    return re.sub(r"\\f[BIRP]|\\&", "", text).replace("\\-", "-")


def section(text, name):
    match = re.search(r"^\.SH %s\n(.*?)(?=^\.SH |\Z)" % re.escape(name), text, re.M | re.S)
    return match.group(1) if match else ""


class Manual(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.page = roff_text(MAN_PAGE)
        result = subprocess.run([TEAPOT, "--help"], capture_output=True, text=True, timeout=30,
                                env=dict(os.environ, LC_ALL="C.UTF-8", LANGUAGE=""))
        assert result.returncode == 0, result.stderr
        # "  -s, --search=QUERY     Print ..." -> "-s, --search=QUERY"
        cls.options = [match.group(1) for match in
                       (re.match(r"^  ((?:-\w, )?--[\w-]+(?:=\S+)?)", line) for line in result.stdout.splitlines())
                       if match]

    def test_help_has_options(self):
        self.assertIn("-s, --search=QUERY", self.options)
        self.assertIn("-h, --help", self.options)
        self.assertGreaterEqual(len(self.options), 10)

    def test_every_option_is_documented(self):
        lines = section(self.page, "OPTIONS").splitlines()
        for option in self.options:
            with self.subTest(option=option):
                self.assertIn(option, lines, "as --help writes it, on a line of its own in OPTIONS")

    def test_sections(self):
        for name in ("NAME", "SYNOPSIS", "DESCRIPTION", "OPTIONS", "JSON OUTPUT", "EXIT STATUS", "EXAMPLES"):
            with self.subTest(section=name):
                self.assertTrue(section(self.page, name).strip())
        statuses = section(self.page, "EXIT STATUS")
        for status in ("0", "1", "2"):
            self.assertIn("\n%s\n" % status, statuses)
        self.assertIn("teapot --search=", section(self.page, "EXAMPLES"))

    def test_json_keys(self):
        """The keys the page lists are the keys the program prints, in its order."""
        result = subprocess.run([TEAPOT, "404", "--json"], capture_output=True, text=True, timeout=30)
        keys = list(json.loads(result.stdout)[0].keys())
        text = section(self.page, "JSON OUTPUT")
        text = " ".join(text[text.index("in this order:"):text.index("New keys")].split())
        positions = [text.find(key + " (") if text.find(key + " (") >= 0 else text.find(key + ",")
                     for key in keys]
        self.assertNotIn(-1, positions, dict(zip(keys, positions)))
        self.assertEqual(positions, sorted(positions))


if __name__ == "__main__":
    runner = unittest.TextTestRunner(stream=sys.stdout, verbosity=2)
    sys.exit(not runner.run(unittest.defaultTestLoader.loadTestsFromTestCase(Manual)).wasSuccessful())
