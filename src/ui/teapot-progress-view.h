/* teapot-progress-view.h
 *
 * Copyright The Teapot authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "teapot-study.h"

G_BEGIN_DECLS

#define TEAPOT_TYPE_PROGRESS_VIEW (teapot_progress_view_get_type ())

G_DECLARE_FINAL_TYPE (TeapotProgressView, teapot_progress_view, TEAPOT, PROGRESS_VIEW, GtkWidget)

void teapot_progress_view_set_study (TeapotProgressView *self,
                                     TeapotStudy        *study);
/* The deck is copied. */
void teapot_progress_view_set_deck  (TeapotProgressView *self,
                                     const TeapotFilter *deck);
/* Reads the progress again, e.g. after a review. */
void teapot_progress_view_refresh   (TeapotProgressView *self);

G_END_DECLS
