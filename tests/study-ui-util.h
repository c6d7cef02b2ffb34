/* study-ui-util.h
 *
 * Copyright The Teapot authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "teapot-application.h"
#include "teapot-flashcard.h"
#include "teapot-progress-view.h"
#include "teapot-quiz.h"
#include "teapot-study-view.h"
#include "teapot-test-window.h"
#include "teapot-window.h"

G_BEGIN_DECLS

/* What the Study window tests share (test-study-ui.c, test-study-keys.c,
 * test-study-settings.c): a window on a real store, its parts by name, keys as far as the
 * widgets' own shortcuts go, and the study data read back as a fresh process would. */

typedef TeapotTestFixture Fixture;

/* The window's focus widget is @widget, whether or not the X server made the window active. */
gboolean         study_ui_is_focus                 (GtkWidget       *widget);
gint64           study_ui_now_seconds              (void);
/* Template children of the window, the Study page, the flashcards, the quiz, the progress. */
gpointer         study_ui_window_child             (Fixture         *fixture,
                                                    const char      *name);
TeapotStudyView *study_ui_get_study_view           (Fixture         *fixture);
gpointer         study_ui_study_child              (Fixture         *fixture,
                                                    const char      *name);
gpointer         study_ui_flashcard_child          (TeapotFlashcard *flashcard,
                                                    const char      *name);
gpointer         study_ui_quiz_child               (TeapotQuiz      *quiz,
                                                    const char      *name);
gpointer         study_ui_progress_child           (Fixture         *fixture,
                                                    const char      *name);
/* Activates @action on @widget with a string @target (or none), and lets it settle. */
void             study_ui_activate                 (GtkWidget       *widget,
                                                    const char      *action,
                                                    const char      *target);
/* Runs the shortcut of @widget's own controllers that @keyval with @modifiers triggers;
 * whether one handled it. */
gboolean         study_ui_press_key_with           (GtkWidget       *widget,
                                                    guint            keyval,
                                                    GdkModifierType  modifiers);
gboolean         study_ui_press_key                (GtkWidget       *widget,
                                                    guint            keyval);
/* What Enter does in the window: the focus widget activated, or the default one. */
gboolean         study_ui_press_enter              (Fixture         *fixture);
void             study_ui_fixture_set_up           (Fixture         *fixture,
                                                    gconstpointer    data);
void             study_ui_fixture_tear_down        (Fixture         *fixture,
                                                    gconstpointer    data);
/* The Study page on @mode ("cards", "quiz", "progress") with @deck. */
void             study_ui_show_study               (Fixture         *fixture,
                                                    const char      *mode,
                                                    const char      *deck);
/* As a fresh process reads them: another store on the same user database. */
TeapotCard       study_ui_read_card                (const char      *id);
void             study_ui_read_progress            (TeapotFilter    *deck,
                                                    TeapotProgress  *progress);
guint            study_ui_count_reviews            (void);
/* Answers the quiz's question on display with the digit key of @option (0..4). */
void             study_ui_answer_with_key          (TeapotQuiz      *quiz,
                                                    guint            option);
guint            study_ui_quiz_answered            (TeapotQuiz      *quiz);
void             study_ui_assert_no_option_focused (TeapotQuiz      *quiz);

G_END_DECLS
