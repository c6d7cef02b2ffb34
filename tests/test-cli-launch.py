#!/usr/bin/env python3
# test-cli-launch.py
#
# Copyright The Teapot authors
#
# SPDX-License-Identifier: GPL-3.0-or-later
"""`teapot` answers the command line without GTK and hands the window over to teapot-window."""

import os
import shutil
import subprocess
import sys
import tempfile
import time
import unittest

TEAPOT = os.environ.get("TEAPOT_BINARY", "teapot")
WINDOW = os.environ.get("TEAPOT_WINDOW", "teapot-window")
APP_ID = os.environ.get("TEAPOT_APP_ID", "io.github.teapot.Teapot")

# Stands in for teapot-window: writes the arguments it was given, one per line.
FAKE_WINDOW = """#!/bin/sh
for arg in "$@"; do printf '%s\\n' "$arg"; done > "$0.args"
"""


def libraries(binary):
    """The shared libraries @binary loads, as the dynamic linker resolves them."""
    result = subprocess.run(["ldd", binary], capture_output=True, text=True, check=True)
    return [line.split()[0] for line in result.stdout.splitlines() if line.strip()]


class Launch(unittest.TestCase):
    def setUp(self):
        self.tmp = tempfile.TemporaryDirectory()
        self.env = dict(os.environ, XDG_DATA_HOME=self.tmp.name, HOME=self.tmp.name, DISPLAY=":77")
        self.env.pop("WAYLAND_DISPLAY", None)
        self.fake = os.path.join(self.tmp.name, "fake-window")
        with open(self.fake, "w") as f:
            f.write(FAKE_WINDOW)
        os.chmod(self.fake, 0o755)
        self.env["TEAPOT_WINDOW"] = self.fake

    def tearDown(self):
        self.tmp.cleanup()

    def run_teapot(self, *args, env=None, binary=TEAPOT):
        return subprocess.run([binary, *args], capture_output=True, text=True, timeout=30,
                              env=env or self.env, stdin=subprocess.DEVNULL)

    def window_args(self, fake=None):
        path = (fake or self.fake) + ".args"
        if not os.path.exists(path):
            return None
        with open(path) as f:
            args = f.read().splitlines()
        os.unlink(path)
        return args

    @unittest.skipUnless(shutil.which("ldd"), "no ldd")
    def test_command_line_does_not_link_gtk(self):
        cli = libraries(TEAPOT)
        self.assertTrue(any("libsqlite3" in name for name in cli), cli)
        self.assertTrue(any("libjson-glib" in name for name in cli), cli)
        for name in cli:
            for forbidden in ("libgtk", "libadwaita", "libgdk", "libcairo", "libpango", "libX11", "libwayland"):
                self.assertNotIn(forbidden, name)
        # The check reads the same way for a binary that does load GTK.
        self.assertTrue(any("libgtk-4" in name for name in libraries(WINDOW)))

    def test_window_program_help(self):
        """teapot-window takes the same arguments and calls itself teapot, usage line once."""
        env = dict(self.env)
        env.pop("DISPLAY")
        result = self.run_teapot("--help", env=env, binary=WINDOW)
        self.assertEqual(result.returncode, 0, result.stderr)
        usage = [line for line in result.stdout.splitlines() if "[OPTION…]" in line]
        self.assertEqual(usage, ["  teapot [OPTION…] [CODE…]"])
        self.assertIn("--search=QUERY", result.stdout)

    def test_window_gets_the_arguments(self):
        for args in ([], ["--open=404"], ["--open", "499-nginx"], ["--gapplication-service"]):
            with self.subTest(args=args):
                result = self.run_teapot(*args)
                self.assertEqual(result.returncode, 0, result.stderr)
                self.assertEqual(self.window_args(), args)

    def test_answers_without_the_window(self):
        for args in (["404"], ["--list"], ["--search=timeout"], ["--star=404"], ["--version"], ["--help"],
                     ["--complete=ids"]):
            with self.subTest(args=args):
                result = self.run_teapot(*args)
                self.assertEqual(result.returncode, 0, result.stderr)
                self.assertIsNone(self.window_args(), "the window was started")

    def test_bad_open_stays_here(self):
        result = self.run_teapot("--open=123-nobody")
        self.assertEqual(result.returncode, 1)
        self.assertIn("123-nobody", result.stderr)
        self.assertIsNone(self.window_args())

    def test_no_display(self):
        env = dict(self.env)
        env.pop("DISPLAY")
        result = self.run_teapot(env=env)
        self.assertEqual(result.returncode, 1)
        self.assertIn("No display", result.stderr)
        self.assertIsNone(self.window_args())
        # D-Bus starts the service with no display: the search provider needs none.
        self.assertEqual(self.run_teapot("--gapplication-service", env=env).returncode, 0)
        self.assertEqual(self.window_args(), ["--gapplication-service"])

    def test_missing_window_program(self):
        env = dict(self.env, TEAPOT_WINDOW=os.path.join(self.tmp.name, "nowhere"))
        result = self.run_teapot(env=env)
        self.assertEqual(result.returncode, 1)
        self.assertEqual(result.stderr.count("\n"), 1, result.stderr)
        self.assertIn("Cannot start the window", result.stderr)
        self.assertIn("nowhere", result.stderr)

    def test_window_beside_the_program(self):
        """Without TEAPOT_WINDOW, a build tree's teapot runs the teapot-window beside it."""
        folder = os.path.join(self.tmp.name, "build")
        os.mkdir(folder)
        binary = os.path.join(folder, "teapot")
        shutil.copy(TEAPOT, binary)
        beside = os.path.join(folder, "teapot-window")
        shutil.copy(self.fake, beside)
        env = dict(self.env)
        env.pop("TEAPOT_WINDOW")
        result = self.run_teapot("--open=404", env=env, binary=binary)
        self.assertEqual(result.returncode, 0, result.stderr)
        self.assertEqual(self.window_args(beside), ["--open=404"])

    @unittest.skipUnless(os.environ.get("DBUS_SESSION_BUS_ADDRESS") and os.environ.get("DISPLAY")
                         and shutil.which("gdbus"), "needs a session bus and a display")
    def test_single_instance(self):
        """The real window: a second `teapot` hands its request to the first and exits."""
        env = dict(self.env, DISPLAY=os.environ["DISPLAY"], XDG_CONFIG_HOME=self.tmp.name,
                   XDG_CACHE_HOME=self.tmp.name)
        env.pop("TEAPOT_WINDOW")
        env["TEAPOT_WINDOW"] = WINDOW
        first = subprocess.Popen([TEAPOT], env=env, stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL,
                                 stderr=subprocess.PIPE, text=True)
        try:
            deadline = time.monotonic() + 20
            while True:
                owner = subprocess.run(["gdbus", "call", "--session", "--dest", "org.freedesktop.DBus",
                                        "--object-path", "/org/freedesktop/DBus",
                                        "--method", "org.freedesktop.DBus.NameHasOwner", APP_ID],
                                       capture_output=True, text=True, env=env)
                if "true" in owner.stdout:
                    break
                self.assertIsNone(first.poll(), "the window exited")
                self.assertLess(time.monotonic(), deadline, "the window never took its bus name")
                time.sleep(0.1)
            # The process that was `teapot` is now the window program.
            self.assertEqual(os.path.basename(os.readlink(f"/proc/{first.pid}/exe")), os.path.basename(WINDOW))
            second = subprocess.run([TEAPOT, "--open=404"], env=env, capture_output=True, text=True, timeout=20)
            self.assertEqual(second.returncode, 0, second.stderr)
            self.assertIsNone(first.poll(), "the first window is still there")
        finally:
            first.terminate()
            first.wait(timeout=10)


if __name__ == "__main__":
    runner = unittest.TextTestRunner(stream=sys.stdout, verbosity=2)
    sys.exit(not runner.run(unittest.defaultTestLoader.loadTestsFromTestCase(Launch)).wasSuccessful())
