/* teapot-flashcard.c
 *
 * Copyright The Teapot authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "teapot-flashcard.h"
#include "teapot-ui-util.h"
#include "teapot-format.h"

/* A flashcard session: the due cards of a deck, then new ones, one at a time. The answer
 * is revealed with Space, and graded with 1-4 or the buttons, which show when the card
 * would come back. Cards rated Again come back at the end of the session. */
struct _TeapotFlashcard
{
  GtkWidget parent_instance;

  GtkStack *stack;
  AdwStatusPage *start_page;
  GtkButton *start_button;
  GtkLabel *position_label;
  GtkLabel *prompt_code_label;
  GtkLabel *prompt_text_label;
  GtkLabel *vendor_label;
  GtkWidget *answer_box;
  GtkLabel *answer_title_label;
  GtkLabel *answer_text_label;
  GtkButton *reveal_button;
  GtkWidget *grade_box;
  GtkButton *good_button;
  GtkLabel *interval_labels[4];
  AdwStatusPage *summary_page;
  GtkButton *done_button;

  TeapotStudy *study;
  /* The grade being saved (0: none); a card is graded once, and the next shows once saved. */
  TeapotRating saving;
  TeapotFilter deck;
  char *deck_tag;
  char *direction;

  GPtrArray *queue;
  guint position;
  gboolean revealed;
  guint ratings[4];
};

G_DEFINE_FINAL_TYPE (TeapotFlashcard, teapot_flashcard, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_DIRECTION,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

enum {
  REVIEWED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

/* Cards per session; new ones come as the study's daily limit allows. */
#define MAX_CARDS 60

static gboolean
is_reverse (TeapotFlashcard *self)
{
  return g_strcmp0 (self->direction, "reverse") == 0;
}

static TeapotEntry *
current_entry (TeapotFlashcard *self)
{
  if (self->queue == NULL || self->position >= self->queue->len)
    return NULL;
  return g_ptr_array_index (self->queue, self->position);
}

static void
update_actions (TeapotFlashcard *self)
{
  gboolean on_card = current_entry (self) != NULL;

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "flashcard.reveal", on_card && !self->revealed);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "flashcard.grade", on_card && self->revealed);
}

static void
update_previews (TeapotFlashcard *self,
                 TeapotEntry     *entry)
{
  gint64 now = teapot_ui_now_seconds ();
  TeapotCard card = teapot_study_get_card (self->study, teapot_entry_get_id (entry), now);
  TeapotScheduler *scheduler = teapot_study_get_scheduler (self->study);

  for (guint i = 0; i < G_N_ELEMENTS (self->interval_labels); i++)
    {
      gint64 interval = teapot_scheduler_preview (scheduler, &card, TEAPOT_RATING_AGAIN + i, now);
      g_autofree char *text = teapot_flashcard_format_interval (interval);

      gtk_label_set_label (self->interval_labels[i], text);
    }
}

static void
show_card (TeapotFlashcard *self)
{
  TeapotEntry *entry = current_entry (self);
  const char *vendor = teapot_entry_get_vendor (entry);
  g_autofree char *position = NULL;
  g_autofree char *code = teapot_format_code (entry);
  g_autofree char *title = teapot_format_entry_title (entry);
  gboolean reverse = is_reverse (self);

  self->revealed = FALSE;
  /* Translators: the card on display and the cards in the session, e.g. “3 of 20”. */
  position = g_strdup_printf (_("%u of %u"), self->position + 1, self->queue->len);
  gtk_label_set_label (self->position_label, position);

  /* Forward: the code, then its meaning. Reverse: the meaning, then the code. */
  gtk_label_set_label (self->prompt_code_label, code);
  teapot_ui_set_class_style (GTK_WIDGET (self->prompt_code_label), entry);
  gtk_widget_set_visible (GTK_WIDGET (self->prompt_code_label), !reverse);
  gtk_label_set_label (self->prompt_text_label, teapot_entry_get_summary (entry));
  gtk_widget_set_visible (GTK_WIDGET (self->prompt_text_label), reverse);
  /* A vendor's code is only answerable knowing the vendor: 499 means three things. */
  gtk_label_set_label (self->vendor_label, vendor ? teapot_format_tag_name (vendor) : "");
  gtk_widget_set_visible (GTK_WIDGET (self->vendor_label), vendor != NULL);

  gtk_label_set_label (self->answer_title_label, reverse ? title : teapot_entry_get_phrase (entry));
  teapot_ui_set_class_style (GTK_WIDGET (self->answer_title_label), entry);
  gtk_label_set_label (self->answer_text_label, teapot_entry_get_summary (entry));
  gtk_widget_set_visible (GTK_WIDGET (self->answer_text_label), !reverse);
  gtk_widget_set_visible (self->answer_box, FALSE);
  gtk_widget_set_visible (GTK_WIDGET (self->reveal_button), TRUE);
  gtk_widget_set_visible (self->grade_box, FALSE);

  update_previews (self, entry);
  update_actions (self);
  gtk_stack_set_visible_child_name (self->stack, "card");
  teapot_ui_focus_if_mapped (GTK_WIDGET (self), GTK_WIDGET (self->reveal_button));
}

static void
show_summary (TeapotFlashcard *self)
{
  g_autofree char *description = NULL;
  guint total = 0;

  for (guint i = 0; i < G_N_ELEMENTS (self->ratings); i++)
    total += self->ratings[i];

  /* Translators: the end of a flashcard session; the numbers count grades. */
  description = g_strdup_printf (ngettext ("%u card reviewed: %u again, %u hard, %u good, %u easy",
                                           "%u cards reviewed: %u again, %u hard, %u good, %u easy", total),
                                 total, self->ratings[0], self->ratings[1], self->ratings[2], self->ratings[3]);
  adw_status_page_set_description (self->summary_page, description);
  g_clear_pointer (&self->queue, g_ptr_array_unref);
  self->position = 0;
  update_actions (self);
  gtk_stack_set_visible_child_name (self->stack, "summary");
  teapot_ui_focus_if_mapped (GTK_WIDGET (self), GTK_WIDGET (self->done_button));
}

static void
reveal (TeapotFlashcard *self)
{
  if (current_entry (self) == NULL || self->revealed)
    return;

  self->revealed = TRUE;
  gtk_widget_set_visible (self->answer_box, TRUE);
  gtk_widget_set_visible (GTK_WIDGET (self->reveal_button), FALSE);
  gtk_widget_set_visible (self->grade_box, TRUE);
  update_actions (self);
  teapot_ui_focus_if_mapped (GTK_WIDGET (self), GTK_WIDGET (self->good_button));
}

static void
on_review_saved (GObject      *source,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  g_autoptr(TeapotFlashcard) self = user_data;
  g_autoptr(GError) error = NULL;
  TeapotRating rating = self->saving;
  TeapotEntry *entry = current_entry (self);
  gboolean saved = teapot_study_record_review_finish (TEAPOT_STUDY (source), result, &error);

  self->saving = 0;
  if (!saved)
    {
      teapot_ui_toast (GTK_WIDGET (self), error->message);
      return;
    }
  /* The session ended while the grade was being saved: it is saved, nothing more to show. */
  if (rating == 0 || entry == NULL)
    return;

  self->ratings[rating - TEAPOT_RATING_AGAIN]++;
  if (rating == TEAPOT_RATING_AGAIN)
    g_ptr_array_add (self->queue, g_object_ref (entry));
  self->position++;
  g_signal_emit (self, signals[REVIEWED], 0);

  if (current_entry (self) != NULL)
    show_card (self);
  else
    show_summary (self);
}

static void
grade (TeapotFlashcard *self,
       TeapotRating     rating)
{
  TeapotEntry *entry = current_entry (self);

  if (entry == NULL || !self->revealed || self->saving != 0
      || rating < TEAPOT_RATING_AGAIN || rating > TEAPOT_RATING_EASY)
    return;

  self->saving = rating;
  teapot_study_record_review_async (self->study, teapot_entry_get_id (entry), rating, teapot_ui_now_seconds (),
                                    NULL, on_review_saved, g_object_ref (self));
}

static void
stop_session (TeapotFlashcard *self)
{
  g_clear_pointer (&self->queue, g_ptr_array_unref);
  self->position = 0;
  self->revealed = FALSE;
  self->saving = 0;
  update_actions (self);
}

/* Keys: callbacks rather than actions, so a key that means nothing now reaches the rest
 * of the window (Space on a focused button, digits in a text field). */

static gboolean
on_reveal_key (GtkWidget *widget,
               GVariant  *args,
               gpointer   user_data)
{
  TeapotFlashcard *self = TEAPOT_FLASHCARD (widget);

  if (current_entry (self) == NULL || self->revealed)
    return FALSE;
  reveal (self);
  return TRUE;
}

static gboolean
on_grade_key (GtkWidget *widget,
              GVariant  *args,
              gpointer   user_data)
{
  TeapotFlashcard *self = TEAPOT_FLASHCARD (widget);

  if (current_entry (self) == NULL || !self->revealed)
    return FALSE;
  grade (self, g_variant_get_int32 (args));
  return TRUE;
}

static void
add_key (GtkShortcutController *controller,
         guint                  keyval,
         GtkShortcutFunc        callback,
         GVariant              *args)
{
  GtkShortcut *shortcut = gtk_shortcut_new (gtk_keyval_trigger_new (keyval, 0),
                                            gtk_callback_action_new (callback, NULL, NULL));

  gtk_shortcut_set_arguments (shortcut, args);
  gtk_shortcut_controller_add_shortcut (controller, shortcut);
}

static void
add_shortcuts (TeapotFlashcard *self)
{
  GtkEventController *controller = gtk_shortcut_controller_new ();
  GtkShortcutController *shortcuts = GTK_SHORTCUT_CONTROLLER (controller);

  /* Global, but only while the flashcard is on screen (unmapped widgets' shortcuts never
   * run); captured, so Space reveals whichever button has the focus. */
  gtk_shortcut_controller_set_scope (shortcuts, GTK_SHORTCUT_SCOPE_GLOBAL);
  gtk_event_controller_set_propagation_phase (controller, GTK_PHASE_CAPTURE);
  add_key (shortcuts, GDK_KEY_space, on_reveal_key, NULL);
  add_key (shortcuts, GDK_KEY_KP_Space, on_reveal_key, NULL);
  for (int i = 0; i < 4; i++)
    {
      add_key (shortcuts, GDK_KEY_1 + i, on_grade_key, g_variant_new_int32 (TEAPOT_RATING_AGAIN + i));
      add_key (shortcuts, GDK_KEY_KP_1 + i, on_grade_key, g_variant_new_int32 (TEAPOT_RATING_AGAIN + i));
    }
  gtk_widget_add_controller (GTK_WIDGET (self), controller);
}

/* Actions */

static void
start_action (GtkWidget  *widget,
              const char *action_name,
              GVariant   *parameter)
{
  TeapotFlashcard *self = TEAPOT_FLASHCARD (widget);

  if (self->study == NULL)
    return;

  stop_session (self);
  self->queue = teapot_study_queue (self->study, &self->deck, teapot_ui_now_seconds (),
                                   TEAPOT_STUDY_MAX_NEW_PER_DAY, MAX_CARDS);
  memset (self->ratings, 0, sizeof self->ratings);
  if (self->queue->len == 0)
    {
      stop_session (self);
      teapot_flashcard_refresh (self);
      return;
    }
  show_card (self);
}

static void
reveal_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  reveal (TEAPOT_FLASHCARD (widget));
}

static void
grade_action (GtkWidget  *widget,
              const char *action_name,
              GVariant   *parameter)
{
  grade (TEAPOT_FLASHCARD (widget), g_variant_get_int32 (parameter));
}

static void
finish_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  TeapotFlashcard *self = TEAPOT_FLASHCARD (widget);

  stop_session (self);
  gtk_stack_set_visible_child_name (self->stack, "start");
  teapot_flashcard_refresh (self);
  teapot_ui_focus_if_mapped (GTK_WIDGET (self), GTK_WIDGET (self->start_button));
}

/* GObject */

static void
teapot_flashcard_dispose (GObject *object)
{
  TeapotFlashcard *self = (TeapotFlashcard *) object;

  g_clear_pointer (&self->queue, g_ptr_array_unref);
  gtk_widget_dispose_template (GTK_WIDGET (self), TEAPOT_TYPE_FLASHCARD);

  G_OBJECT_CLASS (teapot_flashcard_parent_class)->dispose (object);
}

static void
teapot_flashcard_finalize (GObject *object)
{
  TeapotFlashcard *self = (TeapotFlashcard *) object;

  g_clear_object (&self->study);
  g_free (self->deck_tag);
  g_free (self->direction);

  G_OBJECT_CLASS (teapot_flashcard_parent_class)->finalize (object);
}

static void
teapot_flashcard_get_property (GObject    *object,
                               guint       prop_id,
                               GValue     *value,
                               GParamSpec *pspec)
{
  TeapotFlashcard *self = TEAPOT_FLASHCARD (object);

  switch (prop_id)
    {
    case PROP_DIRECTION:
      g_value_set_string (value, self->direction);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
teapot_flashcard_set_property (GObject      *object,
                               guint         prop_id,
                               const GValue *value,
                               GParamSpec   *pspec)
{
  TeapotFlashcard *self = TEAPOT_FLASHCARD (object);

  switch (prop_id)
    {
    case PROP_DIRECTION:
      if (g_strcmp0 (self->direction, g_value_get_string (value)) != 0)
        {
          g_free (self->direction);
          self->direction = g_value_dup_string (value);
          /* The card on display turns over to the new side. */
          if (current_entry (self) != NULL)
            show_card (self);
          g_object_notify_by_pspec (object, pspec);
        }
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
teapot_flashcard_class_init (TeapotFlashcardClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = teapot_flashcard_dispose;
  object_class->finalize = teapot_flashcard_finalize;
  object_class->get_property = teapot_flashcard_get_property;
  object_class->set_property = teapot_flashcard_set_property;

  /* "forward" (the code, then its meaning) or "reverse" (the meaning, then the code). */
  properties[PROP_DIRECTION] =
    g_param_spec_string ("direction", NULL, NULL, "forward",
                         G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /* After each graded card. */
  signals[REVIEWED] = g_signal_new ("reviewed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0,
                                    NULL, NULL, NULL, G_TYPE_NONE, 0);

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PREFIX "/ui/teapot-flashcard.ui");
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_bind_template_child (widget_class, TeapotFlashcard, stack);
  gtk_widget_class_bind_template_child (widget_class, TeapotFlashcard, start_page);
  gtk_widget_class_bind_template_child (widget_class, TeapotFlashcard, start_button);
  gtk_widget_class_bind_template_child (widget_class, TeapotFlashcard, position_label);
  gtk_widget_class_bind_template_child (widget_class, TeapotFlashcard, prompt_code_label);
  gtk_widget_class_bind_template_child (widget_class, TeapotFlashcard, prompt_text_label);
  gtk_widget_class_bind_template_child (widget_class, TeapotFlashcard, vendor_label);
  gtk_widget_class_bind_template_child (widget_class, TeapotFlashcard, answer_box);
  gtk_widget_class_bind_template_child (widget_class, TeapotFlashcard, answer_title_label);
  gtk_widget_class_bind_template_child (widget_class, TeapotFlashcard, answer_text_label);
  gtk_widget_class_bind_template_child (widget_class, TeapotFlashcard, reveal_button);
  gtk_widget_class_bind_template_child (widget_class, TeapotFlashcard, grade_box);
  gtk_widget_class_bind_template_child (widget_class, TeapotFlashcard, good_button);
  gtk_widget_class_bind_template_child_full (widget_class, "again_interval", FALSE,
                                             G_STRUCT_OFFSET (TeapotFlashcard, interval_labels[0]));
  gtk_widget_class_bind_template_child_full (widget_class, "hard_interval", FALSE,
                                             G_STRUCT_OFFSET (TeapotFlashcard, interval_labels[1]));
  gtk_widget_class_bind_template_child_full (widget_class, "good_interval", FALSE,
                                             G_STRUCT_OFFSET (TeapotFlashcard, interval_labels[2]));
  gtk_widget_class_bind_template_child_full (widget_class, "easy_interval", FALSE,
                                             G_STRUCT_OFFSET (TeapotFlashcard, interval_labels[3]));
  gtk_widget_class_bind_template_child (widget_class, TeapotFlashcard, summary_page);
  gtk_widget_class_bind_template_child (widget_class, TeapotFlashcard, done_button);

  gtk_widget_class_install_property_action (widget_class, "flashcard.direction", "direction");
  gtk_widget_class_install_action (widget_class, "flashcard.start", NULL, start_action);
  gtk_widget_class_install_action (widget_class, "flashcard.reveal", NULL, reveal_action);
  gtk_widget_class_install_action (widget_class, "flashcard.grade", "i", grade_action);
  gtk_widget_class_install_action (widget_class, "flashcard.finish", NULL, finish_action);
}

static void
teapot_flashcard_init (TeapotFlashcard *self)
{
  self->direction = g_strdup ("forward");
  gtk_widget_init_template (GTK_WIDGET (self));
  add_shortcuts (self);
  update_actions (self);
}

void
teapot_flashcard_set_study (TeapotFlashcard *self,
                            TeapotStudy     *study)
{
  g_return_if_fail (TEAPOT_IS_FLASHCARD (self));
  g_return_if_fail (study == NULL || TEAPOT_IS_STUDY (study));

  stop_session (self);
  g_set_object (&self->study, study);
  teapot_flashcard_refresh (self);
}

void
teapot_flashcard_set_deck (TeapotFlashcard    *self,
                           const TeapotFilter *deck)
{
  g_return_if_fail (TEAPOT_IS_FLASHCARD (self));
  g_return_if_fail (deck != NULL);

  g_free (self->deck_tag);
  self->deck_tag = g_strdup (deck->tag);
  self->deck = *deck;
  self->deck.tag = self->deck_tag;
  stop_session (self);
  teapot_flashcard_refresh (self);
}

void
teapot_flashcard_refresh (TeapotFlashcard *self)
{
  TeapotDeckCounts counts = { 0 };
  g_autofree char *description = NULL;

  g_return_if_fail (TEAPOT_IS_FLASHCARD (self));

  /* A session in progress keeps its cards; the start page is counted again after it. */
  if (self->queue != NULL)
    return;

  if (self->study != NULL)
    teapot_study_count (self->study, &self->deck, teapot_ui_now_seconds (), &counts);

  if (counts.total == 0)
    description = g_strdup (_("This deck has no cards yet. Choose another deck, or star some codes."));
  else if (counts.due == 0 && counts.unseen == 0)
    description = g_strdup (_("Every card in this deck has been studied and none is due. Come back later."));
  else if (counts.due == 0 && counts.new_today == 0)
    description = g_strdup (_("None due, and today’s new cards are done. Come back tomorrow, or allow more "
                              "new cards per day in Preferences."));
  else
    /* Translators: how many cards a flashcard session will show; “new today” as in the
     * counts above (“4 due · 12 new today”). */
    description = g_strdup_printf (_("%u due and %u new today. Reveal the answer with Space, then grade "
                                     "yourself from 1 (Again) to 4 (Easy)."),
                                   counts.due, counts.new_today);
  adw_status_page_set_description (self->start_page, description);
  gtk_widget_set_sensitive (GTK_WIDGET (self->start_button), counts.due > 0 || counts.new_today > 0);
  if (g_strcmp0 (gtk_stack_get_visible_child_name (self->stack), "summary") != 0)
    gtk_stack_set_visible_child_name (self->stack, "start");
}

TeapotEntry *
teapot_flashcard_get_current (TeapotFlashcard *self)
{
  g_return_val_if_fail (TEAPOT_IS_FLASHCARD (self), NULL);
  return current_entry (self);
}

void
teapot_flashcard_focus (TeapotFlashcard *self)
{
  const char *page;

  g_return_if_fail (TEAPOT_IS_FLASHCARD (self));

  page = gtk_stack_get_visible_child_name (self->stack);
  if (g_strcmp0 (page, "summary") == 0)
    teapot_ui_focus_if_mapped (GTK_WIDGET (self), GTK_WIDGET (self->done_button));
  else if (g_strcmp0 (page, "card") == 0)
    teapot_ui_focus_if_mapped (GTK_WIDGET (self), self->revealed ? GTK_WIDGET (self->good_button) : GTK_WIDGET (self->reveal_button));
  else
    teapot_ui_focus_if_mapped (GTK_WIDGET (self), GTK_WIDGET (self->start_button));
}

char *
teapot_flashcard_format_interval (gint64 seconds)
{
  /* Rounded first, so 59.6 minutes reads "1 h" rather than "60 min". */
  gint64 minutes = MAX (1, (seconds + 30) / 60);
  gint64 hours = (seconds + 1800) / 3600;
  gint64 days = (seconds + 43200) / 86400;
  gint64 months = (days + 15) / 30;

  if (minutes < 60)
    /* Translators: a short interval in minutes, on a grade button. */
    return g_strdup_printf (_("%u min"), (guint) minutes);
  if (hours < 24)
    /* Translators: a short interval in hours. */
    return g_strdup_printf (_("%u h"), (guint) hours);
  if (days < 30)
    /* Translators: a short interval in days. */
    return g_strdup_printf (_("%u d"), (guint) days);
  if (months < 12)
    /* Translators: a short interval in months. */
    return g_strdup_printf (_("%u mo"), (guint) months);
  /* Translators: a short interval in years, with one decimal. */
  return g_strdup_printf (_("%.1f y"), (double) seconds / (365.25 * 86400));
}
