/* test-study-ui.c
 *
 * Copyright The Teapot authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <adwaita.h>
#include <string.h>
#include <unistd.h>

#include "teapot-application.h"
#include "teapot-entry-list.h"
#include "teapot-flashcard.h"
#include "teapot-preferences-dialog.h"
#include "teapot-progress-view.h"
#include "teapot-quiz.h"
#include "teapot-review-chart.h"
#include "teapot-study-view.h"
#include "teapot-window.h"
#include "teapot-test-window.h"

/* The Study page of the real window on a real store, under Xvfb, in the test's isolated
 * XDG data directory (as tests/test-ui.c): a flashcard session and a quiz round, driven
 * by the keys they answer to, with what they schedule read back from a fresh store. */

typedef struct
{
  TeapotApplication *app;
  TeapotWindow *window;
} Fixture;



/* The window's focus widget, whether or not the X server has made the window active yet:
 * gtk_widget_has_focus() also asks the latter, which a slow run (ASan) may not have. */
static gboolean
is_focus (GtkWidget *widget)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (widget));

  return root != NULL && gtk_root_get_focus (root) == GTK_WIDGET (widget);
}

static gint64
now_seconds (void)
{
  return g_get_real_time () / G_USEC_PER_SEC;
}

static gpointer
window_child (Fixture    *fixture,
              const char *name)
{
  return gtk_widget_get_template_child (GTK_WIDGET (fixture->window), TEAPOT_TYPE_WINDOW, name);
}

static TeapotStudyView *
get_study_view (Fixture *fixture)
{
  return TEAPOT_STUDY_VIEW (window_child (fixture, "study_view"));
}

static gpointer
study_child (Fixture    *fixture,
             const char *name)
{
  return gtk_widget_get_template_child (GTK_WIDGET (get_study_view (fixture)), TEAPOT_TYPE_STUDY_VIEW, name);
}

static gpointer
flashcard_child (TeapotFlashcard *flashcard,
                 const char      *name)
{
  return gtk_widget_get_template_child (GTK_WIDGET (flashcard), TEAPOT_TYPE_FLASHCARD, name);
}

static gpointer
quiz_child (TeapotQuiz *quiz,
            const char *name)
{
  return gtk_widget_get_template_child (GTK_WIDGET (quiz), TEAPOT_TYPE_QUIZ, name);
}

static gpointer
progress_child (Fixture    *fixture,
                const char *name)
{
  return gtk_widget_get_template_child (study_child (fixture, "progress"), TEAPOT_TYPE_PROGRESS_VIEW, name);
}

static void
activate (GtkWidget  *widget,
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
static gboolean
press_key_with (GtkWidget       *widget,
                guint            keyval,
                GdkModifierType  modifiers)
{
  g_autoptr(GListModel) controllers = gtk_widget_observe_controllers (widget);
  gboolean handled = FALSE;

  g_assert_true (gtk_widget_get_mapped (widget));
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

static gboolean
press_key (GtkWidget *widget,
           guint      keyval)
{
  return press_key_with (widget, keyval, 0);
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

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  fixture->app = teapot_test_application_new ();
  fixture->window = teapot_test_window_new (fixture->app);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  reset_settings (teapot_application_get_settings (fixture->app));
  teapot_test_drain ();
  teapot_test_window_close (fixture->window, &fixture->app);
}

/* Shows the Study page on @mode ("cards", "quiz", "progress") with @deck. */
static void
show_study (Fixture    *fixture,
            const char *mode,
            const char *deck)
{
  GtkStack *mode_stack = study_child (fixture, "mode_stack");

  activate (GTK_WIDGET (fixture->window), "win.page", "study");
  g_assert_cmpstr (adw_view_stack_get_visible_child_name (window_child (fixture, "main_stack")), ==, "study");
  g_object_set (get_study_view (fixture), "deck", deck, NULL);
  activate (GTK_WIDGET (get_study_view (fixture)), "study.mode", mode);
  g_assert_cmpstr (gtk_stack_get_visible_child_name (mode_stack), ==, mode);
  teapot_test_wait_until (teapot_test_is_mapped, gtk_stack_get_visible_child (mode_stack), "the study mode to map");
}

/* A card as a fresh process would read it: another store on the same user database. */
static TeapotCard
read_card (const char *id)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(TeapotStore) store = teapot_store_new (NULL, &error);
  g_autoptr(TeapotStudy) study = NULL;

  g_assert_no_error (error);
  study = teapot_study_new (store);
  return teapot_study_get_card (study, id, now_seconds ());
}

static void
read_progress (TeapotFilter   *deck,
               TeapotProgress *progress)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(TeapotStore) store = teapot_store_new (NULL, &error);
  g_autoptr(TeapotStudy) study = NULL;

  g_assert_no_error (error);
  study = teapot_study_new (store);
  teapot_study_get_progress (study, deck, now_seconds (), progress);
}

static void
test_switch_pages (Fixture       *fixture,
                   gconstpointer  data)
{
  AdwViewStack *main_stack = window_child (fixture, "main_stack");
  GtkSearchEntry *search = teapot_entry_list_get_search_entry (window_child (fixture, "entry_list"));

  g_assert_cmpstr (adw_view_stack_get_visible_child_name (main_stack), ==, "browse");
  g_assert_true (press_key_with (GTK_WIDGET (fixture->window), GDK_KEY_3, GDK_CONTROL_MASK));
  g_assert_cmpstr (adw_view_stack_get_visible_child_name (main_stack), ==, "study");
  activate (GTK_WIDGET (fixture->window), "win.page", "browse");
  /* The hidden page never holds the focus: the window's keys would go nowhere. */
  g_assert_false (gtk_widget_is_ancestor (gtk_root_get_focus (GTK_ROOT (fixture->window)),
                                          GTK_WIDGET (get_study_view (fixture))));
  activate (GTK_WIDGET (fixture->window), "win.page", "study");
  g_assert_cmpstr (adw_view_stack_get_visible_child_name (main_stack), ==, "study");
  /* Keyboard focus lands on the page, on the flashcards' start button. */
  g_assert_true (gtk_widget_is_ancestor (gtk_root_get_focus (GTK_ROOT (fixture->window)),
                                         GTK_WIDGET (get_study_view (fixture))));

  /* Ctrl+1 (all codes) is a way back to Browse; opening an entry is another. */
  activate (GTK_WIDGET (fixture->window), "win.view", "all");
  g_assert_cmpstr (adw_view_stack_get_visible_child_name (main_stack), ==, "browse");
  /* Back on Browse, the focus has left the hidden page. */
  g_assert_false (gtk_widget_is_ancestor (gtk_root_get_focus (GTK_ROOT (fixture->window)),
                                          GTK_WIDGET (get_study_view (fixture))));
  activate (GTK_WIDGET (fixture->window), "win.page", "study");
  activate (GTK_WIDGET (fixture->window), "win.show-entry", "404");
  g_assert_cmpstr (adw_view_stack_get_visible_child_name (main_stack), ==, "browse");
  g_assert_cmpstr (teapot_entry_get_id (teapot_window_get_current_entry (fixture->window)), ==, "404");

  /* Typing on the Study page does not search Browse behind it. */
  g_assert_true (gtk_search_entry_get_key_capture_widget (search) == GTK_WIDGET (fixture->window));
  activate (GTK_WIDGET (fixture->window), "win.page", "study");
  g_assert_null (gtk_search_entry_get_key_capture_widget (search));
  /* Escape has no search to clear here, and leaves the page alone. */
  activate (GTK_WIDGET (fixture->window), "win.clear-search", NULL);
  g_assert_cmpstr (adw_view_stack_get_visible_child_name (main_stack), ==, "study");
  activate (GTK_WIDGET (fixture->window), "win.page", "browse");
  g_assert_true (gtk_search_entry_get_key_capture_widget (search) == GTK_WIDGET (fixture->window));

  /* Ctrl+F searches Browse, from Study too. */
  activate (GTK_WIDGET (fixture->window), "win.page", "study");
  activate (GTK_WIDGET (fixture->window), "win.search", NULL);
  g_assert_cmpstr (adw_view_stack_get_visible_child_name (main_stack), ==, "browse");
  g_assert_true (is_focus (GTK_WIDGET (search)) || gtk_widget_is_ancestor (
                   gtk_root_get_focus (GTK_ROOT (fixture->window)), GTK_WIDGET (search)));
}

static void
test_flashcards (Fixture       *fixture,
                 gconstpointer  data)
{
  TeapotFlashcard *flashcard = study_child (fixture, "flashcard");
  GtkStack *stack = flashcard_child (flashcard, "stack");
  TeapotFilter deck = { .class_digit = 1 };
  g_autoptr(TeapotEntry) first = NULL;
  g_autofree char *summary = NULL;
  g_autoptr(GPtrArray) queue = NULL;
  guint n_graded = 0;
  guint n_cards;
  TeapotCard card;

  show_study (fixture, "cards", "class:1");
  g_assert_cmpstr (gtk_stack_get_visible_child_name (stack), ==, "start");
  g_assert_true (gtk_widget_get_sensitive (flashcard_child (flashcard, "start_button")));
  /* Keys mean nothing before a card is on display. */
  g_assert_false (press_key (GTK_WIDGET (flashcard), GDK_KEY_space));
  g_assert_false (press_key (GTK_WIDGET (flashcard), GDK_KEY_3));

  activate (GTK_WIDGET (flashcard), "flashcard.start", NULL);
  g_assert_cmpstr (gtk_stack_get_visible_child_name (stack), ==, "card");
  first = g_object_ref (teapot_flashcard_get_current (flashcard));
  g_assert_cmpuint (teapot_entry_get_code (first) / 100, ==, 1);
  queue = teapot_study_queue (teapot_study_view_get_study (get_study_view (fixture)), &deck, now_seconds (), 20, 60);
  n_cards = queue->len;
  g_assert_cmpuint (n_cards, >, 1);

  /* A new card: the grade buttons say when it would come back (learning steps 1 and 10 min). */
  g_assert_cmpstr (gtk_label_get_label (flashcard_child (flashcard, "again_interval")), ==, "1 min");
  g_assert_cmpstr (gtk_label_get_label (flashcard_child (flashcard, "good_interval")), ==, "10 min");
  g_assert_true (g_str_has_suffix (gtk_label_get_label (flashcard_child (flashcard, "easy_interval")), " d"));

  /* The answer is hidden until Space. */
  g_assert_false (gtk_widget_get_visible (flashcard_child (flashcard, "answer_box")));
  g_assert_false (press_key (GTK_WIDGET (flashcard), GDK_KEY_3));
  g_assert_true (press_key (GTK_WIDGET (flashcard), GDK_KEY_space));
  g_assert_true (gtk_widget_get_visible (flashcard_child (flashcard, "answer_box")));
  g_assert_true (gtk_widget_get_visible (flashcard_child (flashcard, "grade_box")));
  g_assert_cmpstr (gtk_label_get_label (flashcard_child (flashcard, "answer_title_label")), ==,
                   teapot_entry_get_phrase (first));
  /* Space again is the focused button's (Anki's habit: Good), not a second reveal. */
  g_assert_false (press_key (GTK_WIDGET (flashcard), GDK_KEY_space));

  /* 1: Again. The card comes back at the end of the session. */
  g_assert_true (press_key (GTK_WIDGET (flashcard), GDK_KEY_1));
  n_graded++;
  g_assert_false (teapot_flashcard_get_current (flashcard) == first);
  g_assert_false (gtk_widget_get_visible (flashcard_child (flashcard, "answer_box")));

  /* The reverse direction turns the card over: the meaning asks for the code. */
  activate (GTK_WIDGET (flashcard), "flashcard.direction", "reverse");
  g_assert_false (gtk_widget_get_visible (flashcard_child (flashcard, "prompt_code_label")));
  g_assert_cmpstr (gtk_label_get_label (flashcard_child (flashcard, "prompt_text_label")), ==,
                   teapot_entry_get_summary (teapot_flashcard_get_current (flashcard)));

  /* The rest: Good (3) on the number row and the keypad. */
  while (teapot_flashcard_get_current (flashcard) != NULL)
    {
      g_assert_true (press_key (GTK_WIDGET (flashcard), GDK_KEY_space));
      g_assert_true (press_key (GTK_WIDGET (flashcard), n_graded % 2 ? GDK_KEY_3 : GDK_KEY_KP_3));
      n_graded++;
      g_assert_cmpuint (n_graded, <=, n_cards + 1);
    }
  g_assert_cmpuint (n_graded, ==, n_cards + 1);

  /* The summary counts every grade. */
  g_assert_cmpstr (gtk_stack_get_visible_child_name (stack), ==, "summary");
  summary = g_strdup_printf ("%u cards reviewed: 1 again, 0 hard, %u good, 0 easy", n_graded, n_graded - 1);
  g_assert_cmpstr (adw_status_page_get_description (flashcard_child (flashcard, "summary_page")), ==, summary);
  g_assert_true (is_focus (flashcard_child (flashcard, "done_button")));

  /* Written through: Again then Good for the first card, Good for the others. */
  card = read_card (teapot_entry_get_id (first));
  g_assert_cmpuint (card.reps, ==, 2);
  g_assert_cmpint (card.state, !=, TEAPOT_CARD_NEW);
  g_assert_cmpint (card.last_review, >, 0);
  {
    TeapotProgress progress = { 0 };

    read_progress (&deck, &progress);
    g_assert_cmpuint (progress.reviews_30d, ==, n_graded);
    g_assert_cmpuint (progress.reviews_per_day[29], ==, n_graded);
    g_assert_cmpuint (progress.correct_per_day[29], ==, n_graded - 1);
    teapot_progress_clear (&progress);
  }

  /* The deck's counts follow: every card learned, none new. */
  g_assert_true (g_str_has_suffix (gtk_label_get_label (study_child (fixture, "counts_label")), " 0 new today"));
  activate (GTK_WIDGET (flashcard), "flashcard.finish", NULL);
  g_assert_cmpstr (gtk_stack_get_visible_child_name (stack), ==, "start");
}

static void
answer_with_key (TeapotQuiz *quiz,
                 guint       option)
{
  g_assert_true (press_key (GTK_WIDGET (quiz), GDK_KEY_1 + option));
}

static void
test_quiz (Fixture       *fixture,
           gconstpointer  data)
{
  TeapotQuiz *quiz = study_child (fixture, "quiz");
  GtkStack *stack = quiz_child (quiz, "stack");
  TeapotFilter deck = { .class_digit = 4 };
  TeapotProgress progress = { 0 };
  g_autoptr(TeapotEntry) right = NULL;
  g_autoptr(TeapotEntry) wrong = NULL;
  guint correct, answered, streak;
  guint answer;
  TeapotCard card;

  show_study (fixture, "quiz", "class:4");
  g_assert_cmpstr (gtk_stack_get_visible_child_name (stack), ==, "start");
  activate (GTK_WIDGET (quiz), "quiz.start", NULL);
  g_assert_cmpstr (gtk_stack_get_visible_child_name (stack), ==, "question");

  /* Four options, one of them right, all of the same deck's world. */
  for (guint i = 1; i <= 4; i++)
    {
      g_autofree char *name = g_strdup_printf ("option_button_%u", i);

      g_assert_true (gtk_widget_get_visible (quiz_child (quiz, name)));
    }

  /* Right, with the key of the right option. */
  right = g_object_ref (teapot_quiz_get_entry (quiz));
  answer = teapot_quiz_get_answer (quiz);
  g_assert_cmpuint (answer, <, 4);
  answer_with_key (quiz, answer);
  teapot_quiz_get_score (quiz, &correct, &answered, &streak);
  g_assert_cmpuint (correct, ==, 1);
  g_assert_cmpuint (answered, ==, 1);
  g_assert_cmpuint (streak, ==, 1);
  g_assert_cmpstr (gtk_label_get_label (quiz_child (quiz, "score_label")), ==, "Score 1/1");
  g_assert_cmpstr (gtk_label_get_label (quiz_child (quiz, "streak_label")), ==, "Streak 1");
  {
    g_autofree char *name = g_strdup_printf ("option_button_%u", answer + 1);

    g_assert_true (gtk_widget_has_css_class (quiz_child (quiz, name), "quiz-right"));
  }
  /* Answered: the digits are free again, Next has the focus. */
  g_assert_false (press_key (GTK_WIDGET (quiz), GDK_KEY_1 + (answer + 1) % 4));
  g_assert_true (is_focus (quiz_child (quiz, "next_button")));
  card = read_card (teapot_entry_get_id (right));
  g_assert_cmpuint (card.reps, ==, 1);
  g_assert_cmpuint (card.lapses, ==, 0);

  /* Wrong: the streak ends, the right option is shown. */
  activate (GTK_WIDGET (quiz), "quiz.next", NULL);
  wrong = g_object_ref (teapot_quiz_get_entry (quiz));
  g_assert_cmpstr (teapot_entry_get_id (wrong), !=, teapot_entry_get_id (right));
  answer = teapot_quiz_get_answer (quiz);
  answer_with_key (quiz, (answer + 1) % 4);
  teapot_quiz_get_score (quiz, &correct, &answered, &streak);
  g_assert_cmpuint (correct, ==, 1);
  g_assert_cmpuint (answered, ==, 2);
  g_assert_cmpuint (streak, ==, 0);
  g_assert_cmpstr (gtk_label_get_label (quiz_child (quiz, "score_label")), ==, "Score 1/2");
  g_assert_true (g_str_has_prefix (gtk_label_get_label (quiz_child (quiz, "feedback_label")), "Not quite"));

  /* Both graded into the schedule: Good and Again. */
  read_progress (&deck, &progress);
  g_assert_cmpuint (progress.reviews_30d, ==, 2);
  g_assert_cmpfloat_with_epsilon (progress.retention_30d, 0.5, 1e-9);
  g_assert_nonnull (progress.most_missed);
  g_assert_cmpuint (progress.most_missed->len, >=, 1);
  g_assert_cmpstr (teapot_entry_get_id (g_ptr_array_index (progress.most_missed, 0)), ==,
                   teapot_entry_get_id (wrong));
  teapot_progress_clear (&progress);
  card = read_card (teapot_entry_get_id (wrong));
  g_assert_cmpuint (card.reps, ==, 1);
  g_assert_cmpint (card.state, !=, TEAPOT_CARD_NEW);

  /* The rest of the round, right each time, to the summary. */
  while (teapot_quiz_get_entry (quiz) != NULL)
    {
      activate (GTK_WIDGET (quiz), "quiz.next", NULL);
      if (teapot_quiz_get_entry (quiz) == NULL)
        break;
      answer_with_key (quiz, teapot_quiz_get_answer (quiz));
    }
  g_assert_cmpstr (gtk_stack_get_visible_child_name (stack), ==, "summary");
  teapot_quiz_get_score (quiz, &correct, &answered, &streak);
  g_assert_cmpuint (answered, ==, 10);
  g_assert_cmpuint (correct, ==, 9);
  g_assert_cmpuint (streak, ==, 8);
  g_assert_cmpstr (adw_status_page_get_description (quiz_child (quiz, "summary_page")), ==,
                   "9 of 10 answers right. Best streak: 8.");
  activate (GTK_WIDGET (quiz), "quiz.start", NULL);
  g_assert_cmpstr (gtk_stack_get_visible_child_name (stack), ==, "question");
}

static void
test_progress (Fixture       *fixture,
               gconstpointer  data)
{
  TeapotStudyView *view = get_study_view (fixture);
  TeapotStudy *study = teapot_study_view_get_study (view);
  GtkListBox *missed;
  GtkListBoxRow *row;
  gint64 now = now_seconds ();
  g_autoptr(GError) error = NULL;

  /* Two reviews today: 503 forgotten, 500 remembered. */
  g_assert_true (teapot_study_record_review (study, "503", TEAPOT_RATING_AGAIN, now, &error));
  g_assert_no_error (error);
  g_assert_true (teapot_study_record_review (study, "500", TEAPOT_RATING_GOOD, now, &error));
  g_assert_no_error (error);

  show_study (fixture, "progress", "class:5");
  /* Learned: 500 only; 503 was failed. */
  g_assert_cmpstr (gtk_label_get_label (progress_child (fixture, "learned_label")),
                   ==, "1");
  g_assert_cmpstr (gtk_label_get_label (progress_child (fixture, "retention_label")),
                   ==, "50 %");
  g_assert_cmpuint (teapot_review_chart_get_max (progress_child (fixture, "chart")),
                    ==, 2);

  /* The code missed most opens in Browse. */
  missed = progress_child (fixture, "missed_list");
  row = gtk_list_box_get_row_at_index (missed, 0);
  g_assert_nonnull (row);
  g_assert_null (gtk_list_box_get_row_at_index (missed, 1));
  g_assert_cmpstr (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (row)), ==, "503 Service Unavailable");
  g_signal_emit_by_name (row, "activate");
  teapot_test_drain ();
  g_assert_cmpstr (adw_view_stack_get_visible_child_name (window_child (fixture, "main_stack")), ==, "browse");
  g_assert_cmpstr (teapot_entry_get_id (teapot_window_get_current_entry (fixture->window)), ==, "503");

  /* Another deck, another count; favourites start empty. */
  activate (GTK_WIDGET (fixture->window), "win.page", "study");
  g_object_set (view, "deck", "favourites", NULL);
  teapot_test_drain ();
  g_assert_cmpstr (gtk_label_get_label (progress_child (fixture, "learned_label")),
                   ==, "0");
  g_assert_null (gtk_list_box_get_row_at_index (missed, 0));
}

static void
test_interval_format (void)
{
  const struct { gint64 seconds; const char *text; } cases[] = {
    { 0, "1 min" }, { 60, "1 min" }, { 600, "10 min" }, { 3599, "1 h" }, { 29 * 60, "29 min" }, { 3600, "1 h" },
    { 5 * 3600, "5 h" }, { 86400, "1 d" }, { 2 * 86400, "2 d" }, { 29 * 86400, "29 d" },
    { 90 * 86400, "3 mo" }, { 400 * 86400, "1.1 y" }, { 36500LL * 86400, "99.9 y" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *text = teapot_flashcard_format_interval (cases[i].seconds);

      g_assert_cmpstr (text, ==, cases[i].text);
    }
}

static gboolean
is_narrow (gpointer data)
{
  return gtk_widget_get_width (data) <= 360;
}

static void
test_narrow (Fixture       *fixture,
             gconstpointer  data)
{
  GtkWidget *view = GTK_WIDGET (get_study_view (fixture));
  TeapotQuiz *quiz = study_child (fixture, "quiz");

  show_study (fixture, "quiz", "iana");
  activate (GTK_WIDGET (quiz), "quiz.start", NULL);
  gtk_window_set_default_size (GTK_WINDOW (fixture->window), 360, 640);
  teapot_test_wait_until (is_narrow, fixture->window, "the window to narrow");
  teapot_test_drain ();
  /* Everything fits: the page is not wider than the window. */
  g_assert_cmpint (gtk_widget_get_width (view), <=, 360);
  g_assert_true (gtk_widget_get_mapped (quiz_child (quiz, "option_button_1")));
}

/* Reviews in the log, read as a fresh process would. */
static guint
count_reviews (void)
{
  TeapotProgress progress = { 0 };
  guint reviews;

  read_progress (NULL, &progress);
  reviews = progress.reviews_30d;
  teapot_progress_clear (&progress);
  return reviews;
}

static guint
quiz_answered (TeapotQuiz *quiz)
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
static gboolean
press_enter (Fixture *fixture)
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

static void
assert_no_option_focused (TeapotQuiz *quiz)
{
  for (guint i = 1; i <= 4; i++)
    {
      g_autofree char *name = g_strdup_printf ("option_button_%u", i);

      g_assert_false (is_focus (quiz_child (quiz, name)));
    }
}

/* The quiz starts deliberately, and no stray key records a review: Alt+Q then Enter starts
 * a round and answers nothing; Enter on a new question does nothing; digits with Alt or
 * Ctrl are not answers; a digit answers once. */
static void
test_quiz_keys (Fixture       *fixture,
                gconstpointer  data)
{
  TeapotQuiz *quiz = study_child (fixture, "quiz");
  GtkStack *stack = quiz_child (quiz, "stack");
  GtkWidget *view = GTK_WIDGET (get_study_view (fixture));

  show_study (fixture, "cards", "class:4");
  /* Alt+Q: the Quiz button's mnemonic, which sets the mode. */
  activate (view, "study.mode", "quiz");
  g_assert_cmpstr (gtk_stack_get_visible_child_name (stack), ==, "start");
  g_assert_true (is_focus (quiz_child (quiz, "start_button")));
  g_assert_false (press_key (GTK_WIDGET (quiz), GDK_KEY_1));  /* no question yet */

  /* Enter: the round starts, and that is all. */
  g_assert_true (press_enter (fixture));
  g_assert_cmpstr (gtk_stack_get_visible_child_name (stack), ==, "question");
  g_assert_true (is_focus (quiz_child (quiz, "question_card")));
  assert_no_option_focused (quiz);
  g_assert_false (press_enter (fixture));
  g_assert_false (press_key_with (GTK_WIDGET (quiz), GDK_KEY_1, GDK_ALT_MASK));
  g_assert_false (press_key_with (GTK_WIDGET (quiz), GDK_KEY_2, GDK_CONTROL_MASK));
  g_assert_cmpuint (quiz_answered (quiz), ==, 0);
  g_assert_cmpuint (count_reviews (), ==, 0);

  /* Away and back (Alt+C, Alt+Q): the question waits, with the focus on it again. */
  activate (view, "study.mode", "cards");
  activate (view, "study.mode", "quiz");
  g_assert_cmpstr (gtk_stack_get_visible_child_name (stack), ==, "question");
  g_assert_true (is_focus (quiz_child (quiz, "question_card")));
  g_assert_false (press_enter (fixture));
  g_assert_cmpuint (count_reviews (), ==, 0);

  /* A digit answers, once. */
  answer_with_key (quiz, 1);
  g_assert_false (press_key (GTK_WIDGET (quiz), GDK_KEY_2));
  g_assert_cmpuint (quiz_answered (quiz), ==, 1);
  g_assert_cmpuint (count_reviews (), ==, 1);

  /* Enter goes on (Next has the focus), and the new question has it, not an option. */
  g_assert_true (is_focus (quiz_child (quiz, "next_button")));
  g_assert_true (press_enter (fixture));
  g_assert_true (is_focus (quiz_child (quiz, "question_card")));
  g_assert_false (press_enter (fixture));
  g_assert_cmpuint (count_reviews (), ==, 1);

  /* Chosen deliberately: Tab to the first option, then Enter. */
  g_assert_true (gtk_widget_child_focus (GTK_WIDGET (fixture->window), GTK_DIR_TAB_FORWARD));
  g_assert_true (is_focus (quiz_child (quiz, "option_button_1")));
  g_assert_true (press_enter (fixture));
  g_assert_cmpuint (quiz_answered (quiz), ==, 2);
  g_assert_cmpuint (count_reviews (), ==, 2);

  /* Another deck ends the round: the start page again, nothing recorded. */
  g_object_set (view, "deck", "class:5", NULL);
  teapot_test_drain ();
  g_assert_cmpstr (gtk_stack_get_visible_child_name (stack), ==, "start");
  g_assert_true (is_focus (quiz_child (quiz, "start_button")));
  g_assert_cmpuint (count_reviews (), ==, 2);
}

typedef struct
{
  TeapotQuiz *quiz;
  guint answered;
} Answered;

static gboolean
has_answered (gpointer data)
{
  Answered *answered = data;

  return quiz_answered (answered->quiz) >= answered->answered;
}

static gboolean
has_focus_now (gpointer data)
{
  return is_focus (data);
}

/* Laid out at its real size: Tab orders widgets by where they are, and a page just shown
 * has not been allocated until the next frame. */
static gboolean
is_laid_out (gpointer data)
{
  return gtk_widget_get_width (data) > 100;
}

/* Types @keys (xdotool key names, space-separated) into the window through the X server, as
 * a person would. The test goes on once the effect of the last key shows. */
static void
type_keys (Fixture    *fixture,
           const char *keys)
{
  /* The window is found by process: GDK's X11 calls are deprecated, and one test window is
   * on screen at a time. */
  g_autofree char *command = g_strdup_printf ("xdotool search --sync --onlyvisible --pid %d --name . windowfocus --sync"
                                              " key --delay 30 %s", (int) getpid (), keys);
  g_auto(GStrv) argv = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  int status;

  g_assert_true (g_shell_parse_argv (command, NULL, &argv, &error));
  g_assert_true (g_spawn_sync (NULL, argv, NULL, G_SPAWN_SEARCH_PATH, NULL, NULL, &out, &err, &status, &error));
  g_assert_no_error (error);
  if (!g_spawn_check_wait_status (status, NULL))
    g_error ("%s failed: %s%s", command, out, err);
}

/* The same rules with real key presses from the X server (xdotool): the mnemonic, GTK's
 * own Enter and Space handling, the shortcut controller's modifier matching. Each step
 * waits for a key whose effect shows (Tab moving the focus, an answer counted): the keys
 * before it have been handled by then, so the counts checked after are not early. */
static void
test_quiz_keys_x11 (Fixture       *fixture,
                    gconstpointer  data)
{
  TeapotQuiz *quiz = study_child (fixture, "quiz");
  g_autofree char *xdotool = g_find_program_in_path ("xdotool");
  Answered answered = { quiz, 1 };

  if (xdotool == NULL || g_strcmp0 (g_getenv ("GDK_BACKEND"), "x11") != 0)
    {
      g_test_skip ("needs xdotool and an X11 display");
      return;
    }

  show_study (fixture, "cards", "class:4");
  type_keys (fixture, "alt+q");
  teapot_test_wait_until (has_focus_now, quiz_child (quiz, "start_button"), "Alt+Q to show the quiz");
  type_keys (fixture, "Return");
  teapot_test_wait_until (has_focus_now, quiz_child (quiz, "question_card"), "Enter to start the quiz");
  assert_no_option_focused (quiz);
  teapot_test_wait_until (is_laid_out, quiz_child (quiz, "question_card"), "the question to be laid out");

  /* Stray keys, then Tab: onto the first option. */
  /* Alt+1 is Browse's class filter (a setting: see reset_settings()); the quiz's own
   * rules for it are tested in test_quiz_keys(). */
  type_keys (fixture, "Return space KP_Enter alt+KP_2 ctrl+KP_3 shift+3 Tab");
  teapot_test_wait_until (has_focus_now, quiz_child (quiz, "option_button_1"), "Tab to reach an option");
  g_assert_cmpuint (quiz_answered (quiz), ==, 0);
  g_assert_cmpuint (count_reviews (), ==, 0);

  /* Enter on an option reached on purpose answers it. */
  type_keys (fixture, "Return");
  teapot_test_wait_until (has_answered, &answered, "Enter to answer");
  g_assert_cmpuint (count_reviews (), ==, 1);

  /* More digits are not more answers; Enter goes on; a digit answers the next question. */
  type_keys (fixture, "2 3 Return");
  teapot_test_wait_until (has_focus_now, quiz_child (quiz, "question_card"), "Enter for the next question");
  g_assert_cmpuint (quiz_answered (quiz), ==, 1);
  type_keys (fixture, "Return space 3");
  answered.answered = 2;
  teapot_test_wait_until (has_answered, &answered, "3 to answer");
  g_assert_cmpuint (count_reviews (), ==, 2);
}

static guint
deck_position (Fixture    *fixture,
               const char *name)
{
  GListModel *names = gtk_drop_down_get_model (study_child (fixture, "deck_dropdown"));

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
  GtkDropDown *decks = study_child (fixture, "deck_dropdown");
  guint server = deck_position (fixture, "5xx Server error");
  g_autofree char *deck = NULL;
  g_autofree char *direction = NULL;
  guint per_day;

  show_study (fixture, "cards", "iana");
  gtk_drop_down_set_selected (decks, server);
  activate (study_child (fixture, "flashcard"), "flashcard.direction", "reverse");
  g_object_set (get_study_view (fixture), "new-cards-per-day", 7, NULL);
  g_assert_cmpstr (g_settings_get_string (teapot_application_get_settings (fixture->app), "study-deck"), ==,
                   "class:5");

  restart (fixture);
  decks = study_child (fixture, "deck_dropdown");
  g_object_get (get_study_view (fixture), "deck", &deck, "direction", &direction, "new-cards-per-day", &per_day, NULL);
  g_assert_cmpstr (deck, ==, "class:5");
  g_assert_cmpuint (gtk_drop_down_get_selected (decks), ==, server);
  g_assert_cmpstr (direction, ==, "reverse");
  g_clear_pointer (&direction, g_free);
  g_object_get (study_child (fixture, "flashcard"), "direction", &direction, NULL);
  g_assert_cmpstr (direction, ==, "reverse");
  g_assert_cmpuint (per_day, ==, 7);
  g_assert_cmpstr (gtk_label_get_label (study_child (fixture, "counts_label")), ==, "0 due · 7 new today");
  /* The order of new cards is the user's, chosen once and kept. */
  g_assert_cmpuint (g_settings_get_uint (teapot_application_get_settings (fixture->app), "study-seed"), !=, 0);
  g_assert_cmpuint (teapot_study_get_seed (teapot_study_view_get_study (get_study_view (fixture))), ==,
                    g_settings_get_uint (teapot_application_get_settings (fixture->app), "study-seed"));

  g_settings_set_string (teapot_application_get_settings (fixture->app), "study-deck", "tag:no-such-vendor");
  restart (fixture);
  g_clear_pointer (&deck, g_free);
  g_object_get (get_study_view (fixture), "deck", &deck, NULL);
  g_assert_cmpstr (deck, ==, "iana");
  g_assert_cmpuint (gtk_drop_down_get_selected (study_child (fixture, "deck_dropdown")), ==, 0);
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
  TeapotStudyView *view = get_study_view (fixture);
  TeapotStudy *study = teapot_study_view_get_study (view);
  TeapotFlashcard *flashcard = study_child (fixture, "flashcard");
  GSettings *settings = teapot_application_get_settings (fixture->app);
  gint64 now = now_seconds ();
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
  show_study (fixture, "progress", "iana");
  g_assert_cmpstr (gtk_label_get_label (progress_child (fixture, "learned_label")), ==, "1");

  activate (GTK_WIDGET (fixture->window), "win.preferences", NULL);
  teapot_test_wait_until (has_dialog, fixture->window, "the preferences");
  dialog = adw_application_window_get_visible_dialog (ADW_APPLICATION_WINDOW (fixture->window));
  g_assert_true (TEAPOT_IS_PREFERENCES_DIALOG (dialog));
  new_cards_row = (AdwSpinRow *) gtk_widget_get_template_child (GTK_WIDGET (dialog), TEAPOT_TYPE_PREFERENCES_DIALOG, "new_cards_row");
  g_assert_cmpfloat (adw_spin_row_get_value (new_cards_row), ==, 20);
  adw_spin_row_set_value (new_cards_row, 3);
  teapot_test_drain ();
  g_assert_cmpuint (g_settings_get_uint (settings, "new-cards-per-day"), ==, 3);
  /* The limit less the two started: one more today, in the header and on the start page. */
  g_assert_cmpstr (gtk_label_get_label (study_child (fixture, "counts_label")), ==, "0 due · 1 new today");
  g_assert_true (g_str_has_prefix (adw_status_page_get_description (flashcard_child (flashcard, "start_page")),
                                   "0 due and 1 new today."));

  /* Reset, cancelled (Escape, or the default response): nothing happens. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (dialog), "preferences.reset-progress", NULL));
  alert = wait_for_alert (fixture, "Reset Study Progress?");
  g_assert_cmpstr (adw_alert_dialog_get_default_response (alert), ==, "cancel");
  g_assert_cmpstr (adw_alert_dialog_get_close_response (alert), ==, "cancel");
  g_assert_true (adw_dialog_close (ADW_DIALOG (alert)));
  teapot_test_drain ();
  g_assert_cmpuint (count_reviews (), ==, 2);
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
  g_assert_cmpuint (count_reviews (), ==, 0);
  {
    g_autoptr(GError) open_error = NULL;
    g_autoptr(TeapotStore) old = teapot_store_new (backup, &open_error);
    g_autoptr(TeapotStudy) old_study = NULL;
    TeapotProgress progress = { 0 };

    g_assert_no_error (open_error);
    old_study = teapot_study_new (old);
    teapot_study_get_progress (old_study, NULL, now_seconds (), &progress);
    g_assert_cmpuint (progress.reviews_30d, ==, 2);
    teapot_progress_clear (&progress);
  }
  /* Every count follows at once: nothing started today, three new. */
  g_assert_cmpstr (gtk_label_get_label (study_child (fixture, "counts_label")), ==, "0 due · 3 new today");
  g_assert_true (g_str_has_prefix (adw_status_page_get_description (flashcard_child (flashcard, "start_page")),
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

  g_test_add_func ("/study-ui/interval-format", test_interval_format);
#define ADD(path, func) g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)
  ADD ("/study-ui/switch-pages", test_switch_pages);
  ADD ("/study-ui/flashcards", test_flashcards);
  ADD ("/study-ui/quiz", test_quiz);
  ADD ("/study-ui/progress", test_progress);
  ADD ("/study-ui/narrow", test_narrow);
  ADD ("/study-ui/quiz-keys", test_quiz_keys);
  ADD ("/study-ui/quiz-keys-x11", test_quiz_keys_x11);
  ADD ("/study-ui/remember", test_remember);
  ADD ("/study-ui/preferences", test_preferences);
#undef ADD

  return g_test_run ();
}
