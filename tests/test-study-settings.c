/* test-study-settings.c
 *
 * Copyright The Teapot authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include "study-ui-util.h"
#include "teapot-test-window.h"
#include "teapot-preferences-dialog.h"

/* Study settings in the real window under Xvfb: what survives a restart, and the
 * preferences (new cards per day, reset progress). */

static guint
deck_position (Fixture    *fixture,
               const char *name)
{
  GListModel *names = gtk_drop_down_get_model (study_ui_study_child (fixture, "deck_dropdown"));

  for (guint i = 0; i < g_list_model_get_n_items (names); i++)
    if (g_strcmp0 (gtk_string_list_get_string (GTK_STRING_LIST (names), i), name) == 0)
      return i;
  g_error ("no deck named %s", name);
}

/* Closes the window and the application, and starts both again on the same settings
 * backend (the test's memory backend, as a restart on the real one). */
static void
restart (Fixture *fixture)
{
  teapot_test_window_close (fixture->window, &fixture->app);
  fixture->app = teapot_test_application_new ();
  fixture->window = teapot_test_window_new (fixture->app);
}

/* The deck, the flashcards' direction and the daily limit survive a restart; a remembered
 * deck the data no longer has falls back to the registered codes. */
static void
test_remember (Fixture       *fixture,
               gconstpointer  data)
{
  GtkDropDown *decks = study_ui_study_child (fixture, "deck_dropdown");
  guint server = deck_position (fixture, "5xx Server error");
  g_autofree char *deck = NULL;
  g_autofree char *direction = NULL;
  guint per_day;

  study_ui_show_study (fixture, "cards", "iana");
  gtk_drop_down_set_selected (decks, server);
  study_ui_activate (study_ui_study_child (fixture, "flashcard"), "flashcard.direction", "reverse");
  g_object_set (study_ui_get_study_view (fixture), "new-cards-per-day", 7, NULL);
  g_assert_cmpstr (g_settings_get_string (teapot_application_get_settings (fixture->app), "study-deck"), ==,
                   "class:5");

  restart (fixture);
  decks = study_ui_study_child (fixture, "deck_dropdown");
  g_object_get (study_ui_get_study_view (fixture), "deck", &deck, "direction", &direction, "new-cards-per-day", &per_day, NULL);
  g_assert_cmpstr (deck, ==, "class:5");
  g_assert_cmpuint (gtk_drop_down_get_selected (decks), ==, server);
  g_assert_cmpstr (direction, ==, "reverse");
  g_clear_pointer (&direction, g_free);
  g_object_get (study_ui_study_child (fixture, "flashcard"), "direction", &direction, NULL);
  g_assert_cmpstr (direction, ==, "reverse");
  g_assert_cmpuint (per_day, ==, 7);
  g_assert_cmpstr (gtk_label_get_label (study_ui_study_child (fixture, "counts_label")), ==, "0 due · 7 new today");
  /* The order of new cards is the user's, chosen once and kept. */
  g_assert_cmpuint (g_settings_get_uint (teapot_application_get_settings (fixture->app), "study-seed"), !=, 0);
  g_assert_cmpuint (teapot_study_get_seed (teapot_study_view_get_study (study_ui_get_study_view (fixture))), ==,
                    g_settings_get_uint (teapot_application_get_settings (fixture->app), "study-seed"));

  g_settings_set_string (teapot_application_get_settings (fixture->app), "study-deck", "tag:no-such-vendor");
  restart (fixture);
  g_clear_pointer (&deck, g_free);
  g_object_get (study_ui_get_study_view (fixture), "deck", &deck, NULL);
  g_assert_cmpstr (deck, ==, "iana");
  g_assert_cmpuint (gtk_drop_down_get_selected (study_ui_study_child (fixture, "deck_dropdown")), ==, 0);
}

static gboolean
dialog_has_focus (gpointer data)
{
  GtkRoot *root = gtk_widget_get_root (data);
  GtkWidget *focus = root != NULL ? gtk_root_get_focus (root) : NULL;

  return focus != NULL && gtk_widget_is_ancestor (focus, data);
}

static gboolean
has_dialog (gpointer data)
{
  return adw_application_window_get_visible_dialog (data) != NULL;
}

typedef struct
{
  TeapotWindow *window;
  const char *heading;
} AlertWait;

static gboolean
has_alert (gpointer data)
{
  AlertWait *wait = data;
  AdwDialog *dialog = adw_application_window_get_visible_dialog (ADW_APPLICATION_WINDOW (wait->window));

  return ADW_IS_ALERT_DIALOG (dialog) && g_strcmp0 (adw_alert_dialog_get_heading (ADW_ALERT_DIALOG (dialog)),
                                                     wait->heading) == 0;
}

static AdwAlertDialog *
wait_for_alert (Fixture    *fixture,
                const char *heading)
{
  AlertWait wait = { fixture->window, heading };

  teapot_test_wait_until (has_alert, &wait, heading);
  return ADW_ALERT_DIALOG (adw_application_window_get_visible_dialog (ADW_APPLICATION_WINDOW (fixture->window)));
}

/* Preferences: new cards per day reaches every count at once; Reset Progress asks first,
 * keeps the old progress in a copy and says where. Header, start page and progress agree. */
static void
test_preferences (Fixture       *fixture,
                  gconstpointer  data)
{
  TeapotStudyView *view = study_ui_get_study_view (fixture);
  TeapotStudy *study = teapot_study_view_get_study (view);
  TeapotFlashcard *flashcard = study_ui_study_child (fixture, "flashcard");
  GSettings *settings = teapot_application_get_settings (fixture->app);
  gint64 now = study_ui_now_seconds ();
  g_autoptr(GError) error = NULL;
  g_autofree char *user_db = g_build_filename (g_get_user_data_dir (), "teapot", "user.sqlite", NULL);
  g_autofree char *folder = g_path_get_dirname (user_db);
  g_autoptr(GDateTime) today = g_date_time_new_now_local ();
  g_autofree char *date = g_date_time_format (today, "%Y-%m-%d");
  g_autofree char *name = g_strdup_printf ("user-progress-%s.sqlite", date);
  g_autofree char *backup = g_build_filename (folder, name, NULL);
  AdwDialog *dialog;
  AdwSpinRow *new_cards_row;
  AdwAlertDialog *alert;

  /* Two new cards started today, one failed. */
  g_assert_true (teapot_study_record_review (study, "404", TEAPOT_RATING_AGAIN, now, &error));
  g_assert_true (teapot_study_record_review (study, "500", TEAPOT_RATING_GOOD, now, &error));
  g_assert_no_error (error);
  study_ui_show_study (fixture, "progress", "iana");
  g_assert_cmpstr (gtk_label_get_label (study_ui_progress_child (fixture, "learned_label")), ==, "1");
  /* The quiz's start page behind the dialog: counted again, it must not take the focus. */
  study_ui_activate (GTK_WIDGET (view), "study.mode", "quiz");

  study_ui_activate (GTK_WIDGET (fixture->window), "win.preferences", NULL);
  teapot_test_wait_until (has_dialog, fixture->window, "the preferences");
  dialog = adw_application_window_get_visible_dialog (ADW_APPLICATION_WINDOW (fixture->window));
  g_assert_true (TEAPOT_IS_PREFERENCES_DIALOG (dialog));
  new_cards_row = (AdwSpinRow *) gtk_widget_get_template_child (GTK_WIDGET (dialog), TEAPOT_TYPE_PREFERENCES_DIALOG, "new_cards_row");
  g_assert_cmpfloat (adw_spin_row_get_value (new_cards_row), ==, 20);
  adw_spin_row_set_value (new_cards_row, 3);
  teapot_test_drain ();
  g_assert_cmpuint (g_settings_get_uint (settings, "new-cards-per-day"), ==, 3);
  /* The dialog takes the keyboard once it is on screen, a frame or two after it opens. */
  teapot_test_wait_until (dialog_has_focus, dialog, "the keyboard in the preferences");
  /* The limit less the two started: one more today, in the header and on the start page. */
  g_assert_cmpstr (gtk_label_get_label (study_ui_study_child (fixture, "counts_label")), ==, "0 due · 1 new today");
  g_assert_true (g_str_has_prefix (adw_status_page_get_description (study_ui_flashcard_child (flashcard, "start_page")),
                                   "0 due and 1 new today."));

  /* Reset, cancelled (Escape, or the default response): nothing happens. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (dialog), "preferences.reset-progress", NULL));
  alert = wait_for_alert (fixture, "Reset Study Progress?");
  g_assert_cmpstr (adw_alert_dialog_get_default_response (alert), ==, "cancel");
  g_assert_cmpstr (adw_alert_dialog_get_close_response (alert), ==, "cancel");
  g_assert_true (adw_dialog_close (ADW_DIALOG (alert)));
  teapot_test_drain ();
  g_assert_cmpuint (study_ui_count_reviews (), ==, 2);
  g_assert_false (g_file_test (backup, G_FILE_TEST_EXISTS));

  /* Reset, confirmed: a copy with the old progress, and the user told where. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (dialog), "preferences.reset-progress", NULL));
  alert = wait_for_alert (fixture, "Reset Study Progress?");
  g_signal_emit_by_name (alert, "response", "reset");
  adw_dialog_force_close (ADW_DIALOG (alert));
  alert = wait_for_alert (fixture, "Progress Reset");
  g_test_message ("%s", adw_alert_dialog_get_body (alert));
  g_assert_nonnull (strstr (adw_alert_dialog_get_body (alert), backup));
  g_assert_true (g_file_test (backup, G_FILE_TEST_IS_REGULAR));
  g_assert_cmpuint (study_ui_count_reviews (), ==, 0);
  {
    g_autoptr(GError) open_error = NULL;
    g_autoptr(TeapotStore) old = teapot_store_new (backup, &open_error);
    g_autoptr(TeapotStudy) old_study = NULL;
    TeapotProgress progress = { 0 };

    g_assert_no_error (open_error);
    old_study = teapot_study_new (old);
    teapot_study_get_progress (old_study, NULL, study_ui_now_seconds (), &progress);
    g_assert_cmpuint (progress.reviews_30d, ==, 2);
    teapot_progress_clear (&progress);
  }
  /* Every count follows at once: nothing started today, three new. */
  g_assert_cmpstr (gtk_label_get_label (study_ui_study_child (fixture, "counts_label")), ==, "0 due · 3 new today");
  g_assert_true (g_str_has_prefix (adw_status_page_get_description (study_ui_flashcard_child (flashcard, "start_page")),
                                   "0 due and 3 new today."));
  adw_dialog_force_close (ADW_DIALOG (alert));
  adw_dialog_force_close (dialog);
  teapot_test_drain ();
}


int
main (int   argc,
      char *argv[])
{
  if (!teapot_test_window_init (&argc, &argv))
    return g_test_run ();

#define ADD(path, func) g_test_add (path, Fixture, NULL, study_ui_fixture_set_up, func, study_ui_fixture_tear_down)
  ADD ("/study-settings/remember", test_remember);
  ADD ("/study-settings/preferences", test_preferences);
#undef ADD

  return g_test_run ();
}
