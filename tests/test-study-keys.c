/* test-study-keys.c
 *
 * Copyright The Teapot authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>
#include <unistd.h>

#include "study-ui-util.h"
#include "teapot-test-window.h"

/* The quiz's key rules, in the real window under Xvfb: it starts deliberately, and no stray
 * key records a review. Once with the widgets' own key handling, once with real key presses
 * from the X server. */

static void
test_quiz_keys (Fixture       *fixture,
                gconstpointer  data)
{
  TeapotQuiz *quiz = study_ui_study_child (fixture, "quiz");
  GtkStack *stack = study_ui_quiz_child (quiz, "stack");
  GtkWidget *view = GTK_WIDGET (study_ui_get_study_view (fixture));

  study_ui_show_study (fixture, "cards", "class:4");
  /* Alt+Q: the Quiz button's mnemonic, which sets the mode. */
  study_ui_activate (view, "study.mode", "quiz");
  g_assert_cmpstr (gtk_stack_get_visible_child_name (stack), ==, "start");
  g_assert_true (study_ui_is_focus (study_ui_quiz_child (quiz, "start_button")));
  g_assert_false (study_ui_press_key (GTK_WIDGET (quiz), GDK_KEY_1));  /* no question yet */

  /* Enter: the round starts, and that is all. */
  g_assert_true (study_ui_press_enter (fixture));
  g_assert_cmpstr (gtk_stack_get_visible_child_name (stack), ==, "question");
  g_assert_true (study_ui_is_focus (study_ui_quiz_child (quiz, "question_card")));
  study_ui_assert_no_option_focused (quiz);
  g_assert_false (study_ui_press_enter (fixture));
  g_assert_false (study_ui_press_key_with (GTK_WIDGET (quiz), GDK_KEY_1, GDK_ALT_MASK));
  g_assert_false (study_ui_press_key_with (GTK_WIDGET (quiz), GDK_KEY_2, GDK_CONTROL_MASK));
  /* Four options on a card: 5 is no answer, and stays the window's. */
  g_assert_false (study_ui_press_key (GTK_WIDGET (quiz), GDK_KEY_5));
  g_assert_false (study_ui_press_key (GTK_WIDGET (quiz), GDK_KEY_KP_5));
  g_assert_cmpuint (study_ui_quiz_answered (quiz), ==, 0);
  g_assert_cmpuint (study_ui_count_reviews (), ==, 0);

  /* Away and back (Alt+C, Alt+Q): the question waits, with the focus on it again. */
  study_ui_activate (view, "study.mode", "cards");
  study_ui_activate (view, "study.mode", "quiz");
  g_assert_cmpstr (gtk_stack_get_visible_child_name (stack), ==, "question");
  g_assert_true (study_ui_is_focus (study_ui_quiz_child (quiz, "question_card")));
  g_assert_false (study_ui_press_enter (fixture));
  g_assert_cmpuint (study_ui_count_reviews (), ==, 0);

  /* A digit answers, once. */
  study_ui_answer_with_key (quiz, 1);
  g_assert_false (study_ui_press_key (GTK_WIDGET (quiz), GDK_KEY_2));
  g_assert_cmpuint (study_ui_quiz_answered (quiz), ==, 1);
  g_assert_cmpuint (study_ui_count_reviews (), ==, 1);

  /* Enter goes on (Next has the focus), and the new question has it, not an option. */
  g_assert_true (study_ui_is_focus (study_ui_quiz_child (quiz, "next_button")));
  g_assert_true (study_ui_press_enter (fixture));
  g_assert_true (study_ui_is_focus (study_ui_quiz_child (quiz, "question_card")));
  g_assert_false (study_ui_press_enter (fixture));
  g_assert_cmpuint (study_ui_count_reviews (), ==, 1);

  /* Chosen deliberately: Tab to the first option, then Enter. */
  g_assert_true (gtk_widget_child_focus (GTK_WIDGET (fixture->window), GTK_DIR_TAB_FORWARD));
  g_assert_true (study_ui_is_focus (study_ui_quiz_child (quiz, "option_button_1")));
  g_assert_true (study_ui_press_enter (fixture));
  g_assert_cmpuint (study_ui_quiz_answered (quiz), ==, 2);
  g_assert_cmpuint (study_ui_count_reviews (), ==, 2);

  /* Another deck ends the round: the start page again, nothing recorded. */
  g_object_set (view, "deck", "class:5", NULL);
  teapot_test_drain ();
  g_assert_cmpstr (gtk_stack_get_visible_child_name (stack), ==, "start");
  g_assert_true (study_ui_is_focus (study_ui_quiz_child (quiz, "start_button")));
  g_assert_cmpuint (study_ui_count_reviews (), ==, 2);

  /* A deck chosen in the drop-down during a round: the focus stays on the drop-down. */
  g_assert_true (study_ui_press_enter (fixture));
  g_assert_cmpstr (gtk_stack_get_visible_child_name (stack), ==, "question");
  gtk_widget_grab_focus (study_ui_study_child (fixture, "deck_dropdown"));
  gtk_drop_down_set_selected (study_ui_study_child (fixture, "deck_dropdown"), 0);
  teapot_test_drain ();
  g_assert_cmpstr (gtk_stack_get_visible_child_name (stack), ==, "start");
  g_assert_true (gtk_widget_is_ancestor (gtk_root_get_focus (GTK_ROOT (fixture->window)),
                                         study_ui_study_child (fixture, "deck_dropdown")));
}

/* A comparison question's fifth option answers with 5 or the keypad's 5, under the rules of
 * 1 to 4: not with Alt or Ctrl, and once. */
static void
test_compare_keys (Fixture       *fixture,
                   gconstpointer  data)
{
  TeapotQuiz *quiz = study_ui_study_child (fixture, "quiz");
  guint answered;

  study_ui_show_study (fixture, "quiz", "class:3");
  gtk_check_button_set_active (study_ui_quiz_child (quiz, "compare_check"), TRUE);
  study_ui_activate (GTK_WIDGET (quiz), "quiz.start", NULL);
  while (!gtk_widget_get_visible (study_ui_quiz_child (quiz, "option_button_5")))
    {
      study_ui_answer_with_key (quiz, teapot_quiz_get_answer (quiz));
      study_ui_activate (GTK_WIDGET (quiz), "quiz.next", NULL);
    }
  answered = study_ui_quiz_answered (quiz);
  g_assert_false (study_ui_press_key_with (GTK_WIDGET (quiz), GDK_KEY_5, GDK_ALT_MASK));
  g_assert_false (study_ui_press_key_with (GTK_WIDGET (quiz), GDK_KEY_KP_5, GDK_CONTROL_MASK));
  g_assert_cmpuint (study_ui_quiz_answered (quiz), ==, answered);
  g_assert_true (study_ui_press_key (GTK_WIDGET (quiz), GDK_KEY_KP_5));
  g_assert_false (study_ui_press_key (GTK_WIDGET (quiz), GDK_KEY_5));
  g_assert_cmpuint (study_ui_quiz_answered (quiz), ==, answered + 1);
  g_assert_true (gtk_widget_has_css_class (study_ui_quiz_child (quiz, "option_button_5"),
                                           teapot_quiz_get_answer (quiz) == 4 ? "quiz-right" : "quiz-wrong"));
  g_assert_cmpuint (study_ui_count_reviews (), ==, 0);
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

  return study_ui_quiz_answered (answered->quiz) >= answered->answered;
}

static gboolean
has_focus_now (gpointer data)
{
  return study_ui_is_focus (data);
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
  TeapotQuiz *quiz = study_ui_study_child (fixture, "quiz");
  g_autofree char *xdotool = g_find_program_in_path ("xdotool");
  Answered answered = { quiz, 1 };

  if (xdotool == NULL || g_strcmp0 (g_getenv ("GDK_BACKEND"), "x11") != 0)
    {
      g_test_skip ("needs xdotool and an X11 display");
      return;
    }

  study_ui_show_study (fixture, "cards", "class:4");
  type_keys (fixture, "alt+q");
  teapot_test_wait_until (has_focus_now, study_ui_quiz_child (quiz, "start_button"), "Alt+Q to show the quiz");
  type_keys (fixture, "Return");
  teapot_test_wait_until (has_focus_now, study_ui_quiz_child (quiz, "question_card"), "Enter to start the quiz");
  study_ui_assert_no_option_focused (quiz);
  teapot_test_wait_until (is_laid_out, study_ui_quiz_child (quiz, "question_card"), "the question to be laid out");

  /* Stray keys, then Tab: onto the first option. */
  /* Alt+1 is Browse's class filter (a setting: see reset_settings()); the quiz's own
   * rules for it are tested in test_quiz_keys(). */
  type_keys (fixture, "Return space KP_Enter alt+KP_2 ctrl+KP_3 shift+3 Tab");
  teapot_test_wait_until (has_focus_now, study_ui_quiz_child (quiz, "option_button_1"), "Tab to reach an option");
  g_assert_cmpuint (study_ui_quiz_answered (quiz), ==, 0);
  g_assert_cmpuint (study_ui_count_reviews (), ==, 0);

  /* Enter on an option reached on purpose answers it. */
  type_keys (fixture, "Return");
  teapot_test_wait_until (has_answered, &answered, "Enter to answer");
  g_assert_cmpuint (study_ui_count_reviews (), ==, 1);

  /* More digits are not more answers; Enter goes on; a digit answers the next question. */
  type_keys (fixture, "2 3 Return");
  teapot_test_wait_until (has_focus_now, study_ui_quiz_child (quiz, "question_card"), "Enter for the next question");
  g_assert_cmpuint (study_ui_quiz_answered (quiz), ==, 1);
  type_keys (fixture, "Return space 3");
  answered.answered = 2;
  teapot_test_wait_until (has_answered, &answered, "3 to answer");
  g_assert_cmpuint (study_ui_count_reviews (), ==, 2);
}


int
main (int   argc,
      char *argv[])
{
  if (!teapot_test_window_init (&argc, &argv))
    return g_test_run ();

#define ADD(path, func) g_test_add (path, Fixture, NULL, study_ui_fixture_set_up, func, study_ui_fixture_tear_down)
  ADD ("/study-keys/quiz", test_quiz_keys);
  ADD ("/study-keys/compare", test_compare_keys);
  ADD ("/study-keys/quiz-x11", test_quiz_keys_x11);
#undef ADD

  return g_test_run ();
}
