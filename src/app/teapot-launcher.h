/* teapot-launcher.h
 *
 * Copyright The Teapot authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* The window is a program of its own, teapot-window, so that the command line never loads
 * GTK. Its path: $TEAPOT_WINDOW when set (tests, uninstalled builds), else beside this
 * program when it is there (a build tree), else the one installed in libexecdir. */
char     *teapot_launcher_find_window (void);

/* Replaces this process with the window program, given @argv (argv[0] aside) as they came.
 * Returns only on failure. */
gboolean  teapot_launcher_exec_window (char   **argv,
                                       GError **error);

G_END_DECLS
