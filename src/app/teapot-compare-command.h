/* teapot-compare-command.h
 *
 * Copyright The Teapot authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

/* "teapot --compare=ID,ID[,...] [--json]" (DESIGN.md): the exit status. */
int teapot_compare_command_run (GVariantDict *options);

G_END_DECLS
