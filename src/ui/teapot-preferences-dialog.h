/* teapot-preferences-dialog.h
 *
 * Copyright The Teapot authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "teapot-study-view.h"

G_BEGIN_DECLS

#define TEAPOT_TYPE_PREFERENCES_DIALOG (teapot_preferences_dialog_get_type ())

G_DECLARE_FINAL_TYPE (TeapotPreferencesDialog, teapot_preferences_dialog, TEAPOT, PREFERENCES_DIALOG,
                      AdwPreferencesDialog)

/* @target has the preferences as properties ("constant-language"), and @study_view the
 * study ones ("new-cards-per-day"): the dialog edits them there, and they keep them (the
 * window binds them to GSettings). Reset Progress resets @study_view's study. */
TeapotPreferencesDialog *teapot_preferences_dialog_new (GObject         *target,
                                                        TeapotStudyView *study_view);

G_END_DECLS
