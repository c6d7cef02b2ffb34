/* teapot-explain-command.h
 *
 * Copyright The Teapot authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

/* "teapot --explain=FILE [--json]" (DESIGN.md): the exit status. */
int teapot_explain_command_run (GVariantDict *options);

G_END_DECLS
