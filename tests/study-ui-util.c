/* study-ui-util.c
 *
 * Copyright The Teapot authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include "study-ui-util.h"
#include "teapot-test-window.h"
#include "teapot-window-private.h"


/* The window's focus widget, whether or not the X server has made the window active yet:
 * gtk_widget_has_focus() also asks the latter, which a slow run (ASan) may not have. */
gboolean
study_ui_is_focus (GtkWidget *widget)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (widget));

  return root != NULL && gtk_root_get_focus (root) == GTK_WIDGET (widget);
}

gint64
study_ui_now_seconds (void)
{
  return g_get_real_time () / G_USEC_PER_SEC;
}

gpointer
study_ui_window_child (Fixture    *fixture,
                       const char *name)
{
  return gtk_widget_get_template_child (GTK_WIDGET (fixture->window), TEAPOT_TYPE_WINDOW, name);
}

TeapotStudyView *
study_ui_get_study_view (Fixture *fixture)
{
  /* Built here if the test has not visited the page yet. */
  return _teapot_window_get_study_view (fixture->window);
}

gpointer
study_ui_study_child (Fixture    *fixture,
                      const char *name)
{
  return gtk_widget_get_template_child (GTK_WIDGET (study_ui_get_study_view (fixture)), TEAPOT_TYPE_STUDY_VIEW, name);
}

gpointer
study_ui_flashcard_child (TeapotFlashcard *flashcard,
                          const char      *name)
{
  return gtk_widget_get_template_child (GTK_WIDGET (flashcard), TEAPOT_TYPE_FLASHCARD, name);
}

gpointer
study_ui_quiz_child (TeapotQuiz *quiz,
                     const char *name)
{
  return gtk_widget_get_template_child (GTK_WIDGET (quiz), TEAPOT_TYPE_QUIZ, name);
}

gpointer
study_ui_progress_child (Fixture    *fixture,
                         const char *name)
{
  return gtk_widget_get_template_child (study_ui_study_child (fixture, "progress"), TEAPOT_TYPE_PROGRESS_VIEW, name);
}

void
study_ui_activate (GtkWidget  *widget,
                   const char *action,
                   const char *target)
{
  gboolean ok;

  if (target != NULL)
    ok = gtk_widget_activate_action (widget, action, "s", target);
  else
    ok = gtk_widget_activate_action (widget, action, NULL);
  g_assert_true (ok);
  teapot_test_drain ();
}

/* Presses @keyval (with @modifiers) as far as @widget's own shortcuts go: GTK has no
 * public way to make a key event, so this runs the shortcut a real key press would
 * trigger, under the same rule (only while the widget is on screen). Returns whether the
 * key was handled. */
gboolean
study_ui_press_key_with (GtkWidget       *widget,
                         guint            keyval,
                         GdkModifierType  modifiers)
{
  g_autoptr(GListModel) controllers = gtk_widget_observe_controllers (widget);
  gboolean handled = FALSE;

  /* A key reaches only what is on screen: wait for it, as a reader's eyes would. */
  teapot_test_wait_until (teapot_test_is_mapped, widget, "the widget the key is for");
  for (guint i = 0; i < g_list_model_get_n_items (controllers) && !handled; i++)
    {
      g_autoptr(GtkEventController) controller = g_list_model_get_item (controllers, i);

      if (!GTK_IS_SHORTCUT_CONTROLLER (controller))
        continue;
      for (guint j = 0; j < g_list_model_get_n_items (G_LIST_MODEL (controller)) && !handled; j++)
        {
          g_autoptr(GtkShortcut) shortcut = g_list_model_get_item (G_LIST_MODEL (controller), j);
          GtkShortcutTrigger *trigger = gtk_shortcut_get_trigger (shortcut);

          if (GTK_IS_KEYVAL_TRIGGER (trigger)
              && gtk_keyval_trigger_get_keyval (GTK_KEYVAL_TRIGGER (trigger)) == keyval
              && gtk_keyval_trigger_get_modifiers (GTK_KEYVAL_TRIGGER (trigger)) == modifiers)
            handled = gtk_shortcut_action_activate (gtk_shortcut_get_action (shortcut),
                                                    GTK_SHORTCUT_ACTION_EXCLUSIVE, widget,
                                                    gtk_shortcut_get_arguments (shortcut));
        }
    }
  teapot_test_drain ();
  return handled;
}

gboolean
study_ui_press_key (GtkWidget *widget,
                    guint      keyval)
{
  return study_ui_press_key_with (widget, keyval, 0);
}

/* The memory settings backend lives as long as the process: each test ends by putting
 * the defaults back, so the next starts as a first start would. It does so while its
 * window is open: a settings change after a window closed reaches that window's filter
 * actions through GTK's exported action group, after the window is freed (valgrind:
 * g_action_group_action_state_changed on a freed TeapotWindow). */
static void
reset_settings (GSettings *settings)
{
  g_autoptr(GSettingsSchema) schema = NULL;
  g_auto(GStrv) keys = NULL;

  g_object_get (settings, "settings-schema", &schema, NULL);
  keys = g_settings_schema_list_keys (schema);
  for (guint i = 0; keys[i] != NULL; i++)
    g_settings_reset (settings, keys[i]);
}

void
study_ui_fixture_set_up (Fixture       *fixture,
                         gconstpointer  data)
{
  teapot_test_fixture_set_up (fixture, data);
}

void
study_ui_fixture_tear_down (Fixture       *fixture,
                            gconstpointer  data)
{
  reset_settings (teapot_application_get_settings (fixture->app));
  teapot_test_drain ();
  teapot_test_fixture_tear_down (fixture, data);
}

/* Shows the Study page on @mode ("cards", "quiz", "progress") with @deck. */
void
study_ui_show_study (Fixture    *fixture,
                     const char *mode,
                     const char *deck)
{
  GtkStack *mode_stack = study_ui_study_child (fixture, "mode_stack");

  study_ui_activate (GTK_WIDGET (fixture->window), "win.page", "study");
  g_assert_cmpstr (adw_view_stack_get_visible_child_name (study_ui_window_child (fixture, "main_stack")), ==, "study");
  g_object_set (study_ui_get_study_view (fixture), "deck", deck, NULL);
  study_ui_activate (GTK_WIDGET (study_ui_get_study_view (fixture)), "study.mode", mode);
  g_assert_cmpstr (gtk_stack_get_visible_child_name (mode_stack), ==, mode);
  teapot_test_wait_until (teapot_test_is_mapped, gtk_stack_get_visible_child (mode_stack), "the study mode to map");
}

/* A card as a fresh process would read it: another store on the same user database. */
TeapotCard
study_ui_read_card (const char *id)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(TeapotStore) store = teapot_store_new (NULL, &error);
  g_autoptr(TeapotStudy) study = NULL;

  g_assert_no_error (error);
  study = teapot_study_new (store);
  return teapot_study_get_card (study, id, study_ui_now_seconds ());
}

void
study_ui_read_progress (TeapotFilter   *deck,
                        TeapotProgress *progress)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(TeapotStore) store = teapot_store_new (NULL, &error);
  g_autoptr(TeapotStudy) study = NULL;

  g_assert_no_error (error);
  study = teapot_study_new (store);
  teapot_study_get_progress (study, deck, study_ui_now_seconds (), progress);
}


void
study_ui_answer_with_key (TeapotQuiz *quiz,
                          guint       option)
{
  g_assert_true (study_ui_press_key (GTK_WIDGET (quiz), GDK_KEY_1 + option));
}


guint
study_ui_count_reviews (void)
{
  TeapotProgress progress = { 0 };
  guint reviews;

  study_ui_read_progress (NULL, &progress);
  reviews = progress.reviews_30d;
  teapot_progress_clear (&progress);
  return reviews;
}

guint
study_ui_quiz_answered (TeapotQuiz *quiz)
{
  guint answered;

  teapot_quiz_get_score (quiz, NULL, &answered, NULL);
  return answered;
}

static gboolean
is_set (gpointer data)
{
  return *(gboolean *) data;
}

static gboolean
set_flag (gpointer data)
{
  *(gboolean *) data = TRUE;
  return G_SOURCE_REMOVE;
}

/* What Enter does in a window (GtkWindow's key bindings): activates the focus widget when
 * it can be activated, else the default widget. Whether anything was activated. A button
 * activated from the keyboard stays pressed for a quarter of a second before it clicks. */
gboolean
study_ui_press_enter (Fixture *fixture)
{
  gboolean clicked = FALSE;

  GtkWidget *focus = gtk_root_get_focus (GTK_ROOT (fixture->window));
  GtkWidget *fallback = gtk_window_get_default_widget (GTK_WINDOW (fixture->window));
  gboolean handled = FALSE;

  if (focus != NULL)
    handled = gtk_widget_activate (focus);
  if (!handled && fallback != NULL && gtk_widget_is_sensitive (fallback))
    handled = gtk_widget_activate (fallback);
  g_timeout_add (300, set_flag, &clicked);
  teapot_test_wait_until (is_set, &clicked, "a button to click");
  teapot_test_drain ();
  return handled;
}

void
study_ui_assert_no_option_focused (TeapotQuiz *quiz)
{
  for (guint i = 1; i <= 5; i++)
    {
      g_autofree char *name = g_strdup_printf ("option_button_%u", i);

      g_assert_false (study_ui_is_focus (study_ui_quiz_child (quiz, name)));
    }
}

/* The quiz starts deliberately, and no stray key records a review: Alt+Q then Enter starts
 * a round and answers nothing; Enter on a new question does nothing; digits with Alt or
 * Ctrl are not answers; a digit answers once. */
