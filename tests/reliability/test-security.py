#!/usr/bin/env python3
# test-security.py
#
# Copyright The Teapot authors
#
# SPDX-License-Identifier: GPL-3.0-or-later
"""Static checks (issue 6): no SQL built from values in src/, only web links in the
dataset, minimal Flatpak permissions.

    test-security.py SOURCE_ROOT"""

import glob
import json
import os
import re
import sys
import unittest
import xml.etree.ElementTree as ElementTree

ROOT = sys.argv.pop(1) if len(sys.argv) > 1 else os.path.join(os.path.dirname(__file__), "..", "..")

# Functions whose argument is SQL text, and its position.
SQL_SINKS = {
    "sqlite3_exec": 1,
    "sqlite3_prepare": 1,
    "sqlite3_prepare_v2": 1,
    "sqlite3_prepare_v3": 1,
    "_teapot_sql_prepare": 1,
    "_teapot_sql_exec": 1,
    "_teapot_store_prepare": 1,
    "_teapot_store_statement": 1,
    "exec": 1,          # teapot-user-db.c: _teapot_sql_exec, trying again while busy
    "single_int": 1,    # teapot-user-db.c
}

# SQL arguments that are not literals, each checked by hand. Key: (file, argument).
REVIEWED_SQL = {
    ("src/core/teapot-sql.c", "sql"):
        "_teapot_sql_prepare() and _teapot_sql_exec() pass their parameter on; their callers are checked here",
    ("src/core/teapot-store.c", "sql"):
        "_teapot_store_prepare() prepares its parameter; its callers are checked here",
    ("src/core/teapot-user-db.c", "sql"):
        "exec() and single_int() pass their parameter on; their callers are checked here",
    ("src/core/teapot-user-db.c", "migrations[*version]"):
        "a static const table of migration scripts",
    ("src/core/teapot-user-db.c", "set_version"):
        "PRAGMA user_version = %d: the schema version, an int computed from another int",
    ("src/core/teapot-refdb.c", "create->str"):
        "build time: the search index's column names, from constant names and language numbers",
    ("src/core/teapot-refdb.c", "insert->str"):
        "build time: the same column names and numbered parameters; the texts are bound",
    ("src/core/teapot-refdb.c", "meta"):
        "build time: the schema version and the entry count, %d and %u of integers",
}

# printf-style calls allowed to produce SQL: only integer conversions, checked below.
REVIEWED_PRINTF = {
    ("src/core/teapot-user-db.c", "PRAGMA user.user_version = %d"),
    ("src/core/teapot-refdb.c", "INSERT INTO meta VALUES ('schema', '%d');"),
}

SQL_WORDS = re.compile(r"^\s*(SELECT|INSERT|UPDATE|DELETE|REPLACE|PRAGMA|CREATE|DROP|ALTER|ATTACH|DETACH|"
                       r"BEGIN|COMMIT|WITH|VACUUM)\b|\b(FROM|WHERE|VALUES|MATCH)\b", re.IGNORECASE)
PRINTF = re.compile(r"\b(g_strdup_printf|g_strdup_vprintf|g_string_printf|g_string_append_printf|"
                    r"sqlite3_mprintf|sqlite3_snprintf|sqlite3_vmprintf|snprintf|sprintf|asprintf)\s*\(")


def sources():
    for path in sorted(glob.glob(os.path.join(ROOT, "src", "**", "*.c"), recursive=True)):
        with open(path, encoding="utf-8") as f:
            yield os.path.relpath(path, ROOT), strip_comments(f.read())


def strip_comments(text):
    return re.sub(r"/\*.*?\*/", lambda m: "\n" * m.group(0).count("\n"), text, flags=re.S)


def call_arguments(text, start):
    """The arguments of the call whose "(" is at @start, split at top-level commas."""
    depth, args, current, i, in_string = 0, [], "", start, None
    while i < len(text):
        c = text[i]
        if in_string:
            current += c
            if c == "\\":
                current += text[i + 1]
                i += 1
            elif c == in_string:
                in_string = None
        elif c in "\"'":
            in_string = c
            current += c
        elif c in "([{":
            depth += 1
            if depth > 1:
                current += c
        elif c in ")]}":
            depth -= 1
            if depth == 0:
                args.append(current.strip())
                return args
            current += c
        elif c == "," and depth == 1:
            args.append(current.strip())
            current = ""
        else:
            current += c
        i += 1
    return args


def is_constant_sql(expr, text):
    """A literal, literals glued to macros, a static const char array of the file, or a
    choice between such."""
    expr = expr.strip()
    if "?" in expr and ":" in expr:
        _, choices = expr.split("?", 1)
        return all(is_constant_sql(part, text) for part in choices.split(":", 1))
    if re.fullmatch(r'(\s*("([^"\\]|\\.)*"|[A-Z][A-Z0-9_]*)\s*)+', expr, flags=re.S):
        return '"' in expr
    if re.fullmatch(r"[a-z_][a-z0-9_]*", expr):
        return re.search(r"static const char (\* const )?%s\[\]\s*=" % re.escape(expr), text) is not None
    return False


class Sql(unittest.TestCase):
    def test_sql_is_constant(self):
        """Every SQL argument is constant text (values are bound), or reviewed above."""
        seen_reviewed = set()
        calls = 0
        for path, text in sources():
            for name, position in SQL_SINKS.items():
                for match in re.finditer(r"(?<![\w.>])%s\s*\(" % re.escape(name), text):
                    line = text.count("\n", 0, match.start()) + 1
                    before = text[max(0, match.start() - 40):match.start()]
                    if re.search(r"(static|gboolean|int|char \*|sqlite3_stmt \*)\s*\n?\s*$", before):
                        continue  # the definition, not a call
                    args = call_arguments(text, match.end() - 1)
                    if len(args) <= position:
                        continue
                    calls += 1
                    expr = " ".join(args[position].split())
                    if is_constant_sql(expr, text):
                        continue
                    if (path, expr) in REVIEWED_SQL:
                        seen_reviewed.add((path, expr))
                        continue
                    self.fail("%s:%d: %s() gets SQL that is not constant: %s" % (path, line, name, expr))
        self.assertGreater(calls, 20, "the scan found the SQL calls")
        # A reviewed case that disappeared is taken off the list, so the list stays true.
        self.assertEqual(set(REVIEWED_SQL) - seen_reviewed, set(), "reviewed cases no longer in the sources")

    def test_no_sql_built_with_printf(self):
        for path, text in sources():
            for match in PRINTF.finditer(text):
                args = call_arguments(text, match.end() - 1)
                formats = [a for a in args if a.startswith('"')]
                if not formats:
                    continue
                fmt = "".join(re.findall(r'"((?:[^"\\]|\\.)*)"', formats[0]))
                if not SQL_WORDS.search(fmt):
                    continue
                line = text.count("\n", 0, match.start()) + 1
                reviewed = any(path == p and fmt.startswith(prefix) for p, prefix in REVIEWED_PRINTF)
                self.assertTrue(reviewed, "%s:%d: SQL built with %s: %s" % (path, line, match.group(1), fmt))
                conversions = re.findall(r"%[-+ #0-9.]*[a-zA-Z]+", fmt)
                self.assertTrue(all(c in ("%d", "%u") for c in conversions),
                                "%s:%d: reviewed SQL printf with a non-integer conversion: %s" % (path, line, fmt))

    def test_no_sqlite_quoting_helpers(self):
        """%q/%Q/%w would mean SQL is being assembled from text."""
        for path, text in sources():
            self.assertNotRegex(text, r"sqlite3_(v?mprintf|snprintf)", path)


class Links(unittest.TestCase):
    def test_dataset_links_are_web_links(self):
        count = 0
        for path in glob.glob(os.path.join(ROOT, "data", "codes", "*.xml")):
            for reference in ElementTree.parse(path).iter("reference"):
                url = reference.get("url", "")
                count += 1
                self.assertRegex(url, r"^https?://[A-Za-z0-9.-]+\.[A-Za-z]{2,}(/|$)",
                                 "%s: %s" % (os.path.basename(path), url))
                self.assertNotRegex(url, r"[\s\"'<>\\]", url)
        self.assertGreater(count, 90)

    def test_window_opens_links_only_through_the_web_check(self):
        """Every place in src/ that launches a URI checks it with teapot_format_is_web_uri()."""
        for path, text in sources():
            for match in re.finditer(r"g_app_info_launch_default_for_uri(_async)?\s*\(|gtk_show_uri\w*\s*\(", text):
                body = text[max(0, match.start() - 600):match.start()]
                self.assertIn("teapot_format_is_web_uri", body,
                              "%s:%d: a URI is launched without teapot_format_is_web_uri()"
                              % (path, text.count("\n", 0, match.start()) + 1))


class Flatpak(unittest.TestCase):
    ALLOWED = {"--share=ipc", "--socket=wayland", "--socket=fallback-x11", "--device=dri"}

    def test_finish_args_minimal(self):
        manifests = glob.glob(os.path.join(ROOT, "flatpak", "*.json"))
        if not manifests:
            self.skipTest("no Flatpak manifest yet")
        for path in manifests:
            with open(path, encoding="utf-8") as f:
                manifest = json.load(f)
            args = manifest.get("finish-args", [])
            with self.subTest(manifest=os.path.basename(path)):
                self.assertLessEqual(set(args), self.ALLOWED,
                                     "no network, no file system, no bus names beyond our own")
                for arg in args:
                    self.assertFalse(arg.startswith(("--share=network", "--filesystem", "--talk-name",
                                                     "--own-name", "--system-talk-name", "--socket=session-bus",
                                                     "--socket=system-bus", "--device=all", "--persist")), arg)


if __name__ == "__main__":
    runner = unittest.TextTestRunner(stream=sys.stdout, verbosity=2)
    sys.exit(not runner.run(unittest.defaultTestLoader.loadTestsFromModule(sys.modules[__name__])).wasSuccessful())
