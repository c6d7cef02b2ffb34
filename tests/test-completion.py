#!/usr/bin/env python3
# test-completion.py BASH_FILE ZSH_FILE FISH_FILE
#
# Copyright The Teapot authors
#
# SPDX-License-Identifier: GPL-3.0-or-later
"""The shell completions in data/completions/, run by each shell's own completion machinery."""

import os
import re
import shutil
import subprocess
import sys
import tempfile
import unittest

TEAPOT = os.environ.get("TEAPOT_BINARY", "teapot")
BASH_FILE, ZSH_FILE, FISH_FILE = sys.argv[1:4]
BASH_COMPLETION = "/usr/share/bash-completion/bash_completion"

# Calls the completion function as bash does on Tab: COMP_LINE is the line, COMP_WORDS its
# words as readline splits them ("=" is a word of its own).
BASH_DRIVER = r"""
source "$BASH_COMPLETION"
source "$1"
compopt() { :; }  # valid only inside a real completion
COMP_LINE=$2
COMP_POINT=${#COMP_LINE}
shift 2
COMP_WORDS=("$@")
COMP_CWORD=$(( $# - 1 ))
_teapot teapot "${COMP_WORDS[COMP_CWORD]}" "${COMP_WORDS[COMP_CWORD-1]}"
printf '%s\n' "${COMPREPLY[@]}"
"""

# Types each line and a Tab into one interactive zsh (compinit, our function in fpath) on a
# pseudo-terminal, with compadd wrapped to print every match it is given; "<line N>" ends
# the matches of line N (typed so that its echo does not contain it).
ZSH_DRIVER = r"""
zmodload zsh/zpty
zpty -b z zsh -f -i
zpty -w z "PROMPT= RPROMPT=; unsetopt zle_bracketed_paste; fpath=(${(q)1} \$fpath); autoload -Uz compinit; compinit -u -D"
zpty -w z 'compadd () { local -a __m; builtin compadd -O __m "$@"; print -rl -- "" "<m>"${^__m}; builtin compadd "$@" }'
zpty -w z 'zstyle ":completion:*" menu no; LISTMAX=100000; print "<rea""dy>"'
zpty -r -m z out '*<ready>*' || exit 3
shift
integer n=0
for line in "$@"; do
  (( n++ ))
  zpty -n -w z "$line"$'\t'
  zpty -w z $'\C-u print "<line" "'$n'>"'
  zpty -r -m z out "*<line $n>*" || exit 4
  print -r -- "$out"
done
zpty -d z
"""


class Completion(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.tmp = tempfile.TemporaryDirectory()
        # The completions run `teapot` as typed: put the built program first in PATH.
        bin_dir = os.path.join(cls.tmp.name, "bin")
        os.mkdir(bin_dir)
        os.symlink(os.path.abspath(TEAPOT), os.path.join(bin_dir, "teapot"))
        cls.env = dict(os.environ, PATH=bin_dir + os.pathsep + os.environ.get("PATH", ""),
                       XDG_DATA_HOME=cls.tmp.name, HOME=cls.tmp.name, BASH_COMPLETION=BASH_COMPLETION,
                       TERM="xterm")
        help_text = subprocess.run([TEAPOT, "--help"], capture_output=True, text=True, env=cls.env).stdout
        cls.options = re.findall(r"^  (?:-\w, )?(--[\w-]+)", help_text, re.M)
        cls.shorts = re.findall(r"^  (-\w), ", help_text, re.M)
        # Options that take a value ("--open=ID"): bash offers them with their "=".
        cls.valued = set(re.findall(r"^  (?:-\w, )?(--[\w-]+)=", help_text, re.M))
        assert "--search" in cls.options and "-s" in cls.shorts, help_text

    @classmethod
    def tearDownClass(cls):
        cls.tmp.cleanup()

    def check(self, complete, line, expected, unexpected=()):
        with self.subTest(line=line):
            offered = complete(line)
            for word in expected:
                self.assertIn(word, offered, line)
            for word in unexpected:
                self.assertNotIn(word, offered, line)

    def cases(self, value=lambda option: option):
        """(line, what must be offered, what must not), for every shell."""
        return [
            ("teapot --cl", [value("--class")], ["--list"]),
            ("teapot --class=", ["1xx", "2xx", "3xx", "4xx", "5xx"], []),
            ("teapot --tag=ng", ["nginx"], ["iana"]),
            ("teapot --star=49", ["499-nginx", "499-esri", "494-nginx"], ["404"]),
            ("teapot --unstar=499-n", ["499-nginx"], ["499-esri"]),
            ("teapot --open 40", ["404"], ["500"]),
            ("teapot --compare=re", ["redirects", "rejected"], ["success", "404"]),
            # Every option --help lists, and none it hides.
            ("teapot --", [value(option) for option in self.options],
             ["--complete", "--favorites", "--gapplication-service"]),
        ]

    def common_cases(self, complete, value=lambda option: option):
        for line, expected, unexpected in self.cases(value):
            self.check(complete, line, expected, unexpected)

    @unittest.skipUnless(shutil.which("bash") and os.path.exists(BASH_COMPLETION), "no bash-completion")
    def test_bash(self):
        def complete(line):
            words = re.findall(r"=|[^\s=]+", line) + ([""] if line.endswith((" ", "=")) else [])
            result = subprocess.run(["bash", "--norc", "-c", BASH_DRIVER, "bash", BASH_FILE, line, *words],
                                    capture_output=True, text=True, timeout=30, env=self.env)
            self.assertEqual(result.returncode, 0, result.stderr)
            return result.stdout.split()

        self.assertIn("--open", self.valued)
        self.common_cases(complete, value=lambda option: option + "=" if option in self.valued else option)

    @unittest.skipUnless(shutil.which("zsh"), "no zsh")
    def test_zsh(self):
        functions = os.path.join(self.tmp.name, "zsh")
        os.makedirs(functions, exist_ok=True)
        shutil.copy(ZSH_FILE, os.path.join(functions, "_teapot"))
        # One zsh for every line: starting it and compinit take most of the time.
        lines = [case[0] for case in self.cases()] + ["teapot -"]
        result = subprocess.run(["zsh", "-f", "-c", ZSH_DRIVER, "zsh", functions, *lines],
                                capture_output=True, text=True, timeout=120, env=self.env)
        self.assertEqual(result.returncode, 0, result.stderr)
        text = result.stdout.replace("\r", "")
        offered = {}
        for number, line in enumerate(lines, 1):
            before, _, text = text.partition("<line %d>" % number)
            offered[line] = re.findall(r"^<m>(.*)$", before, re.M)
        self.common_cases(offered.get)
        self.check(offered.get, "teapot -", self.shorts)

    @unittest.skipUnless(shutil.which("fish"), "no fish")
    def test_fish(self):
        def complete(line):
            script = "source $argv[1]; complete -C $argv[2]"
            result = subprocess.run(["fish", "--no-config", "-c", script, FISH_FILE, line],
                                    capture_output=True, text=True, timeout=30, env=self.env)
            self.assertEqual(result.returncode, 0, result.stderr)
            # "--tag=nginx<TAB>description": the value after the option, without the description.
            return [candidate.split("\t")[0].split("=")[-1] if "=" in line.split()[-1] else candidate.split("\t")[0]
                    for candidate in result.stdout.splitlines()]

        self.common_cases(complete)
        self.check(complete, "teapot -", self.shorts)


if __name__ == "__main__":
    runner = unittest.TextTestRunner(stream=sys.stdout, verbosity=2)
    names = ["Completion." + name for name in sys.argv[4:]]
    tests = (unittest.defaultTestLoader.loadTestsFromNames(names, sys.modules[__name__]) if names
             else unittest.defaultTestLoader.loadTestsFromTestCase(Completion))
    sys.exit(not runner.run(tests).wasSuccessful())
