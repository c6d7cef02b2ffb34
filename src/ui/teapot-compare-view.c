/* teapot-compare-view.c
 *
 * Copyright The Teapot authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>

#include "teapot-compare-view.h"
#include "teapot-comparison.h"
#include "teapot-facts.h"

/* The codes side by side. Both layouts are built whenever the entries change, so that the
 * breakpoint only switches pages and never rebuilds while the window is resized. */
struct _TeapotCompareView
{
  AdwBreakpointBin parent_instance;

  GtkStack *stack;
  GtkGrid *grid;
  GtkBox *cards;
};

G_DEFINE_FINAL_TYPE (TeapotCompareView, teapot_compare_view, ADW_TYPE_BREAKPOINT_BIN)

static void
remove_children (GtkWidget *parent)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (parent)) != NULL)
    {
      if (GTK_IS_GRID (parent))
        gtk_grid_remove (GTK_GRID (parent), child);
      else
        gtk_box_remove (GTK_BOX (parent), child);
    }
}

static GtkWidget *
cell_label (const char *text,
            const char *style)
{
  GtkWidget *label = gtk_label_new (text != NULL ? text : "—");

  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (label), PANGO_WRAP_WORD_CHAR);
  gtk_label_set_max_width_chars (GTK_LABEL (label), 28);
  gtk_label_set_width_chars (GTK_LABEL (label), 14);
  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_yalign (GTK_LABEL (label), 0);
  gtk_label_set_selectable (GTK_LABEL (label), text != NULL);
  if (style != NULL)
    gtk_widget_add_css_class (label, style);
  if (text == NULL)
    gtk_widget_add_css_class (label, "dim-label");
  return label;
}

static char *
title_of (TeapotEntry *entry)
{
  return g_strdup_printf ("%s %s", teapot_entry_get_id (entry), teapot_entry_get_phrase (entry));
}

static void
build_table (TeapotCompareView *self,
             GPtrArray         *entries,
             GPtrArray         *facts,
             const gboolean    *stated)
{
  int row = 1;

  for (guint i = 0; i < entries->len; i++)
    {
      TeapotEntry *entry = g_ptr_array_index (entries, i);
      GtkWidget *header = gtk_box_new (GTK_ORIENTATION_VERTICAL, 2);

      gtk_box_append (GTK_BOX (header), cell_label (teapot_entry_get_id (entry), "title-2"));
      gtk_box_append (GTK_BOX (header), cell_label (teapot_entry_get_phrase (entry), "heading"));
      gtk_grid_attach (self->grid, header, i + 1, 0, 1, 1);
    }

  for (guint k = 0; k < TEAPOT_N_FACTS; k++)
    {
      if (!stated[k])
        continue;
      gboolean short_values = teapot_fact_key_get_kind (k) != TEAPOT_FACT_KIND_TEXT;
      gboolean differ = FALSE;
      g_autoptr(GPtrArray) values = g_ptr_array_new_with_free_func (g_free);

      for (guint i = 0; i < facts->len; i++)
        {
          g_ptr_array_add (values, teapot_facts_format_value (g_ptr_array_index (facts, i), k));
          differ |= g_strcmp0 (g_ptr_array_index (values, 0), g_ptr_array_index (values, i)) != 0;
        }
      gtk_grid_attach (self->grid, cell_label (teapot_fact_key_get_label (k), "dim-label"), 0, row, 1, 1);
      /* Where the codes part ways (Method: "May change to GET" against "Kept") is what the
       * reader came for: those short values stand out. Sentences always differ. */
      for (guint i = 0; i < facts->len; i++)
        gtk_grid_attach (self->grid, cell_label (g_ptr_array_index (values, i), short_values && differ ? "heading" : NULL),
                         i + 1, row, 1, 1);
      row++;
    }

  gtk_grid_attach (self->grid, cell_label (_("Source"), "dim-label"), 0, row, 1, 1);
  for (guint i = 0; i < entries->len; i++)
    {
      g_autofree char *source = teapot_comparison_format_source (g_ptr_array_index (entries, i));

      gtk_grid_attach (self->grid, cell_label (source, "caption"), i + 1, row, 1, 1);
    }
}

static void
build_cards (TeapotCompareView *self,
             GPtrArray         *entries,
             GPtrArray         *facts,
             const gboolean    *stated)
{
  for (guint i = 0; i < entries->len; i++)
    {
      g_autofree char *title = title_of (g_ptr_array_index (entries, i));
      g_autofree char *source = NULL;
      GtkWidget *group = adw_preferences_group_new ();

      adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (group), title);
      for (guint k = 0; k < TEAPOT_N_FACTS; k++)
        {
          g_autofree char *value = NULL;
          GtkWidget *row;

          if (!stated[k])
            continue;
          value = teapot_facts_format_value (g_ptr_array_index (facts, i), k);
          row = adw_action_row_new ();
          adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
          adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), teapot_fact_key_get_label (k));
          adw_action_row_set_subtitle (ADW_ACTION_ROW (row), value != NULL ? value : "—");
          adw_action_row_set_subtitle_selectable (ADW_ACTION_ROW (row), TRUE);
          gtk_widget_add_css_class (row, "property");
          adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), row);
        }
      source = teapot_comparison_format_source (g_ptr_array_index (entries, i));
      adw_preferences_group_set_description (ADW_PREFERENCES_GROUP (group), source);
      gtk_box_append (self->cards, group);
    }
}

static void
teapot_compare_view_class_init (TeapotCompareViewClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PREFIX "/ui/teapot-compare-view.ui");
  gtk_widget_class_bind_template_child (widget_class, TeapotCompareView, stack);
  gtk_widget_class_bind_template_child (widget_class, TeapotCompareView, grid);
  gtk_widget_class_bind_template_child (widget_class, TeapotCompareView, cards);
}

static void
teapot_compare_view_init (TeapotCompareView *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

void
teapot_compare_view_set_entries (TeapotCompareView *self,
                                 TeapotStore       *store,
                                 GPtrArray         *entries)
{
  g_autoptr(GPtrArray) facts = g_ptr_array_new_with_free_func ((GDestroyNotify) teapot_facts_unref);
  gboolean stated[TEAPOT_N_FACTS] = { FALSE };

  g_return_if_fail (TEAPOT_IS_COMPARE_VIEW (self));
  g_return_if_fail (TEAPOT_IS_STORE (store));
  g_return_if_fail (entries != NULL);

  for (guint i = 0; i < entries->len; i++)
    {
      TeapotFacts *entry_facts = teapot_store_get_facts (store, teapot_entry_get_id (g_ptr_array_index (entries, i)));

      for (guint k = 0; k < TEAPOT_N_FACTS; k++)
        stated[k] |= teapot_facts_has (entry_facts, k);
      g_ptr_array_add (facts, entry_facts);
    }

  remove_children (GTK_WIDGET (self->grid));
  remove_children (GTK_WIDGET (self->cards));
  build_table (self, entries, facts, stated);
  build_cards (self, entries, facts, stated);
}

const char *
teapot_compare_view_get_layout (TeapotCompareView *self)
{
  g_return_val_if_fail (TEAPOT_IS_COMPARE_VIEW (self), NULL);
  return gtk_stack_get_visible_child_name (self->stack);
}
