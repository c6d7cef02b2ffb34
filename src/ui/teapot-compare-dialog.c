/* teapot-compare-dialog.c
 *
 * Copyright The Teapot authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "teapot-compare-dialog.h"
#include "teapot-comparison.h"

/* The comparison view in a dialog, with the codes as text the user can edit: the same text
 * the search entry and `teapot --compare` take. */
struct _TeapotCompareDialog
{
  AdwDialog parent_instance;

  GtkEntry *codes_entry;
  GtkLabel *message;
  TeapotCompareView *view;

  TeapotStore *store;
  GPtrArray *entries;
};

G_DEFINE_FINAL_TYPE (TeapotCompareDialog, teapot_compare_dialog, ADW_TYPE_DIALOG)

static void
update_comparison (TeapotCompareDialog *self)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) entries = NULL;
  g_autoptr(GString) ids = g_string_new (NULL);

  entries = teapot_comparison_parse (self->store, gtk_editable_get_text (GTK_EDITABLE (self->codes_entry)), &error);
  /* A half-typed query keeps the last comparison on screen and says what is missing. */
  gtk_label_set_text (self->message, error != NULL ? error->message : "");
  gtk_widget_set_visible (GTK_WIDGET (self->message), error != NULL);
  if (entries == NULL)
    return;

  g_ptr_array_unref (self->entries);
  self->entries = g_steal_pointer (&entries);
  teapot_compare_view_set_entries (self->view, self->store, self->entries);
  for (guint i = 0; i < self->entries->len; i++)
    g_string_append_printf (ids, "%s%s", i > 0 ? ", " : "", teapot_entry_get_id (g_ptr_array_index (self->entries, i)));
  adw_dialog_set_title (ADW_DIALOG (self), ids->len > 0 ? ids->str : _("Compare"));
}

static void
on_codes_entry_changed (TeapotCompareDialog *self)
{
  update_comparison (self);
}

static void
teapot_compare_dialog_dispose (GObject *object)
{
  TeapotCompareDialog *self = (TeapotCompareDialog *) object;

  g_clear_object (&self->store);
  g_clear_pointer (&self->entries, g_ptr_array_unref);
  gtk_widget_dispose_template (GTK_WIDGET (self), TEAPOT_TYPE_COMPARE_DIALOG);

  G_OBJECT_CLASS (teapot_compare_dialog_parent_class)->dispose (object);
}

static void
teapot_compare_dialog_class_init (TeapotCompareDialogClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  G_OBJECT_CLASS (klass)->dispose = teapot_compare_dialog_dispose;

  g_type_ensure (TEAPOT_TYPE_COMPARE_VIEW);
  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PREFIX "/ui/teapot-compare-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, TeapotCompareDialog, codes_entry);
  gtk_widget_class_bind_template_child (widget_class, TeapotCompareDialog, message);
  gtk_widget_class_bind_template_child (widget_class, TeapotCompareDialog, view);
}

static void
teapot_compare_dialog_init (TeapotCompareDialog *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  self->entries = g_ptr_array_new_with_free_func (g_object_unref);
}

TeapotCompareDialog *
teapot_compare_dialog_new (TeapotStore *store,
                           const char  *query)
{
  TeapotCompareDialog *self;
  g_autofree char *text = NULL;
  const char *end;

  g_return_val_if_fail (TEAPOT_IS_STORE (store), NULL);
  g_return_val_if_fail (query != NULL, NULL);

  self = g_object_new (TEAPOT_TYPE_COMPARE_DIALOG, NULL);
  self->store = g_object_ref (store);
  /* One code alone ("Other Codes…" on a detail page) invites the next one. */
  end = query + strlen (query);
  text = teapot_comparison_find_set (query) == NULL && !teapot_comparison_is_query (query) && end > query
         ? g_strconcat (query, ", ", NULL) : g_strdup (query);
  gtk_editable_set_text (GTK_EDITABLE (self->codes_entry), text);
  update_comparison (self);
  g_signal_connect_swapped (self->codes_entry, "changed", G_CALLBACK (on_codes_entry_changed), self);
  gtk_editable_set_position (GTK_EDITABLE (self->codes_entry), -1);
  return self;
}

TeapotCompareView *
teapot_compare_dialog_get_view (TeapotCompareDialog *self)
{
  g_return_val_if_fail (TEAPOT_IS_COMPARE_DIALOG (self), NULL);
  return self->view;
}

GPtrArray *
teapot_compare_dialog_get_entries (TeapotCompareDialog *self)
{
  g_return_val_if_fail (TEAPOT_IS_COMPARE_DIALOG (self), NULL);
  return self->entries;
}

GMenuModel *
teapot_compare_menu_new (const char *id)
{
  g_autoptr(GPtrArray) sets = teapot_comparison_sets_with (id);
  g_autoptr(GMenu) ready_made = g_menu_new ();
  g_autoptr(GMenu) other = g_menu_new ();
  GMenu *menu = g_menu_new ();

  g_return_val_if_fail (id != NULL, G_MENU_MODEL (menu));

  for (guint i = 0; i < sets->len; i++)
    {
      const TeapotComparisonSet *set = g_ptr_array_index (sets, i);
      g_autoptr(GMenuItem) item = g_menu_item_new (teapot_comparison_set_get_name (set), NULL);

      g_menu_item_set_action_and_target (item, "win.compare", "s", set->id);
      g_menu_append_item (ready_made, item);
    }
  {
    g_autoptr(GMenuItem) item = g_menu_item_new (_("_Other Codes…"), NULL);

    g_menu_item_set_action_and_target (item, "win.compare", "s", id);
    g_menu_append_item (other, item);
  }
  if (sets->len > 0)
    g_menu_append_section (menu, NULL, G_MENU_MODEL (ready_made));
  g_menu_append_section (menu, NULL, G_MENU_MODEL (other));
  return G_MENU_MODEL (menu);
}
