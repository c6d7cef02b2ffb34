/* teapot-preferences-dialog.h
 *
 * Copyright The Teapot authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

#define TEAPOT_TYPE_PREFERENCES_DIALOG (teapot_preferences_dialog_get_type ())

G_DECLARE_FINAL_TYPE (TeapotPreferencesDialog, teapot_preferences_dialog, TEAPOT, PREFERENCES_DIALOG,
                      AdwPreferencesDialog)

/* @target has the preferences as properties ("constant-language"): the dialog edits them
 * there, and @target keeps them (the window binds them to GSettings). */
TeapotPreferencesDialog *teapot_preferences_dialog_new (GObject *target);

G_END_DECLS
