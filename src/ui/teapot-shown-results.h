/* teapot-shown-results.h
 *
 * Copyright The Teapot authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

#define TEAPOT_TYPE_SHOWN_RESULTS (teapot_shown_results_get_type ())

G_DECLARE_FINAL_TYPE (TeapotShownResults, teapot_shown_results, TEAPOT, SHOWN_RESULTS, GObject)

gboolean teapot_shown_results_is_stale (TeapotShownResults *self);
void     teapot_shown_results_finish   (TeapotShownResults *self);

G_END_DECLS
