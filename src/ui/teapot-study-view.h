/* teapot-study-view.h
 *
 * Copyright The Teapot authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "teapot-study.h"

G_BEGIN_DECLS

#define TEAPOT_TYPE_STUDY_VIEW (teapot_study_view_get_type ())

G_DECLARE_FINAL_TYPE (TeapotStudyView, teapot_study_view, TEAPOT, STUDY_VIEW, GtkWidget)

void         teapot_study_view_set_store (TeapotStudyView *self,
                                          TeapotStore     *store);
TeapotStudy *teapot_study_view_get_study (TeapotStudyView *self);
/* Moves the keyboard focus to the first thing to press on the page on display. */
void         teapot_study_view_focus     (TeapotStudyView *self);
/* Counts everything again, after progress changed behind the page's back (a reset). */
void         teapot_study_view_refresh   (TeapotStudyView *self);

G_END_DECLS
