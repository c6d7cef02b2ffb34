/* teapot-progress-view.c
 *
 * Copyright The Teapot authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>

#include "teapot-progress-view.h"
#include "teapot-format.h"
#include "teapot-review-chart.h"

/* How a deck is going: cards learned, cards due, the share remembered over 30 days, the
 * reviews per day, and the codes forgotten most, each a way back to its entry in Browse. */
struct _TeapotProgressView
{
  GtkWidget parent_instance;

  GtkLabel *learned_label;
  GtkLabel *learned_total_label;
  GtkLabel *due_label;
  GtkLabel *retention_label;
  GtkLabel *reviews_label;
  TeapotReviewChart *chart;
  GtkListBox *missed_list;

  TeapotStudy *study;
  TeapotFilter deck;
  char *deck_tag;
};

G_DEFINE_FINAL_TYPE (TeapotProgressView, teapot_progress_view, GTK_TYPE_WIDGET)

static gint64
now_seconds (void)
{
  return g_get_real_time () / G_USEC_PER_SEC;
}

static GtkWidget *
create_missed_row (TeapotEntry *entry)
{
  GtkWidget *row = adw_action_row_new ();
  g_autofree char *title = teapot_format_entry_title (entry);
  const char *vendor = teapot_entry_get_vendor (entry);
  GtkWidget *arrow = gtk_image_new_from_icon_name ("go-next-symbolic");

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), vendor ? teapot_format_tag_name (vendor)
                                                            : teapot_entry_get_summary (entry));
  adw_action_row_set_subtitle_lines (ADW_ACTION_ROW (row), 1);
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);
  gtk_actionable_set_action_name (GTK_ACTIONABLE (row), "win.show-entry");
  gtk_actionable_set_action_target (GTK_ACTIONABLE (row), "s", teapot_entry_get_id (entry));
  gtk_widget_set_tooltip_text (row, _("Open in Browse"));
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), arrow);
  return row;
}

static void
remove_rows (GtkListBox *list)
{
  GtkListBoxRow *row;

  while ((row = gtk_list_box_get_row_at_index (list, 0)) != NULL)
    gtk_list_box_remove (list, GTK_WIDGET (row));
}

static void
update (TeapotProgressView *self)
{
  TeapotProgress progress = { 0 };
  TeapotDeckCounts counts = { 0 };
  gint64 now = now_seconds ();
  g_autofree char *learned_total = NULL;
  g_autofree char *due = NULL;
  g_autofree char *learned = NULL;
  g_autofree char *retention = NULL;
  g_autofree char *reviews = NULL;

  if (self->study == NULL)
    return;

  teapot_study_count (self->study, &self->deck, now, &counts);
  teapot_study_get_progress (self->study, &self->deck, now, &progress);

  learned = g_strdup_printf ("%u", counts.learned);
  /* Translators: below the number of cards learned, e.g. “of 63”. */
  learned_total = g_strdup_printf (_("learned of %u"), counts.total);
  due = g_strdup_printf ("%u", counts.due);
  if (progress.reviews_30d > 0)
    /* Translators: a percentage of reviews remembered. */
    retention = g_strdup_printf (_("%.0f %%"), progress.retention_30d * 100);
  else
    retention = g_strdup ("–");
  /* Translators: above the chart of reviews per day. */
  reviews = g_strdup_printf (ngettext ("%u review in the last 30 days", "%u reviews in the last 30 days",
                                       progress.reviews_30d),
                             progress.reviews_30d);

  gtk_label_set_label (self->learned_label, learned);
  gtk_label_set_label (self->learned_total_label, learned_total);
  gtk_label_set_label (self->due_label, due);
  gtk_label_set_label (self->retention_label, retention);
  gtk_label_set_label (self->reviews_label, reviews);
  teapot_review_chart_set_days (self->chart, progress.reviews_per_day, progress.correct_per_day);

  remove_rows (self->missed_list);
  for (guint i = 0; progress.most_missed != NULL && i < progress.most_missed->len; i++)
    gtk_list_box_append (self->missed_list, create_missed_row (g_ptr_array_index (progress.most_missed, i)));

  teapot_progress_clear (&progress);
}

/* GObject */

static void
teapot_progress_view_map (GtkWidget *widget)
{
  GTK_WIDGET_CLASS (teapot_progress_view_parent_class)->map (widget);
  /* Reviews happen on the other pages: what is shown is read when shown. */
  update (TEAPOT_PROGRESS_VIEW (widget));
}

static void
teapot_progress_view_dispose (GObject *object)
{
  GtkWidget *child;

  gtk_widget_dispose_template (GTK_WIDGET (object), TEAPOT_TYPE_PROGRESS_VIEW);
  /* Children the template does not name are the widget's to drop. */
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (object))) != NULL)
    gtk_widget_unparent (child);

  G_OBJECT_CLASS (teapot_progress_view_parent_class)->dispose (object);
}

static void
teapot_progress_view_finalize (GObject *object)
{
  TeapotProgressView *self = (TeapotProgressView *) object;

  g_clear_object (&self->study);
  g_free (self->deck_tag);

  G_OBJECT_CLASS (teapot_progress_view_parent_class)->finalize (object);
}

static void
teapot_progress_view_class_init (TeapotProgressViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = teapot_progress_view_dispose;
  object_class->finalize = teapot_progress_view_finalize;
  widget_class->map = teapot_progress_view_map;

  g_type_ensure (TEAPOT_TYPE_REVIEW_CHART);

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PREFIX "/ui/teapot-progress-view.ui");
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_bind_template_child (widget_class, TeapotProgressView, learned_label);
  gtk_widget_class_bind_template_child (widget_class, TeapotProgressView, learned_total_label);
  gtk_widget_class_bind_template_child (widget_class, TeapotProgressView, due_label);
  gtk_widget_class_bind_template_child (widget_class, TeapotProgressView, retention_label);
  gtk_widget_class_bind_template_child (widget_class, TeapotProgressView, reviews_label);
  gtk_widget_class_bind_template_child (widget_class, TeapotProgressView, chart);
  gtk_widget_class_bind_template_child (widget_class, TeapotProgressView, missed_list);
}

static void
teapot_progress_view_init (TeapotProgressView *self)
{
  GtkWidget *placeholder;

  gtk_widget_init_template (GTK_WIDGET (self));

  placeholder = gtk_label_new (_("Nothing missed yet"));
  gtk_widget_add_css_class (placeholder, "dim-label");
  gtk_widget_set_margin_top (placeholder, 18);
  gtk_widget_set_margin_bottom (placeholder, 18);
  gtk_list_box_set_placeholder (self->missed_list, placeholder);
}

void
teapot_progress_view_set_study (TeapotProgressView *self,
                                TeapotStudy        *study)
{
  g_return_if_fail (TEAPOT_IS_PROGRESS_VIEW (self));
  g_return_if_fail (study == NULL || TEAPOT_IS_STUDY (study));

  g_set_object (&self->study, study);
  if (study == NULL)
    remove_rows (self->missed_list);
  teapot_progress_view_refresh (self);
}

void
teapot_progress_view_set_deck (TeapotProgressView *self,
                               const TeapotFilter *deck)
{
  g_return_if_fail (TEAPOT_IS_PROGRESS_VIEW (self));
  g_return_if_fail (deck != NULL);

  g_free (self->deck_tag);
  self->deck_tag = g_strdup (deck->tag);
  self->deck = *deck;
  self->deck.tag = self->deck_tag;
  teapot_progress_view_refresh (self);
}

void
teapot_progress_view_refresh (TeapotProgressView *self)
{
  g_return_if_fail (TEAPOT_IS_PROGRESS_VIEW (self));

  if (gtk_widget_get_mapped (GTK_WIDGET (self)))
    update (self);
}
