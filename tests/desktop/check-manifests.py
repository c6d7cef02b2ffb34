#!/usr/bin/env python3
# check-manifests.py SOURCE_ROOT
#
# The Flatpak manifests parse (flatpak-builder --show-manifest, warnings fatal) and say what
# Teapot needs: app id, command, GNOME runtime and SDK 50, Teapot built with meson from the
# repository, and exactly the allowed sandbox permissions. Skipped without flatpak-builder.
#
# Copyright The Teapot authors
# SPDX-License-Identifier: GPL-3.0-or-later
import json, os, shutil, subprocess, sys

if shutil.which('flatpak-builder') is None:
    print('flatpak-builder is not installed')
    sys.exit(77)

ALLOWED = ['--share=ipc', '--socket=wayland', '--socket=fallback-x11', '--device=dri']
MANIFESTS = {
    'io.github.teapot.Teapot.json': ('io.github.teapot.Teapot', None),
    'io.github.teapot.Teapot.Devel.json': ('io.github.teapot.Teapot.Devel', '-Dprofile=development'),
}
flatpak_dir = os.path.join(sys.argv[1], 'flatpak')
failures = []

def check(condition, what):
    if not condition:
        failures.append(what)

for name, (app_id, option) in MANIFESTS.items():
    path = os.path.join(flatpak_dir, name)
    env = dict(os.environ, G_DEBUG='fatal-warnings')
    result = subprocess.run(['flatpak-builder', '--show-manifest', path], env=env, capture_output=True, text=True)
    if result.returncode != 0:
        failures.append(f'{name}: flatpak-builder --show-manifest failed: {result.stderr.strip()}')
        continue
    manifest = json.loads(result.stdout)
    check(manifest.get('id') == app_id, f'{name}: id is not {app_id}')
    check(manifest.get('command') == 'teapot', f'{name}: command is not teapot')
    check(manifest.get('runtime') == 'org.gnome.Platform', f'{name}: runtime is not org.gnome.Platform')
    check(manifest.get('sdk') == 'org.gnome.Sdk', f'{name}: sdk is not org.gnome.Sdk')
    check(manifest.get('runtime-version') == '50', f'{name}: runtime-version is not 50')
    check(manifest.get('finish-args') == ALLOWED, f'{name}: finish-args are {manifest.get("finish-args")}, not {ALLOWED}')
    modules = manifest.get('modules', [])
    check(len(modules) == 1, f'{name}: Teapot should be the only module (SQLite, GTK, libadwaita come from the runtime)')
    teapot = modules[-1] if modules else {}
    check(teapot.get('name') == 'teapot', f'{name}: the last module is not teapot')
    check(teapot.get('buildsystem') == 'meson', f'{name}: teapot is not built with meson')
    check(teapot.get('run-tests') is True, f'{name}: the tests do not run in the sandbox')
    sources = teapot.get('sources', [])
    check(any(s.get('type') == 'dir' and s.get('path') == '..' for s in sources),
          f'{name}: teapot is not built from the repository')
    if option:
        check(option in teapot.get('config-opts', []), f'{name}: config-opts lack {option}')

for failure in failures:
    print(failure)
sys.exit(1 if failures else 0)
