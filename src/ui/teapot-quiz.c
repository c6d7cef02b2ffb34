/* teapot-quiz.c
 *
 * Copyright The Teapot authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>

#include "teapot-quiz.h"
#include "teapot-quiz-compare.h"
#include "teapot-ui-util.h"
#include "teapot-format.h"

/* Multiple choice, in rounds of ten: the due cards of the deck first, then new ones, then
 * any. The three wrong options are codes people confuse with the right one. A right answer
 * is graded Good and a wrong one Again, into the same schedule as the flashcards. Questions
 * alternate between "which code means this?" and "what does this code mean?".
 *
 * Every answer is a review, so none is given by accident: a round begins on a start page
 * with Start Quiz; a new question puts the focus on the question itself, which Enter and
 * Space cannot activate; the digits answer only without Ctrl, Alt or Super, and only once.
 * Enter or Space on an option answers only after Tab or the arrows went there.
 *
 * With "Comparison questions" ticked on the start page, a round asks instead which code of a
 * ready-made comparison has a combination of facts ("is permanent and keeps the method?"),
 * worked out by teapot-comparison-quiz.c, under the same keys and the same start page. Such a
 * question offers every code of its set: five for the redirects, where a question on cards
 * offers four. */

/* The largest ready-made comparison, the redirects, has five codes. */
#define OPTION_BUTTONS 5

struct _TeapotQuiz
{
  GtkWidget parent_instance;

  GtkStack *stack;
  GtkButton *start_button;
  GtkCheckButton *compare_check;
  GtkWidget *compare_note;
  GtkWidget *question_card;
  GtkLabel *score_label;
  GtkLabel *streak_label;
  GtkLabel *question_label;
  GtkLabel *prompt_code_label;
  GtkLabel *prompt_text_label;
  GtkLabel *vendor_label;
  GtkButton *option_buttons[OPTION_BUTTONS];
  GtkLabel *option_labels[OPTION_BUTTONS];
  GtkLabel *feedback_label;
  GtkButton *next_button;
  AdwStatusPage *summary_page;
  GtkButton *again_button;

  TeapotStore *store;
  TeapotStudy *study;
  TeapotFilter deck;
  char *deck_tag;
  GRand *rand;

  GPtrArray *round;
  /* In a comparison round, the questions (TeapotComparisonQuestion), one per entry of the
   * round, which holds their answers; NULL in a round on the deck's cards. */
  GPtrArray *questions;
  /* The option whose answer is being saved, plus one (0: none); it shows once saved. */
  guint saving;
  guint index;
  GPtrArray *options;
  guint answer;
  int chosen;
  guint correct;
  guint answered;
  guint streak;
  guint best_streak;
};

G_DEFINE_FINAL_TYPE (TeapotQuiz, teapot_quiz, GTK_TYPE_WIDGET)

enum {
  REVIEWED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

#define ROUND_LENGTH 10
#define CARD_OPTIONS 4

static TeapotEntry *
current_entry (TeapotQuiz *self)
{
  if (self->round == NULL || self->index >= self->round->len)
    return NULL;
  return g_ptr_array_index (self->round, self->index);
}

static TeapotComparisonQuestion *
current_question (TeapotQuiz *self)
{
  if (self->questions == NULL || self->index >= self->questions->len)
    return NULL;
  return g_ptr_array_index (self->questions, self->index);
}

/* A comparison question always has codes for options. */
static gboolean
asks_for_code (TeapotQuiz *self)
{
  return self->index % 2 == 0 || current_question (self) != NULL;
}

static void
update_actions (TeapotQuiz *self)
{
  /* The options stay sensitive once answered, so the right one reads clearly; a second
   * answer is ignored in answer(). */
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "quiz.answer", current_entry (self) != NULL);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "quiz.next", current_entry (self) != NULL && self->chosen >= 0);
}

static void
update_score (TeapotQuiz *self)
{
  g_autofree char *score = NULL;
  g_autofree char *streak = NULL;

  /* Translators: right answers out of questions answered in this round. */
  score = g_strdup_printf (_("Score %u/%u"), self->correct, self->answered);
  /* Translators: right answers in a row. */
  streak = g_strdup_printf (_("Streak %u"), self->streak);
  gtk_label_set_label (self->score_label, score);
  gtk_label_set_label (self->streak_label, streak);
}

static char *
option_text (TeapotQuiz  *self,
             TeapotEntry *entry)
{
  const char *vendor = teapot_entry_get_vendor (entry);

  if (!asks_for_code (self))
    return g_strdup (teapot_entry_get_phrase (entry));
  if (vendor != NULL)
    {
      g_autofree char *code = teapot_format_code (entry);

      /* Translators: a vendor's code as a quiz option, e.g. “499 · nginx”. */
      return g_strdup_printf (C_("quiz option", "%s · %s"), code, teapot_format_tag_name (vendor));
    }
  return teapot_format_code (entry);
}

static void
show_question (TeapotQuiz *self)
{
  TeapotEntry *entry = current_entry (self);
  const char *vendor = teapot_entry_get_vendor (entry);
  TeapotComparisonQuestion *question = current_question (self);
  g_autofree char *code = teapot_format_code (entry);
  gboolean for_code = asks_for_code (self);
  guint n_options;

  self->chosen = -1;
  g_clear_pointer (&self->options, g_ptr_array_unref);
  if (question != NULL)
    {
      self->options = teapot_quiz_compare_options (self->store, question);
      self->answer = question->answer;
    }
  else
    {
      g_autoptr(GPtrArray) distractors = teapot_study_distractors (self->study, entry, g_rand_int (self->rand));

      n_options = MIN (distractors->len, CARD_OPTIONS - 1) + 1;
      self->options = g_ptr_array_new_with_free_func (g_object_unref);
      for (guint i = 0; i + 1 < n_options; i++)
        g_ptr_array_add (self->options, g_object_ref (g_ptr_array_index (distractors, i)));
      self->answer = g_rand_int_range (self->rand, 0, n_options);
      g_ptr_array_insert (self->options, self->answer, g_object_ref (entry));
    }
  n_options = self->options->len;

  if (question != NULL)
    gtk_label_set_label (self->question_label, question->text);
  else
    gtk_label_set_label (self->question_label, for_code ? _("Which code is this?") : _("What does this code mean?"));
  gtk_label_set_label (self->prompt_code_label, code);
  teapot_ui_set_class_style (GTK_WIDGET (self->prompt_code_label), entry);
  gtk_widget_set_visible (GTK_WIDGET (self->prompt_code_label), !for_code);
  gtk_label_set_label (self->prompt_text_label, teapot_entry_get_summary (entry));
  gtk_widget_set_visible (GTK_WIDGET (self->prompt_text_label), question == NULL && for_code);
  gtk_label_set_label (self->vendor_label, vendor ? teapot_format_tag_name (vendor) : "");
  gtk_widget_set_visible (GTK_WIDGET (self->vendor_label), vendor != NULL && !for_code);

  for (guint i = 0; i < G_N_ELEMENTS (self->option_buttons); i++)
    {
      GtkWidget *button = GTK_WIDGET (self->option_buttons[i]);

      gtk_widget_remove_css_class (button, "quiz-right");
      gtk_widget_remove_css_class (button, "quiz-wrong");
      gtk_widget_set_visible (button, i < n_options);
      if (i < n_options)
        {
          g_autofree char *text = option_text (self, g_ptr_array_index (self->options, i));

          gtk_label_set_label (self->option_labels[i], text);
        }
    }
  gtk_widget_set_visible (GTK_WIDGET (self->feedback_label), FALSE);
  gtk_widget_set_visible (GTK_WIDGET (self->next_button), FALSE);
  update_score (self);
  update_actions (self);
  gtk_stack_set_visible_child_name (self->stack, "question");
  teapot_ui_focus_if_mapped (GTK_WIDGET (self), self->question_card);
}

static void
show_summary (TeapotQuiz *self)
{
  g_autofree char *description = NULL;

  /* Translators: the end of a quiz round. */
  description = g_strdup_printf (ngettext ("%u of %u answer right. Best streak: %u.",
                                           "%u of %u answers right. Best streak: %u.", self->answered),
                                 self->correct, self->answered, self->best_streak);
  adw_status_page_set_description (self->summary_page, description);
  g_clear_pointer (&self->round, g_ptr_array_unref);
  g_clear_pointer (&self->questions, g_ptr_array_unref);
  g_clear_pointer (&self->options, g_ptr_array_unref);
  update_actions (self);
  gtk_stack_set_visible_child_name (self->stack, "summary");
  teapot_ui_focus_if_mapped (GTK_WIDGET (self), GTK_WIDGET (self->again_button));
}

static gboolean
contains_entry (GPtrArray   *entries,
                TeapotEntry *entry)
{
  for (guint i = 0; i < entries->len; i++)
    if (g_str_equal (teapot_entry_get_id (g_ptr_array_index (entries, i)), teapot_entry_get_id (entry)))
      return TRUE;
  return FALSE;
}

static void
stop_round (TeapotQuiz *self)
{
  g_clear_pointer (&self->round, g_ptr_array_unref);
  g_clear_pointer (&self->questions, g_ptr_array_unref);
  g_clear_pointer (&self->options, g_ptr_array_unref);
  self->saving = 0;
  self->index = 0;
  self->correct = 0;
  self->answered = 0;
  self->streak = 0;
  self->best_streak = 0;
  self->chosen = -1;
  update_actions (self);
}

/* The start page, or the empty one for a deck with no cards. The focus follows only if it
 * was in the quiz: a deck chosen in the drop-down or a limit set in Preferences keeps it. */
static void
show_start (TeapotQuiz *self)
{
  gboolean empty = self->store == NULL || teapot_store_count (self->store, &self->deck) == 0;
  gboolean had_focus = gtk_widget_get_focus_child (GTK_WIDGET (self)) != NULL;

  stop_round (self);
  teapot_quiz_compare_update_start (self->compare_check, self->compare_note, self->store, &self->deck);
  gtk_stack_set_visible_child_name (self->stack, empty ? "empty" : "start");
  if (had_focus)
    teapot_quiz_focus (self);
}

static void
start_round (TeapotQuiz *self)
{
  stop_round (self);
  if (self->study == NULL || self->store == NULL)
    return;

  if (gtk_check_button_get_active (self->compare_check))
    self->questions = teapot_quiz_compare_new_round (self->store, &self->deck, self->rand,
                                                     G_N_ELEMENTS (self->option_buttons), ROUND_LENGTH,
                                                     &self->round);
  else
    {
      /* Due and new cards first; a deck learned through is still worth a practice round. */
      self->round = teapot_study_queue (self->study, &self->deck, teapot_ui_now_seconds (), ROUND_LENGTH,
                                        ROUND_LENGTH);
      if (self->round->len < ROUND_LENGTH)
        {
          g_autoptr(GPtrArray) all = teapot_store_list (self->store, &self->deck, 0);

          while (all->len > 0 && self->round->len < ROUND_LENGTH)
            {
              TeapotEntry *entry = g_ptr_array_index (all, g_rand_int_range (self->rand, 0, all->len));

              if (!contains_entry (self->round, entry))
                g_ptr_array_add (self->round, g_object_ref (entry));
              g_ptr_array_remove_fast (all, entry);
            }
        }
    }

  if (self->round->len == 0)
    {
      g_clear_pointer (&self->round, g_ptr_array_unref);
      update_actions (self);
      gtk_stack_set_visible_child_name (self->stack, "empty");
      return;
    }
  show_question (self);
}

static void show_answer (TeapotQuiz *self,
                         guint       option);

static void
on_answer_saved (GObject      *source,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  g_autoptr(TeapotQuiz) self = user_data;
  g_autoptr(GError) error = NULL;
  guint option = self->saving - 1;
  TeapotEntry *entry = current_entry (self);
  gboolean saved = teapot_study_record_review_finish (TEAPOT_STUDY (source), result, &error);

  self->saving = 0;
  if (!saved)
    {
      teapot_ui_toast (GTK_WIDGET (self), error->message);
      return;
    }
  /* A new round began while the answer was being saved: it is saved, nothing to show. */
  if (option == (guint) -1 || entry == NULL)
    return;
  show_answer (self, option);
  g_signal_emit (self, signals[REVIEWED], 0);
}

static char *
format_feedback (TeapotQuiz *self,
                 guint       option)
{
  g_autofree char *title = NULL;

  if (current_question (self) != NULL)
    return teapot_quiz_compare_feedback (self->store, current_question (self), option);
  title = teapot_format_entry_title (current_entry (self));
  if (option == self->answer)
    /* Translators: %s is the answer, e.g. “429 Too Many Requests”. */
    return g_strdup_printf (_("Right: %s"), title);
  /* Translators: %s is the answer, e.g. “429 Too Many Requests”. */
  return g_strdup_printf (_("Not quite: it is %s"), title);
}

/* Marks the options and says whether @option was right. */
static void
show_answer (TeapotQuiz *self,
             guint       option)
{
  gboolean right = option == self->answer;
  g_autofree char *feedback = NULL;

  self->chosen = option;
  self->answered++;
  if (right)
    {
      self->correct++;
      self->streak++;
      self->best_streak = MAX (self->best_streak, self->streak);
    }
  else
    {
      self->streak = 0;
      gtk_widget_add_css_class (GTK_WIDGET (self->option_buttons[option]), "quiz-wrong");
    }
  gtk_widget_add_css_class (GTK_WIDGET (self->option_buttons[self->answer]), "quiz-right");

  feedback = format_feedback (self, option);
  gtk_label_set_label (self->feedback_label, feedback);
  gtk_widget_remove_css_class (GTK_WIDGET (self->feedback_label), right ? "error" : "success");
  gtk_widget_add_css_class (GTK_WIDGET (self->feedback_label), right ? "success" : "error");
  gtk_widget_set_visible (GTK_WIDGET (self->feedback_label), TRUE);
  gtk_widget_set_visible (GTK_WIDGET (self->next_button), TRUE);

  update_score (self);
  update_actions (self);
  teapot_ui_focus_if_mapped (GTK_WIDGET (self), GTK_WIDGET (self->next_button));
}

static void
answer (TeapotQuiz *self,
        guint       option)
{
  TeapotEntry *entry = current_entry (self);
  gboolean right = option == self->answer;

  if (entry == NULL || self->chosen >= 0 || self->saving != 0 || option >= self->options->len)
    return;
  /* A comparison question is no card: its answer is shown, never recorded as a review, so
   * it neither moves a card's schedule nor counts in the progress. */
  if (current_question (self) != NULL)
    {
      show_answer (self, option);
      return;
    }

  self->saving = option + 1;
  teapot_study_record_review_async (self->study, teapot_entry_get_id (entry),
                                    right ? TEAPOT_RATING_GOOD : TEAPOT_RATING_AGAIN, teapot_ui_now_seconds (),
                                    NULL, on_answer_saved, g_object_ref (self));
}

static gboolean
on_answer_key (GtkWidget *widget,
               GVariant  *args,
               gpointer   user_data)
{
  TeapotQuiz *self = TEAPOT_QUIZ (widget);
  int option = g_variant_get_int32 (args);

  /* Answered already, or no such option: the key belongs to the rest of the window. */
  if (current_entry (self) == NULL || self->chosen >= 0 || option < 0 || (guint) option >= self->options->len)
    return FALSE;
  answer (self, option);
  return TRUE;
}

static void
add_shortcuts (TeapotQuiz *self)
{
  GtkEventController *controller = gtk_shortcut_controller_new ();
  GtkShortcutController *shortcuts = GTK_SHORTCUT_CONTROLLER (controller);

  /* As for the flashcards: only while the quiz is on screen. */
  gtk_shortcut_controller_set_scope (shortcuts, GTK_SHORTCUT_SCOPE_GLOBAL);
  gtk_event_controller_set_propagation_phase (controller, GTK_PHASE_CAPTURE);
  for (int i = 0; i < OPTION_BUTTONS; i++)
    {
      guint keyvals[] = { GDK_KEY_1 + i, GDK_KEY_KP_1 + i };

      for (guint k = 0; k < G_N_ELEMENTS (keyvals); k++)
        {
          GtkShortcut *shortcut = gtk_shortcut_new (gtk_keyval_trigger_new (keyvals[k], 0),
                                                    gtk_callback_action_new (on_answer_key, NULL, NULL));

          gtk_shortcut_set_arguments (shortcut, g_variant_new_int32 (i));
          gtk_shortcut_controller_add_shortcut (shortcuts, shortcut);
        }
    }
  gtk_widget_add_controller (GTK_WIDGET (self), controller);
}

/* Actions */

static void
start_action (GtkWidget  *widget,
              const char *action_name,
              GVariant   *parameter)
{
  start_round (TEAPOT_QUIZ (widget));
}

static void
answer_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  answer (TEAPOT_QUIZ (widget), g_variant_get_int32 (parameter));
}

static void
next_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  TeapotQuiz *self = TEAPOT_QUIZ (widget);

  if (current_entry (self) == NULL || self->chosen < 0)
    return;
  self->index++;
  if (current_entry (self) != NULL)
    show_question (self);
  else
    show_summary (self);
}

/* GObject */

static void
teapot_quiz_dispose (GObject *object)
{
  TeapotQuiz *self = (TeapotQuiz *) object;

  g_clear_pointer (&self->round, g_ptr_array_unref);
  g_clear_pointer (&self->questions, g_ptr_array_unref);
  g_clear_pointer (&self->options, g_ptr_array_unref);
  gtk_widget_dispose_template (GTK_WIDGET (self), TEAPOT_TYPE_QUIZ);

  G_OBJECT_CLASS (teapot_quiz_parent_class)->dispose (object);
}

static void
teapot_quiz_finalize (GObject *object)
{
  TeapotQuiz *self = (TeapotQuiz *) object;

  g_clear_object (&self->store);
  g_clear_object (&self->study);
  g_clear_pointer (&self->rand, g_rand_free);
  g_free (self->deck_tag);

  G_OBJECT_CLASS (teapot_quiz_parent_class)->finalize (object);
}

static void
teapot_quiz_class_init (TeapotQuizClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = teapot_quiz_dispose;
  object_class->finalize = teapot_quiz_finalize;

  /* After each answer. */
  signals[REVIEWED] = g_signal_new ("reviewed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0,
                                    NULL, NULL, NULL, G_TYPE_NONE, 0);

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PREFIX "/ui/teapot-quiz.ui");
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_bind_template_child (widget_class, TeapotQuiz, stack);
  gtk_widget_class_bind_template_child (widget_class, TeapotQuiz, start_button);
  gtk_widget_class_bind_template_child (widget_class, TeapotQuiz, compare_check);
  gtk_widget_class_bind_template_child (widget_class, TeapotQuiz, compare_note);
  gtk_widget_class_bind_template_child (widget_class, TeapotQuiz, question_card);
  gtk_widget_class_bind_template_child (widget_class, TeapotQuiz, score_label);
  gtk_widget_class_bind_template_child (widget_class, TeapotQuiz, streak_label);
  gtk_widget_class_bind_template_child (widget_class, TeapotQuiz, question_label);
  gtk_widget_class_bind_template_child (widget_class, TeapotQuiz, prompt_code_label);
  gtk_widget_class_bind_template_child (widget_class, TeapotQuiz, prompt_text_label);
  gtk_widget_class_bind_template_child (widget_class, TeapotQuiz, vendor_label);
  for (guint i = 0; i < OPTION_BUTTONS; i++)
    {
      g_autofree char *button = g_strdup_printf ("option_button_%u", i + 1);
      g_autofree char *label = g_strdup_printf ("option_label_%u", i + 1);

      /* The template keeps the names: they outlive this loop. */
      gtk_widget_class_bind_template_child_full (widget_class, g_intern_string (button), FALSE,
                                                 G_STRUCT_OFFSET (TeapotQuiz, option_buttons) + i * sizeof (gpointer));
      gtk_widget_class_bind_template_child_full (widget_class, g_intern_string (label), FALSE,
                                                 G_STRUCT_OFFSET (TeapotQuiz, option_labels) + i * sizeof (gpointer));
    }
  gtk_widget_class_bind_template_child (widget_class, TeapotQuiz, feedback_label);
  gtk_widget_class_bind_template_child (widget_class, TeapotQuiz, next_button);
  gtk_widget_class_bind_template_child (widget_class, TeapotQuiz, summary_page);
  gtk_widget_class_bind_template_child (widget_class, TeapotQuiz, again_button);

  gtk_widget_class_install_action (widget_class, "quiz.start", NULL, start_action);
  gtk_widget_class_install_action (widget_class, "quiz.answer", "i", answer_action);
  gtk_widget_class_install_action (widget_class, "quiz.next", NULL, next_action);
}

static void
teapot_quiz_init (TeapotQuiz *self)
{
  self->rand = g_rand_new ();
  self->chosen = -1;
  gtk_widget_init_template (GTK_WIDGET (self));
  add_shortcuts (self);
  update_actions (self);
}

void
teapot_quiz_set_study (TeapotQuiz  *self,
                       TeapotStore *store,
                       TeapotStudy *study)
{
  g_return_if_fail (TEAPOT_IS_QUIZ (self));
  g_return_if_fail (store == NULL || TEAPOT_IS_STORE (store));
  g_return_if_fail (study == NULL || TEAPOT_IS_STUDY (study));

  g_set_object (&self->store, store);
  g_set_object (&self->study, study);
  show_start (self);
}

void
teapot_quiz_set_deck (TeapotQuiz         *self,
                      const TeapotFilter *deck)
{
  g_return_if_fail (TEAPOT_IS_QUIZ (self));
  g_return_if_fail (deck != NULL);

  g_free (self->deck_tag);
  self->deck_tag = g_strdup (deck->tag);
  self->deck = *deck;
  self->deck.tag = self->deck_tag;
  show_start (self);
}

void
teapot_quiz_refresh (TeapotQuiz *self)
{
  g_return_if_fail (TEAPOT_IS_QUIZ (self));

  /* A round in progress keeps its questions. */
  if (self->round == NULL)
    show_start (self);
}

TeapotEntry *
teapot_quiz_get_entry (TeapotQuiz *self)
{
  g_return_val_if_fail (TEAPOT_IS_QUIZ (self), NULL);
  return current_entry (self);
}

guint
teapot_quiz_get_answer (TeapotQuiz *self)
{
  g_return_val_if_fail (TEAPOT_IS_QUIZ (self), 0);
  return self->answer;
}

void
teapot_quiz_get_score (TeapotQuiz *self,
                       guint      *correct,
                       guint      *answered,
                       guint      *streak)
{
  g_return_if_fail (TEAPOT_IS_QUIZ (self));

  if (correct != NULL)
    *correct = self->correct;
  if (answered != NULL)
    *answered = self->answered;
  if (streak != NULL)
    *streak = self->streak;
}

void
teapot_quiz_focus (TeapotQuiz *self)
{
  const char *page;

  g_return_if_fail (TEAPOT_IS_QUIZ (self));

  page = gtk_stack_get_visible_child_name (self->stack);
  if (g_strcmp0 (page, "summary") == 0)
    teapot_ui_focus_if_mapped (GTK_WIDGET (self), GTK_WIDGET (self->again_button));
  else if (g_strcmp0 (page, "start") == 0)
    teapot_ui_focus_if_mapped (GTK_WIDGET (self), GTK_WIDGET (self->start_button));
  else if (g_strcmp0 (page, "question") == 0)
    teapot_ui_focus_if_mapped (GTK_WIDGET (self), self->chosen >= 0 ? GTK_WIDGET (self->next_button)
                                                                     : self->question_card);
}
