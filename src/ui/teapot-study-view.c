/* teapot-study-view.c
 *
 * Copyright The Teapot authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "teapot-study-view.h"
#include "teapot-flashcard.h"
#include "teapot-format.h"
#include "teapot-progress-view.h"
#include "teapot-quiz.h"
#include "teapot-ui-util.h"

/* The Study page: a deck chooser with the deck's counts, and the three ways to study it
 * (flashcards, quiz, progress). It owns the TeapotStudy the three share. A deck is named
 * by an id: "iana", "class:4", "tag:nginx" or "favourites". Its properties are what the
 * window keeps in GSettings: the deck, the flashcards' direction, the daily limit of new
 * cards and the order's seed. */
struct _TeapotStudyView
{
  GtkWidget parent_instance;

  AdwViewSwitcher *view_switcher;
  GtkDropDown *deck_dropdown;
  GtkLabel *counts_label;
  GtkStack *mode_stack;
  TeapotFlashcard *flashcard;
  TeapotQuiz *quiz;
  TeapotProgressView *progress;

  TeapotStore *store;
  TeapotStudy *study;
  GPtrArray *deck_ids;
  char *deck;
  char *deck_tag;
  TeapotFilter filter;
  guint new_per_day;
  guint32 seed;
  /* The drop-down's model is being replaced: its selection says nothing about the deck. */
  gboolean filling;
};

G_DEFINE_FINAL_TYPE (TeapotStudyView, teapot_study_view, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_DECK,
  PROP_MODE,
  PROP_VIEW_STACK,
  PROP_SHOW_SWITCHER,
  PROP_DIRECTION,
  PROP_NEW_CARDS_PER_DAY,
  PROP_SEED,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
parse_deck (TeapotStudyView *self,
            const char      *deck)
{
  g_clear_pointer (&self->deck_tag, g_free);
  memset (&self->filter, 0, sizeof self->filter);

  if (g_str_equal (deck, "favourites"))
    self->filter.favourites = TRUE;
  else if (g_str_has_prefix (deck, "class:"))
    self->filter.class_digit = (guint) g_ascii_strtoull (deck + strlen ("class:"), NULL, 10);
  else if (g_str_has_prefix (deck, "tag:"))
    self->deck_tag = g_strdup (deck + strlen ("tag:"));
  else
    self->deck_tag = g_strdup ("iana");
  self->filter.tag = self->deck_tag;
}

static void
update_counts (TeapotStudyView *self)
{
  TeapotDeckCounts counts = { 0 };
  g_autofree char *text = NULL;
  g_autofree char *tooltip = NULL;

  if (self->study == NULL)
    {
      gtk_label_set_label (self->counts_label, "");
      return;
    }

  teapot_study_count (self->study, &self->filter, g_get_real_time () / G_USEC_PER_SEC, &counts);
  /* Translators: the chosen deck's cards to study now, e.g. “4 due · 12 new today”: “new
   * today” is what is left of the daily limit of new cards, not every card never studied. */
  text = g_strdup_printf (_("%u due · %u new today"), counts.due, counts.new_today);
  /* Translators: a tooltip, e.g. “30 of 64 cards learned · 20 never studied”. */
  tooltip = g_strdup_printf (_("%u of %u cards learned · %u never studied"),
                             counts.learned, counts.total, counts.unseen);
  gtk_label_set_label (self->counts_label, text);
  gtk_widget_set_tooltip_text (GTK_WIDGET (self->counts_label), tooltip);
}

static void
apply_deck (TeapotStudyView *self)
{
  parse_deck (self, self->deck);
  teapot_flashcard_set_deck (self->flashcard, &self->filter);
  teapot_quiz_set_deck (self->quiz, &self->filter);
  teapot_progress_view_set_deck (self->progress, &self->filter);
  update_counts (self);
}

static void
sync_dropdown (TeapotStudyView *self)
{
  for (guint i = 0; self->deck_ids != NULL && i < self->deck_ids->len; i++)
    if (g_str_equal (g_ptr_array_index (self->deck_ids, i), self->deck))
      {
        if (gtk_drop_down_get_selected (self->deck_dropdown) != i)
          gtk_drop_down_set_selected (self->deck_dropdown, i);
        return;
      }
}

/* Once the store's decks are known, a deck remembered from a dataset that no longer has it
 * (a vendor removed, a mistyped setting) falls back to the registered codes. */
static void
check_deck (TeapotStudyView *self)
{
  for (guint i = 0; self->deck_ids != NULL && i < self->deck_ids->len; i++)
    if (g_str_equal (g_ptr_array_index (self->deck_ids, i), self->deck))
      return;
  g_object_set (self, "deck", "iana", NULL);
}

static void
add_deck (TeapotStudyView *self,
          GtkStringList   *names,
          const char      *id,
          const char      *name)
{
  g_ptr_array_add (self->deck_ids, g_strdup (id));
  gtk_string_list_append (names, name);
}

static void
fill_decks (TeapotStudyView *self)
{
  g_autoptr(GtkStringList) names = gtk_string_list_new (NULL);
  g_autoptr(GPtrArray) tags = NULL;

  g_clear_pointer (&self->deck_ids, g_ptr_array_unref);
  self->deck_ids = g_ptr_array_new_with_free_func (g_free);

  add_deck (self, names, "iana", _("All registered codes"));
  for (guint digit = 1; digit <= 5; digit++)
    {
      g_autofree char *id = g_strdup_printf ("class:%u", digit);
      /* Translators: a deck of one class, e.g. “4xx Client error”. */
      g_autofree char *name = g_strdup_printf (_("%uxx %s"), digit, teapot_format_class_name (digit));

      add_deck (self, names, id, name);
    }
  tags = self->store ? teapot_store_list_tags (self->store) : NULL;
  for (guint i = 0; tags != NULL && i < tags->len; i++)
    {
      TeapotTagCount *tag = g_ptr_array_index (tags, i);
      g_autofree char *id = g_strdup_printf ("tag:%s", tag->tag);

      /* The registered codes are the first deck already. */
      if (!g_str_equal (tag->tag, "iana"))
        add_deck (self, names, id, teapot_format_tag_name (tag->tag));
    }
  add_deck (self, names, "favourites", _("Favourites"));

  self->filling = TRUE;
  gtk_drop_down_set_model (self->deck_dropdown, G_LIST_MODEL (names));
  self->filling = FALSE;
  sync_dropdown (self);
}

static void
on_deck_selected (TeapotStudyView *self)
{
  guint selected = gtk_drop_down_get_selected (self->deck_dropdown);

  if (self->filling)
    return;
  if (self->deck_ids != NULL && selected < self->deck_ids->len)
    g_object_set (self, "deck", g_ptr_array_index (self->deck_ids, selected), NULL);
}

static void
on_direction_changed (TeapotStudyView *self)
{
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DIRECTION]);
}

static void
on_reviewed (TeapotStudyView *self)
{
  update_counts (self);
  teapot_progress_view_refresh (self->progress);
}

static void
on_mode_changed (TeapotStudyView *self)
{
  const char *mode = gtk_stack_get_visible_child_name (self->mode_stack);

  /* Reviews in the quiz change what the flashcards have due. */
  if (g_strcmp0 (mode, "cards") == 0)
    teapot_flashcard_refresh (self->flashcard);
  if (gtk_widget_get_mapped (GTK_WIDGET (self)))
    teapot_study_view_focus (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_MODE]);
}

/* GObject */

static void
teapot_study_view_dispose (GObject *object)
{
  GtkWidget *child;

  gtk_widget_dispose_template (GTK_WIDGET (object), TEAPOT_TYPE_STUDY_VIEW);
  /* Children the template does not name are the widget's to drop. */
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (object))) != NULL)
    gtk_widget_unparent (child);

  G_OBJECT_CLASS (teapot_study_view_parent_class)->dispose (object);
}

static void
teapot_study_view_finalize (GObject *object)
{
  TeapotStudyView *self = (TeapotStudyView *) object;

  g_clear_object (&self->study);
  g_clear_object (&self->store);
  g_clear_pointer (&self->deck_ids, g_ptr_array_unref);
  g_free (self->deck);
  g_free (self->deck_tag);

  G_OBJECT_CLASS (teapot_study_view_parent_class)->finalize (object);
}

static void
teapot_study_view_get_property (GObject    *object,
                                guint       prop_id,
                                GValue     *value,
                                GParamSpec *pspec)
{
  TeapotStudyView *self = TEAPOT_STUDY_VIEW (object);

  switch (prop_id)
    {
    case PROP_DECK:
      g_value_set_string (value, self->deck);
      break;
    case PROP_MODE:
      g_value_set_string (value, gtk_stack_get_visible_child_name (self->mode_stack));
      break;
    case PROP_VIEW_STACK:
    case PROP_SHOW_SWITCHER:
      teapot_ui_switcher_get (self->view_switcher, pspec, value);
      break;
    case PROP_DIRECTION:
      g_object_get_property (G_OBJECT (self->flashcard), "direction", value);
      break;
    case PROP_NEW_CARDS_PER_DAY:
      g_value_set_uint (value, self->new_per_day);
      break;
    case PROP_SEED:
      g_value_set_uint (value, self->seed);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
teapot_study_view_set_property (GObject      *object,
                                guint         prop_id,
                                const GValue *value,
                                GParamSpec   *pspec)
{
  TeapotStudyView *self = TEAPOT_STUDY_VIEW (object);
  const char *deck;

  switch (prop_id)
    {
    case PROP_DECK:
      deck = g_value_get_string (value);
      if (deck != NULL && g_strcmp0 (self->deck, deck) != 0)
        {
          g_free (self->deck);
          self->deck = g_strdup (deck);
          sync_dropdown (self);
          apply_deck (self);
          g_object_notify_by_pspec (object, pspec);
        }
      break;
    case PROP_MODE:
      /* The stack notifies, and on_mode_changed() follows. */
      if (gtk_stack_get_child_by_name (self->mode_stack, g_value_get_string (value)) != NULL)
        gtk_stack_set_visible_child_name (self->mode_stack, g_value_get_string (value));
      break;
    case PROP_VIEW_STACK:
    case PROP_SHOW_SWITCHER:
      if (teapot_ui_switcher_set (self->view_switcher, pspec, value))
        g_object_notify_by_pspec (object, pspec);
      break;
    case PROP_DIRECTION:
      /* The flashcards notify, and on_direction_changed() passes it on. */
      g_object_set_property (G_OBJECT (self->flashcard), "direction", value);
      break;
    case PROP_NEW_CARDS_PER_DAY:
      if (self->new_per_day != g_value_get_uint (value))
        {
          self->new_per_day = g_value_get_uint (value);
          if (self->study != NULL)
            teapot_study_set_new_per_day (self->study, self->new_per_day);
          teapot_study_view_refresh (self);
          g_object_notify_by_pspec (object, pspec);
        }
      break;
    case PROP_SEED:
      if (self->seed != g_value_get_uint (value))
        {
          self->seed = g_value_get_uint (value);
          if (self->study != NULL)
            teapot_study_set_seed (self->study, self->seed);
          g_object_notify_by_pspec (object, pspec);
        }
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
teapot_study_view_class_init (TeapotStudyViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = teapot_study_view_dispose;
  object_class->finalize = teapot_study_view_finalize;
  object_class->get_property = teapot_study_view_get_property;
  object_class->set_property = teapot_study_view_set_property;

  /* "iana", "class:1" to "class:5", "tag:" and a tag, or "favourites". */
  properties[PROP_DECK] =
    g_param_spec_string ("deck", NULL, NULL, "iana",
                         G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  /* "cards", "quiz" or "progress". */
  properties[PROP_MODE] =
    g_param_spec_string ("mode", NULL, NULL, "cards",
                         G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  /* The window's Browse/Study stack, switched from this header bar while the window is wide. */
  properties[PROP_VIEW_STACK] = teapot_ui_switcher_param_spec ("view-stack");
  properties[PROP_SHOW_SWITCHER] = teapot_ui_switcher_param_spec ("show-switcher");
  /* The flashcards' "forward" or "reverse". */
  properties[PROP_DIRECTION] =
    g_param_spec_string ("direction", NULL, NULL, "forward",
                         G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  properties[PROP_NEW_CARDS_PER_DAY] =
    g_param_spec_uint ("new-cards-per-day", NULL, NULL, 0, TEAPOT_STUDY_MAX_NEW_PER_DAY, TEAPOT_STUDY_NEW_PER_DAY,
                       G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  /* TeapotStudy's "seed": the user's order of new cards. */
  properties[PROP_SEED] =
    g_param_spec_uint ("seed", NULL, NULL, 0, G_MAXUINT32, 0,
                       G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  g_type_ensure (TEAPOT_TYPE_FLASHCARD);
  g_type_ensure (TEAPOT_TYPE_QUIZ);
  g_type_ensure (TEAPOT_TYPE_PROGRESS_VIEW);

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PREFIX "/ui/teapot-study-view.ui");
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BOX_LAYOUT);
  gtk_widget_class_bind_template_child (widget_class, TeapotStudyView, view_switcher);
  gtk_widget_class_bind_template_child (widget_class, TeapotStudyView, deck_dropdown);
  gtk_widget_class_bind_template_child (widget_class, TeapotStudyView, counts_label);
  gtk_widget_class_bind_template_child (widget_class, TeapotStudyView, mode_stack);
  gtk_widget_class_bind_template_child (widget_class, TeapotStudyView, flashcard);
  gtk_widget_class_bind_template_child (widget_class, TeapotStudyView, quiz);
  gtk_widget_class_bind_template_child (widget_class, TeapotStudyView, progress);
  gtk_widget_class_bind_template_callback (widget_class, on_deck_selected);
  gtk_widget_class_bind_template_callback (widget_class, on_reviewed);
  gtk_widget_class_bind_template_callback (widget_class, on_direction_changed);
  gtk_widget_class_bind_template_callback (widget_class, on_mode_changed);

  gtk_widget_class_install_property_action (widget_class, "study.deck", "deck");
  gtk_widget_class_install_property_action (widget_class, "study.mode", "mode");
}

static void
teapot_study_view_init (TeapotStudyView *self)
{
  self->deck = g_strdup ("iana");
  self->new_per_day = TEAPOT_STUDY_NEW_PER_DAY;
  parse_deck (self, self->deck);
  gtk_widget_init_template (GTK_WIDGET (self));
  gtk_orientable_set_orientation (GTK_ORIENTABLE (gtk_widget_get_layout_manager (GTK_WIDGET (self))),
                                  GTK_ORIENTATION_VERTICAL);
  fill_decks (self);
}

void
teapot_study_view_set_store (TeapotStudyView *self,
                             TeapotStore     *store)
{
  g_return_if_fail (TEAPOT_IS_STUDY_VIEW (self));
  g_return_if_fail (store == NULL || TEAPOT_IS_STORE (store));

  if (!g_set_object (&self->store, store))
    return;

  g_clear_object (&self->study);
  if (store != NULL)
    {
      self->study = teapot_study_new (store);
      teapot_study_set_new_per_day (self->study, self->new_per_day);
      teapot_study_set_seed (self->study, self->seed);
    }

  fill_decks (self);
  check_deck (self);
  parse_deck (self, self->deck);
  teapot_flashcard_set_deck (self->flashcard, &self->filter);
  teapot_quiz_set_deck (self->quiz, &self->filter);
  teapot_progress_view_set_deck (self->progress, &self->filter);
  teapot_flashcard_set_study (self->flashcard, self->study);
  teapot_quiz_set_study (self->quiz, store, self->study);
  teapot_progress_view_set_study (self->progress, self->study);
  update_counts (self);
}

TeapotStudy *
teapot_study_view_get_study (TeapotStudyView *self)
{
  g_return_val_if_fail (TEAPOT_IS_STUDY_VIEW (self), NULL);
  return self->study;
}

void
teapot_study_view_focus (TeapotStudyView *self)
{
  const char *mode;

  g_return_if_fail (TEAPOT_IS_STUDY_VIEW (self));

  mode = gtk_stack_get_visible_child_name (self->mode_stack);
  if (g_strcmp0 (mode, "cards") == 0)
    teapot_flashcard_focus (self->flashcard);
  else if (g_strcmp0 (mode, "quiz") == 0)
    teapot_quiz_focus (self->quiz);
  else
    gtk_widget_grab_focus (GTK_WIDGET (self->deck_dropdown));
}

void
teapot_study_view_refresh (TeapotStudyView *self)
{
  g_return_if_fail (TEAPOT_IS_STUDY_VIEW (self));

  update_counts (self);
  teapot_flashcard_refresh (self->flashcard);
  teapot_quiz_refresh (self->quiz);
  teapot_progress_view_refresh (self->progress);
}
