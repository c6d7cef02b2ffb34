/* teapot-shortcuts-dialog.h
 *
 * Copyright The Teapot authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

#define TEAPOT_TYPE_SHORTCUTS_DIALOG (teapot_shortcuts_dialog_get_type ())

G_DECLARE_FINAL_TYPE (TeapotShortcutsDialog, teapot_shortcuts_dialog, TEAPOT, SHORTCUTS_DIALOG, AdwDialog)

TeapotShortcutsDialog *teapot_shortcuts_dialog_new       (void);
/* How many shortcuts the dialog lists. */
guint                  teapot_shortcuts_dialog_get_count (TeapotShortcutsDialog *self);

G_END_DECLS
