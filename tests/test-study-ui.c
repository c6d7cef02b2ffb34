/* test-study-ui.c
 *
 * Copyright The Teapot authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include "study-ui-util.h"
#include "teapot-test-window.h"
#include "teapot-entry-list.h"
#include "teapot-review-chart.h"

/* The Study page of the real window on a real store, under Xvfb, in the test's isolated
 * XDG data directory (as tests/test-ui.c): a flashcard session and a quiz round, driven
 * by the keys they answer to, with what they schedule read back from a fresh store. */

static void
test_switch_pages (Fixture       *fixture,
                   gconstpointer  data)
{
  AdwViewStack *main_stack = study_ui_window_child (fixture, "main_stack");
  GtkSearchEntry *search = teapot_entry_list_get_search_entry (study_ui_window_child (fixture, "entry_list"));

  g_assert_cmpstr (adw_view_stack_get_visible_child_name (main_stack), ==, "browse");
  g_assert_true (study_ui_press_key_with (GTK_WIDGET (fixture->window), GDK_KEY_3, GDK_CONTROL_MASK));
  g_assert_cmpstr (adw_view_stack_get_visible_child_name (main_stack), ==, "study");
  study_ui_activate (GTK_WIDGET (fixture->window), "win.page", "browse");
  /* The hidden page never holds the focus: the window's keys would go nowhere. */
  g_assert_false (gtk_widget_is_ancestor (gtk_root_get_focus (GTK_ROOT (fixture->window)),
                                          GTK_WIDGET (study_ui_get_study_view (fixture))));
  study_ui_activate (GTK_WIDGET (fixture->window), "win.page", "study");
  g_assert_cmpstr (adw_view_stack_get_visible_child_name (main_stack), ==, "study");
  /* Keyboard focus lands on the page, on the flashcards' start button. */
  g_assert_true (gtk_widget_is_ancestor (gtk_root_get_focus (GTK_ROOT (fixture->window)),
                                         GTK_WIDGET (study_ui_get_study_view (fixture))));

  /* Ctrl+1 (all codes) is a way back to Browse; opening an entry is another. */
  study_ui_activate (GTK_WIDGET (fixture->window), "win.view", "all");
  g_assert_cmpstr (adw_view_stack_get_visible_child_name (main_stack), ==, "browse");
  /* Back on Browse, the focus has left the hidden page. */
  g_assert_false (gtk_widget_is_ancestor (gtk_root_get_focus (GTK_ROOT (fixture->window)),
                                          GTK_WIDGET (study_ui_get_study_view (fixture))));
  study_ui_activate (GTK_WIDGET (fixture->window), "win.page", "study");
  study_ui_activate (GTK_WIDGET (fixture->window), "win.show-entry", "404");
  g_assert_cmpstr (adw_view_stack_get_visible_child_name (main_stack), ==, "browse");
  g_assert_cmpstr (teapot_entry_get_id (teapot_window_get_current_entry (fixture->window)), ==, "404");

  /* Typing on the Study page does not search Browse behind it. */
  g_assert_true (gtk_search_entry_get_key_capture_widget (search) == GTK_WIDGET (fixture->window));
  study_ui_activate (GTK_WIDGET (fixture->window), "win.page", "study");
  g_assert_null (gtk_search_entry_get_key_capture_widget (search));
  /* Escape has no search to clear here, and leaves the page alone. */
  study_ui_activate (GTK_WIDGET (fixture->window), "win.clear-search", NULL);
  g_assert_cmpstr (adw_view_stack_get_visible_child_name (main_stack), ==, "study");
  study_ui_activate (GTK_WIDGET (fixture->window), "win.page", "browse");
  g_assert_true (gtk_search_entry_get_key_capture_widget (search) == GTK_WIDGET (fixture->window));

  /* Ctrl+F searches Browse, from Study too. */
  study_ui_activate (GTK_WIDGET (fixture->window), "win.page", "study");
  study_ui_activate (GTK_WIDGET (fixture->window), "win.search", NULL);
  g_assert_cmpstr (adw_view_stack_get_visible_child_name (main_stack), ==, "browse");
  g_assert_true (study_ui_is_focus (GTK_WIDGET (search)) || gtk_widget_is_ancestor (
                   gtk_root_get_focus (GTK_ROOT (fixture->window)), GTK_WIDGET (search)));
}

static void
test_flashcards (Fixture       *fixture,
                 gconstpointer  data)
{
  TeapotFlashcard *flashcard = study_ui_study_child (fixture, "flashcard");
  GtkStack *stack = study_ui_flashcard_child (flashcard, "stack");
  TeapotFilter deck = { .class_digit = 1 };
  g_autoptr(TeapotEntry) first = NULL;
  g_autofree char *summary = NULL;
  g_autoptr(GPtrArray) queue = NULL;
  guint n_graded = 0;
  guint n_cards;
  TeapotCard card;

  study_ui_show_study (fixture, "cards", "class:1");
  g_assert_cmpstr (gtk_stack_get_visible_child_name (stack), ==, "start");
  g_assert_true (gtk_widget_get_sensitive (study_ui_flashcard_child (flashcard, "start_button")));
  /* Keys mean nothing before a card is on display. */
  g_assert_false (study_ui_press_key (GTK_WIDGET (flashcard), GDK_KEY_space));
  g_assert_false (study_ui_press_key (GTK_WIDGET (flashcard), GDK_KEY_3));

  study_ui_activate (GTK_WIDGET (flashcard), "flashcard.start", NULL);
  g_assert_cmpstr (gtk_stack_get_visible_child_name (stack), ==, "card");
  first = g_object_ref (teapot_flashcard_get_current (flashcard));
  g_assert_cmpuint (teapot_entry_get_code (first) / 100, ==, 1);
  queue = teapot_study_queue (teapot_study_view_get_study (study_ui_get_study_view (fixture)), &deck, study_ui_now_seconds (), 20, 60);
  n_cards = queue->len;
  g_assert_cmpuint (n_cards, >, 1);

  /* A new card: the grade buttons say when it would come back (learning steps 1 and 10 min). */
  g_assert_cmpstr (gtk_label_get_label (study_ui_flashcard_child (flashcard, "again_interval")), ==, "1 min");
  g_assert_cmpstr (gtk_label_get_label (study_ui_flashcard_child (flashcard, "good_interval")), ==, "10 min");
  g_assert_true (g_str_has_suffix (gtk_label_get_label (study_ui_flashcard_child (flashcard, "easy_interval")), " d"));

  /* The answer is hidden until Space. */
  g_assert_false (gtk_widget_get_visible (study_ui_flashcard_child (flashcard, "answer_box")));
  g_assert_false (study_ui_press_key (GTK_WIDGET (flashcard), GDK_KEY_3));
  g_assert_true (study_ui_press_key (GTK_WIDGET (flashcard), GDK_KEY_space));
  g_assert_true (gtk_widget_get_visible (study_ui_flashcard_child (flashcard, "answer_box")));
  g_assert_true (gtk_widget_get_visible (study_ui_flashcard_child (flashcard, "grade_box")));
  g_assert_cmpstr (gtk_label_get_label (study_ui_flashcard_child (flashcard, "answer_title_label")), ==,
                   teapot_entry_get_phrase (first));
  /* Space again is the focused button's (Anki's habit: Good), not a second reveal. */
  g_assert_false (study_ui_press_key (GTK_WIDGET (flashcard), GDK_KEY_space));

  /* 1: Again. The card comes back at the end of the session. */
  g_assert_true (study_ui_press_key (GTK_WIDGET (flashcard), GDK_KEY_1));
  n_graded++;
  g_assert_false (teapot_flashcard_get_current (flashcard) == first);
  g_assert_false (gtk_widget_get_visible (study_ui_flashcard_child (flashcard, "answer_box")));

  /* The reverse direction turns the card over: the meaning asks for the code. */
  study_ui_activate (GTK_WIDGET (flashcard), "flashcard.direction", "reverse");
  g_assert_false (gtk_widget_get_visible (study_ui_flashcard_child (flashcard, "prompt_code_label")));
  g_assert_cmpstr (gtk_label_get_label (study_ui_flashcard_child (flashcard, "prompt_text_label")), ==,
                   teapot_entry_get_summary (teapot_flashcard_get_current (flashcard)));

  /* The rest: Good (3) on the number row and the keypad. */
  while (teapot_flashcard_get_current (flashcard) != NULL)
    {
      g_assert_true (study_ui_press_key (GTK_WIDGET (flashcard), GDK_KEY_space));
      g_assert_true (study_ui_press_key (GTK_WIDGET (flashcard), n_graded % 2 ? GDK_KEY_3 : GDK_KEY_KP_3));
      n_graded++;
      g_assert_cmpuint (n_graded, <=, n_cards + 1);
    }
  g_assert_cmpuint (n_graded, ==, n_cards + 1);

  /* The summary counts every grade. */
  g_assert_cmpstr (gtk_stack_get_visible_child_name (stack), ==, "summary");
  summary = g_strdup_printf ("%u cards reviewed: 1 again, 0 hard, %u good, 0 easy", n_graded, n_graded - 1);
  g_assert_cmpstr (adw_status_page_get_description (study_ui_flashcard_child (flashcard, "summary_page")), ==, summary);
  g_assert_true (study_ui_is_focus (study_ui_flashcard_child (flashcard, "done_button")));

  /* Written through: Again then Good for the first card, Good for the others. */
  card = study_ui_read_card (teapot_entry_get_id (first));
  g_assert_cmpuint (card.reps, ==, 2);
  g_assert_cmpint (card.state, !=, TEAPOT_CARD_NEW);
  g_assert_cmpint (card.last_review, >, 0);
  {
    TeapotProgress progress = { 0 };

    study_ui_read_progress (&deck, &progress);
    g_assert_cmpuint (progress.reviews_30d, ==, n_graded);
    g_assert_cmpuint (progress.reviews_per_day[29], ==, n_graded);
    g_assert_cmpuint (progress.correct_per_day[29], ==, n_graded - 1);
    teapot_progress_clear (&progress);
  }

  /* The deck's counts follow: every card learned, none new. */
  g_assert_true (g_str_has_suffix (gtk_label_get_label (study_ui_study_child (fixture, "counts_label")), " 0 new today"));
  study_ui_activate (GTK_WIDGET (flashcard), "flashcard.finish", NULL);
  g_assert_cmpstr (gtk_stack_get_visible_child_name (stack), ==, "start");
}

static void
test_quiz (Fixture       *fixture,
           gconstpointer  data)
{
  TeapotQuiz *quiz = study_ui_study_child (fixture, "quiz");
  GtkStack *stack = study_ui_quiz_child (quiz, "stack");
  TeapotFilter deck = { .class_digit = 4 };
  TeapotProgress progress = { 0 };
  g_autoptr(TeapotEntry) right = NULL;
  g_autoptr(TeapotEntry) wrong = NULL;
  guint correct, answered, streak;
  guint answer;
  TeapotCard card;

  study_ui_show_study (fixture, "quiz", "class:4");
  g_assert_cmpstr (gtk_stack_get_visible_child_name (stack), ==, "start");
  study_ui_activate (GTK_WIDGET (quiz), "quiz.start", NULL);
  g_assert_cmpstr (gtk_stack_get_visible_child_name (stack), ==, "question");

  /* Four options, one of them right, all of the same deck's world. */
  for (guint i = 1; i <= 4; i++)
    {
      g_autofree char *name = g_strdup_printf ("option_button_%u", i);

      g_assert_true (gtk_widget_get_visible (study_ui_quiz_child (quiz, name)));
    }

  /* Right, with the key of the right option. */
  right = g_object_ref (teapot_quiz_get_entry (quiz));
  answer = teapot_quiz_get_answer (quiz);
  g_assert_cmpuint (answer, <, 4);
  study_ui_answer_with_key (quiz, answer);
  teapot_quiz_get_score (quiz, &correct, &answered, &streak);
  g_assert_cmpuint (correct, ==, 1);
  g_assert_cmpuint (answered, ==, 1);
  g_assert_cmpuint (streak, ==, 1);
  g_assert_cmpstr (gtk_label_get_label (study_ui_quiz_child (quiz, "score_label")), ==, "Score 1/1");
  g_assert_cmpstr (gtk_label_get_label (study_ui_quiz_child (quiz, "streak_label")), ==, "Streak 1");
  {
    g_autofree char *name = g_strdup_printf ("option_button_%u", answer + 1);

    g_assert_true (gtk_widget_has_css_class (study_ui_quiz_child (quiz, name), "quiz-right"));
  }
  /* Answered: the digits are free again, Next has the focus. */
  g_assert_false (study_ui_press_key (GTK_WIDGET (quiz), GDK_KEY_1 + (answer + 1) % 4));
  g_assert_true (study_ui_is_focus (study_ui_quiz_child (quiz, "next_button")));
  card = study_ui_read_card (teapot_entry_get_id (right));
  g_assert_cmpuint (card.reps, ==, 1);
  g_assert_cmpuint (card.lapses, ==, 0);

  /* Wrong: the streak ends, the right option is shown. */
  study_ui_activate (GTK_WIDGET (quiz), "quiz.next", NULL);
  wrong = g_object_ref (teapot_quiz_get_entry (quiz));
  g_assert_cmpstr (teapot_entry_get_id (wrong), !=, teapot_entry_get_id (right));
  answer = teapot_quiz_get_answer (quiz);
  study_ui_answer_with_key (quiz, (answer + 1) % 4);
  teapot_quiz_get_score (quiz, &correct, &answered, &streak);
  g_assert_cmpuint (correct, ==, 1);
  g_assert_cmpuint (answered, ==, 2);
  g_assert_cmpuint (streak, ==, 0);
  g_assert_cmpstr (gtk_label_get_label (study_ui_quiz_child (quiz, "score_label")), ==, "Score 1/2");
  g_assert_true (g_str_has_prefix (gtk_label_get_label (study_ui_quiz_child (quiz, "feedback_label")), "Not quite"));

  /* Both graded into the schedule: Good and Again. */
  study_ui_read_progress (&deck, &progress);
  g_assert_cmpuint (progress.reviews_30d, ==, 2);
  g_assert_cmpfloat_with_epsilon (progress.retention_30d, 0.5, 1e-9);
  g_assert_nonnull (progress.most_missed);
  g_assert_cmpuint (progress.most_missed->len, >=, 1);
  g_assert_cmpstr (teapot_entry_get_id (g_ptr_array_index (progress.most_missed, 0)), ==,
                   teapot_entry_get_id (wrong));
  teapot_progress_clear (&progress);
  card = study_ui_read_card (teapot_entry_get_id (wrong));
  g_assert_cmpuint (card.reps, ==, 1);
  g_assert_cmpint (card.state, !=, TEAPOT_CARD_NEW);

  /* The rest of the round, right each time, to the summary. */
  while (teapot_quiz_get_entry (quiz) != NULL)
    {
      study_ui_activate (GTK_WIDGET (quiz), "quiz.next", NULL);
      if (teapot_quiz_get_entry (quiz) == NULL)
        break;
      study_ui_answer_with_key (quiz, teapot_quiz_get_answer (quiz));
    }
  g_assert_cmpstr (gtk_stack_get_visible_child_name (stack), ==, "summary");
  teapot_quiz_get_score (quiz, &correct, &answered, &streak);
  g_assert_cmpuint (answered, ==, 10);
  g_assert_cmpuint (correct, ==, 9);
  g_assert_cmpuint (streak, ==, 8);
  g_assert_cmpstr (adw_status_page_get_description (study_ui_quiz_child (quiz, "summary_page")), ==,
                   "9 of 10 answers right. Best streak: 8.");
  study_ui_activate (GTK_WIDGET (quiz), "quiz.start", NULL);
  g_assert_cmpstr (gtk_stack_get_visible_child_name (stack), ==, "question");
}

static void
test_progress (Fixture       *fixture,
               gconstpointer  data)
{
  TeapotStudyView *view = study_ui_get_study_view (fixture);
  TeapotStudy *study = teapot_study_view_get_study (view);
  GtkListBox *missed;
  GtkListBoxRow *row;
  gint64 now = study_ui_now_seconds ();
  g_autoptr(GError) error = NULL;

  /* Two reviews today: 503 forgotten, 500 remembered. */
  g_assert_true (teapot_study_record_review (study, "503", TEAPOT_RATING_AGAIN, now, &error));
  g_assert_no_error (error);
  g_assert_true (teapot_study_record_review (study, "500", TEAPOT_RATING_GOOD, now, &error));
  g_assert_no_error (error);

  study_ui_show_study (fixture, "progress", "class:5");
  /* Learned: 500 only; 503 was failed. */
  g_assert_cmpstr (gtk_label_get_label (study_ui_progress_child (fixture, "learned_label")),
                   ==, "1");
  g_assert_cmpstr (gtk_label_get_label (study_ui_progress_child (fixture, "retention_label")),
                   ==, "50 %");
  g_assert_cmpuint (teapot_review_chart_get_max (study_ui_progress_child (fixture, "chart")),
                    ==, 2);

  /* The code missed most opens in Browse. */
  missed = study_ui_progress_child (fixture, "missed_list");
  row = gtk_list_box_get_row_at_index (missed, 0);
  g_assert_nonnull (row);
  g_assert_null (gtk_list_box_get_row_at_index (missed, 1));
  g_assert_cmpstr (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (row)), ==, "503 Service Unavailable");
  g_signal_emit_by_name (row, "activate");
  teapot_test_drain ();
  g_assert_cmpstr (adw_view_stack_get_visible_child_name (study_ui_window_child (fixture, "main_stack")), ==, "browse");
  g_assert_cmpstr (teapot_entry_get_id (teapot_window_get_current_entry (fixture->window)), ==, "503");

  /* Another deck, another count; favourites start empty. */
  study_ui_activate (GTK_WIDGET (fixture->window), "win.page", "study");
  g_object_set (view, "deck", "favourites", NULL);
  teapot_test_drain ();
  g_assert_cmpstr (gtk_label_get_label (study_ui_progress_child (fixture, "learned_label")),
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

static guint
count_visible_options (TeapotQuiz *quiz)
{
  guint n = 0;

  for (guint i = 1; i <= 5; i++)
    {
      g_autofree char *name = g_strdup_printf ("option_button_%u", i);

      n += gtk_widget_get_visible (study_ui_quiz_child (quiz, name));
    }
  return n;
}

/* Comparison questions: asked from the facts of the ready-made sets about the codes of the
 * deck, answered with the same keys, with the deciding facts as feedback, and never recorded
 * as reviews. */
static void
test_compare_quiz (Fixture       *fixture,
                   gconstpointer  data)
{
  TeapotQuiz *quiz = study_ui_study_child (fixture, "quiz");
  GtkStack *stack = study_ui_quiz_child (quiz, "stack");
  GtkLabel *feedback = study_ui_quiz_child (quiz, "feedback_label");
  g_autoptr(GHashTable) answers = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  guint reviews = study_ui_count_reviews ();
  g_autofree char *right_prefix = NULL;
  g_autofree char *wrong_prefix = NULL;
  g_autofree char *chosen = NULL;
  TeapotEntry *entry;
  guint answer, n_options;
  guint correct, answered, streak;
  TeapotCard card;

  study_ui_show_study (fixture, "quiz", "class:4");
  g_assert_true (gtk_widget_get_sensitive (study_ui_quiz_child (quiz, "compare_check")));
  g_assert_false (gtk_widget_get_visible (study_ui_quiz_child (quiz, "compare_note")));
  gtk_check_button_set_active (study_ui_quiz_child (quiz, "compare_check"), TRUE);
  study_ui_activate (GTK_WIDGET (quiz), "quiz.start", NULL);
  g_assert_cmpstr (gtk_stack_get_visible_child_name (stack), ==, "question");
  g_assert_true (g_str_has_prefix (gtk_label_get_label (study_ui_quiz_child (quiz, "question_label")),
                                   "Which of these "));
  study_ui_assert_no_option_focused (quiz);

  /* Right: the answer, a code of the deck (4xx), and its facts. */
  entry = teapot_quiz_get_entry (quiz);
  g_assert_cmpint (teapot_entry_get_code (entry) / 100, ==, 4);
  answer = teapot_quiz_get_answer (quiz);
  right_prefix = g_strdup_printf ("Right: %s: ", teapot_entry_get_id (entry));
  study_ui_answer_with_key (quiz, answer);
  g_assert_true (g_str_has_prefix (gtk_label_get_label (feedback), right_prefix));
  g_assert_true (gtk_widget_has_css_class (GTK_WIDGET (feedback), "success"));
  g_assert_cmpstr (gtk_label_get_label (study_ui_quiz_child (quiz, "score_label")), ==, "Score 1/1");
  g_assert_true (study_ui_is_focus (study_ui_quiz_child (quiz, "next_button")));
  g_hash_table_add (answers, g_strdup (teapot_entry_get_id (entry)));

  /* Wrong: the answer's facts and the choice's. */
  study_ui_activate (GTK_WIDGET (quiz), "quiz.next", NULL);
  entry = teapot_quiz_get_entry (quiz);
  g_assert_cmpint (teapot_entry_get_code (entry) / 100, ==, 4);
  answer = teapot_quiz_get_answer (quiz);
  n_options = count_visible_options (quiz);
  /* The auth set (401, 403, 407) or the conditional one (304, 412). */
  g_assert_cmpuint (n_options, >=, 2);
  g_assert_cmpuint (n_options, <=, 3);
  wrong_prefix = g_strdup_printf ("Not quite: %s: ", teapot_entry_get_id (entry));
  {
    g_autofree char *name = g_strdup_printf ("option_label_%u", (answer + 1) % n_options + 1);

    chosen = g_strdup_printf ("Your choice, %s: ", gtk_label_get_label (study_ui_quiz_child (quiz, name)));
  }
  study_ui_answer_with_key (quiz, (answer + 1) % n_options);
  g_assert_true (g_str_has_prefix (gtk_label_get_label (feedback), wrong_prefix));
  g_assert_true (strstr (gtk_label_get_label (feedback), chosen) != NULL);
  g_assert_true (gtk_widget_has_css_class (GTK_WIDGET (feedback), "error"));
  g_assert_false (g_hash_table_contains (answers, teapot_entry_get_id (entry)));
  g_hash_table_add (answers, g_strdup (teapot_entry_get_id (entry)));

  /* Not a review: nothing in the log, the card is as new. */
  g_assert_cmpuint (study_ui_count_reviews (), ==, reviews);
  card = study_ui_read_card (teapot_entry_get_id (entry));
  g_assert_cmpuint (card.reps, ==, 0);

  /* One question per code the facts tell apart in the deck (401, 407, 412), then the summary. */
  while (teapot_quiz_get_entry (quiz) != NULL)
    {
      study_ui_activate (GTK_WIDGET (quiz), "quiz.next", NULL);
      if (teapot_quiz_get_entry (quiz) == NULL)
        break;
      g_assert_cmpint (teapot_entry_get_code (teapot_quiz_get_entry (quiz)) / 100, ==, 4);
      g_assert_false (g_hash_table_contains (answers, teapot_entry_get_id (teapot_quiz_get_entry (quiz))));
      g_hash_table_add (answers, g_strdup (teapot_entry_get_id (teapot_quiz_get_entry (quiz))));
      study_ui_answer_with_key (quiz, teapot_quiz_get_answer (quiz));
    }
  g_assert_cmpstr (gtk_stack_get_visible_child_name (stack), ==, "summary");
  teapot_quiz_get_score (quiz, &correct, &answered, &streak);
  g_assert_cmpuint (answered, ==, 3);
  g_assert_cmpuint (correct, ==, 2);
  g_assert_cmpuint (g_hash_table_size (answers), ==, 3);
  g_assert_cmpuint (study_ui_count_reviews (), ==, reviews);

  /* Unticked, the quiz is on the deck's cards again. */
  gtk_check_button_set_active (study_ui_quiz_child (quiz, "compare_check"), FALSE);
  study_ui_activate (GTK_WIDGET (quiz), "quiz.start", NULL);
  g_assert_cmpint (teapot_entry_get_code (teapot_quiz_get_entry (quiz)) / 100, ==, 4);
}

/* Goes on to the round's first question with five options (a redirect question). */
static void
skip_to_five_options (TeapotQuiz *quiz)
{
  while (count_visible_options (quiz) != 5)
    {
      g_assert_nonnull (teapot_quiz_get_entry (quiz));
      study_ui_answer_with_key (quiz, teapot_quiz_get_answer (quiz));
      study_ui_activate (GTK_WIDGET (quiz), "quiz.next", NULL);
    }
}

/* The redirects' five codes all on screen, the fifth answered with 5; a question on cards
 * keeps four options; a deck no comparison question is about says so on the start page. */
static void
test_compare_deck (Fixture       *fixture,
                   gconstpointer  data)
{
  TeapotQuiz *quiz = study_ui_study_child (fixture, "quiz");
  GtkStack *stack = study_ui_quiz_child (quiz, "stack");
  GtkCheckButton *check = study_ui_quiz_child (quiz, "compare_check");
  GtkWidget *note = study_ui_quiz_child (quiz, "compare_note");
  guint answered;

  study_ui_show_study (fixture, "quiz", "class:3");
  gtk_check_button_set_active (check, TRUE);
  study_ui_activate (GTK_WIDGET (quiz), "quiz.start", NULL);
  skip_to_five_options (quiz);
  teapot_test_drain ();
  for (guint i = 1; i <= 5; i++)
    {
      g_autofree char *button = g_strdup_printf ("option_button_%u", i);
      g_autofree char *label = g_strdup_printf ("option_label_%u", i);

      g_assert_true (gtk_widget_get_mapped (study_ui_quiz_child (quiz, button)));
      g_assert_true (g_str_has_prefix (gtk_label_get_label (study_ui_quiz_child (quiz, label)), "30"));
    }
  g_assert_cmpstr (gtk_label_get_label (study_ui_quiz_child (quiz, "option_label_5")), ==, "308");
  teapot_quiz_get_score (quiz, NULL, &answered, NULL);
  study_ui_answer_with_key (quiz, 4);
  g_assert_true (gtk_widget_has_css_class (study_ui_quiz_child (quiz, "option_button_5"),
                                           teapot_quiz_get_answer (quiz) == 4 ? "quiz-right" : "quiz-wrong"));
  g_assert_cmpuint (study_ui_quiz_answered (quiz), ==, answered + 1);

  /* On cards: four options, and 5 is no answer. */
  gtk_check_button_set_active (check, FALSE);
  study_ui_activate (GTK_WIDGET (quiz), "quiz.start", NULL);
  g_assert_cmpuint (count_visible_options (quiz), ==, 4);
  g_assert_false (study_ui_press_key (GTK_WIDGET (quiz), GDK_KEY_5));
  g_assert_cmpuint (study_ui_quiz_answered (quiz), ==, 0);

  /* 1xx: no comparison is about it; the box says why, and the round is on cards. */
  gtk_check_button_set_active (check, TRUE);
  study_ui_show_study (fixture, "quiz", "class:1");
  g_assert_cmpstr (gtk_stack_get_visible_child_name (stack), ==, "start");
  g_assert_false (gtk_widget_get_sensitive (GTK_WIDGET (check)));
  g_assert_false (gtk_check_button_get_active (check));
  g_assert_true (gtk_widget_get_visible (note));
  study_ui_activate (GTK_WIDGET (quiz), "quiz.start", NULL);
  g_assert_cmpint (teapot_entry_get_code (teapot_quiz_get_entry (quiz)) / 100, ==, 1);

  study_ui_show_study (fixture, "quiz", "class:5");
  g_assert_true (gtk_widget_get_sensitive (GTK_WIDGET (check)));
  g_assert_false (gtk_widget_get_visible (note));
}

static gboolean
is_narrow (gpointer data)
{
  return gtk_widget_get_width (data) <= 360;
}

/* Study is built on its first visit, not with the window (it is not on the first screen):
 * that visit still finds it whole, bound to the settings, with the keyboard on the cards
 * and its switcher following the window's width as the Browse header bar's does. */
static void
test_built_on_first_visit (Fixture       *fixture,
                           gconstpointer  data)
{
  AdwBin *page = study_ui_window_child (fixture, "study_page");
  GSettings *settings = teapot_application_get_settings (fixture->app);
  g_autofree char *saved = NULL;
  g_autofree char *deck = NULL;
  gboolean show_switcher;
  GtkWidget *view;

  g_assert_null (adw_bin_get_child (page));
  g_assert_true (study_ui_press_key_with (GTK_WIDGET (fixture->window), GDK_KEY_3, GDK_CONTROL_MASK));
  view = adw_bin_get_child (page);
  g_assert_true (TEAPOT_IS_STUDY_VIEW (view));
  g_assert_true (view == GTK_WIDGET (study_ui_get_study_view (fixture)));
  teapot_test_drain ();
  g_assert_true (gtk_widget_get_mapped (view));
  g_assert_true (gtk_widget_is_ancestor (gtk_root_get_focus (GTK_ROOT (fixture->window)), view));
  /* The store reached it: every deck, today's counts. */
  g_assert_cmpuint (g_list_model_get_n_items (gtk_drop_down_get_model (study_ui_study_child (fixture, "deck_dropdown"))),
                    >, 7);
  g_assert_cmpstr (gtk_label_get_label (study_ui_study_child (fixture, "counts_label")), !=, "");
  g_assert_nonnull (teapot_study_view_get_study (TEAPOT_STUDY_VIEW (view)));
  /* Both ways bound to the settings. */
  study_ui_activate (view, "study.deck", "class:4");
  saved = g_settings_get_string (settings, "study-deck");
  g_assert_cmpstr (saved, ==, "class:4");
  g_settings_set_string (settings, "study-deck", "class:2");
  g_object_get (view, "deck", &deck, NULL);
  g_assert_cmpstr (deck, ==, "class:2");

  /* Its own Browse/Study switcher: in its header bar when wide, gone when narrow. */
  g_object_get (view, "show-switcher", &show_switcher, NULL);
  g_assert_true (show_switcher);
  gtk_window_set_default_size (GTK_WINDOW (fixture->window), 360, 640);
  teapot_test_wait_until (is_narrow, fixture->window, "the window to narrow");
  g_object_get (view, "show-switcher", &show_switcher, NULL);
  g_assert_false (show_switcher);
}

static void
test_narrow (Fixture       *fixture,
             gconstpointer  data)
{
  GtkWidget *view = GTK_WIDGET (study_ui_get_study_view (fixture));
  TeapotQuiz *quiz = study_ui_study_child (fixture, "quiz");

  study_ui_show_study (fixture, "quiz", "iana");
  study_ui_activate (GTK_WIDGET (quiz), "quiz.start", NULL);
  gtk_window_set_default_size (GTK_WINDOW (fixture->window), 360, 640);
  teapot_test_wait_until (is_narrow, fixture->window, "the window to narrow");
  teapot_test_drain ();
  /* Everything fits: the page is not wider than the window. */
  g_assert_cmpint (gtk_widget_get_width (view), <=, 360);
  g_assert_true (gtk_widget_get_mapped (study_ui_quiz_child (quiz, "option_button_1")));

  /* The tallest question: five redirects. */
  study_ui_show_study (fixture, "quiz", "class:3");
  gtk_check_button_set_active (study_ui_quiz_child (quiz, "compare_check"), TRUE);
  study_ui_activate (GTK_WIDGET (quiz), "quiz.start", NULL);
  skip_to_five_options (quiz);
  teapot_test_drain ();
  g_assert_cmpint (gtk_widget_get_width (view), <=, 360);
  g_assert_true (gtk_widget_get_mapped (study_ui_quiz_child (quiz, "option_button_5")));
}

/* Reviews in the log, read as a fresh process would. */

int
main (int   argc,
      char *argv[])
{
  if (!teapot_test_window_init (&argc, &argv))
    return g_test_run ();

  g_test_add_func ("/study-ui/interval-format", test_interval_format);
#define ADD(path, func) g_test_add (path, Fixture, NULL, study_ui_fixture_set_up, func, study_ui_fixture_tear_down)
  ADD ("/study-ui/switch-pages", test_switch_pages);
  ADD ("/study-ui/flashcards", test_flashcards);
  ADD ("/study-ui/quiz", test_quiz);
  ADD ("/study-ui/compare-quiz", test_compare_quiz);
  ADD ("/study-ui/compare-deck", test_compare_deck);
  ADD ("/study-ui/progress", test_progress);
  ADD ("/study-ui/narrow", test_narrow);
  ADD ("/study-ui/built-on-first-visit", test_built_on_first_visit);
#undef ADD

  return g_test_run ();
}
