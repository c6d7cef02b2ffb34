/* teapot-cli.h
 *
 * Copyright The Teapot authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

/* Exit statuses of the command line (DESIGN.md). */
#define TEAPOT_EXIT_OK 0
#define TEAPOT_EXIT_NOT_FOUND 1
#define TEAPOT_EXIT_USAGE 2

/* One line on stderr in the one style: "teapot: ", a capital, no full stop. Returns @status. */
int teapot_cli_complain (int         status,
                         const char *format,
                         ...) G_GNUC_PRINTF (2, 3);

const GOptionEntry *teapot_cli_get_option_entries (void);

/* For the window program, which takes the same arguments:
 * parses @argv on its own, before GApplication does, so that a bad argument is one line on
 * stderr and exit status 2. Returns TRUE when the arguments parse. */
gboolean teapot_cli_check_arguments (char **argv,
                                     int   *exit_status);

/* Runs what the options ask for on the terminal. Returns the exit status, or -1 when the
 * window should open; then *open_id is the entry to show, if any. */
int      teapot_cli_run             (GVariantDict  *options,
                                     char         **open_id);

/* The whole of the `teapot` program: answers on the terminal, or hands over to the window
 * program (teapot-launcher.h). Returns the exit status. */
int      teapot_cli_main            (char         **argv);

G_END_DECLS
