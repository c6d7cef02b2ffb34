/* teapot-entry-row-pool.c
 *
 * Copyright The Teapot authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "teapot-entry-row-pool.h"
#include "teapot-entry-row.h"

/* The entry list's row factory, which keeps the rows GtkListView lets go.
 *
 * GtkListView reuses the row of a removed item only for an item added in the same
 * items-changed, and destroys the others: typing "rate limit", the second letter took the
 * list from 163 rows to 80 and destroyed 83 of them (a third of a million instructions
 * each, most of it disposing the row's eight widgets), and clearing the search built them
 * all again from the template. Here a row the list tears down keeps its widgets and waits
 * for the next row the list sets up; binding it to another entry only sets its labels.
 * (A GtkBuilderListItemFactory, as the house style prefers, builds and destroys a row
 * every time: hence a GtkSignalListItemFactory, set up in C.)
 *
 * The pool never holds more rows than the list once had at the same time, which GtkListView
 * keeps under 200 whatever the length of the list. */
struct _TeapotEntryRowPool
{
  GObject parent_instance;

  GtkListItemFactory *factory;
  GPtrArray *idle_rows;
  guint n_built;
};

G_DEFINE_FINAL_TYPE (TeapotEntryRowPool, teapot_entry_row_pool, G_TYPE_OBJECT)

enum {
  FAVOURITE_TOGGLED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static void
on_row_favourite_toggled (TeapotEntryRow     *row,
                          gboolean            favourite,
                          TeapotEntryRowPool *self)
{
  TeapotEntry *entry = teapot_entry_row_get_entry (row);

  if (entry != NULL)
    g_signal_emit (self, signals[FAVOURITE_TOGGLED], 0, entry, favourite);
}

static void
on_setup (TeapotEntryRowPool *self,
          GtkListItem        *item)
{
  g_autoptr(GtkWidget) row = NULL;

  if (self->idle_rows->len > 0)
    row = g_ptr_array_steal_index_fast (self->idle_rows, self->idle_rows->len - 1);
  else
    {
      row = g_object_ref_sink (teapot_entry_row_new ());
      /* The pool lives as long as the list, and so longer than any of its rows. */
      g_signal_connect_object (row, "favourite-toggled", G_CALLBACK (on_row_favourite_toggled), self, 0);
      self->n_built++;
    }
  gtk_list_item_set_child (item, row);
}

/* GtkListView tears a list item down after taking its child away (and so destroying it),
 * and unbinds it first: at unbind the pool holds on to the row, on the list item, until it
 * is either bound again or torn down. */
#define ROW_KEY "teapot-pooled-row"

static void
on_bind (TeapotEntryRowPool *self,
         GtkListItem        *item)
{
  g_object_set_data (G_OBJECT (item), ROW_KEY, NULL);
  teapot_entry_row_set_entry (TEAPOT_ENTRY_ROW (gtk_list_item_get_child (item)), gtk_list_item_get_item (item));
}

/* Unbound, a row keeps its entry: bound to the same one again, it has nothing to change. */
static void
on_unbind (TeapotEntryRowPool *self,
           GtkListItem        *item)
{
  GtkWidget *row = gtk_list_item_get_child (item);

  if (row != NULL)
    g_object_set_data_full (G_OBJECT (item), ROW_KEY, g_object_ref (row), g_object_unref);
}

static void
on_teardown (TeapotEntryRowPool *self,
             GtkListItem        *item)
{
  GtkWidget *row = g_object_steal_data (G_OBJECT (item), ROW_KEY);

  if (row == NULL)
    return;
  /* Still the item's child if GTK ever tears down before taking it. */
  if (gtk_list_item_get_child (item) == row)
    gtk_list_item_set_child (item, NULL);
  g_ptr_array_add (self->idle_rows, row);
}

/* GObject */

static void
teapot_entry_row_pool_dispose (GObject *object)
{
  TeapotEntryRowPool *self = TEAPOT_ENTRY_ROW_POOL (object);

  if (self->factory != NULL)
    g_signal_handlers_disconnect_by_data (self->factory, self);
  g_clear_object (&self->factory);
  g_ptr_array_set_size (self->idle_rows, 0);

  G_OBJECT_CLASS (teapot_entry_row_pool_parent_class)->dispose (object);
}

static void
teapot_entry_row_pool_finalize (GObject *object)
{
  TeapotEntryRowPool *self = TEAPOT_ENTRY_ROW_POOL (object);

  g_ptr_array_unref (self->idle_rows);

  G_OBJECT_CLASS (teapot_entry_row_pool_parent_class)->finalize (object);
}

static void
teapot_entry_row_pool_class_init (TeapotEntryRowPoolClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = teapot_entry_row_pool_dispose;
  object_class->finalize = teapot_entry_row_pool_finalize;

  /* The reader pressed the star of @entry's row: @favourite is what they asked for. */
  signals[FAVOURITE_TOGGLED] =
    g_signal_new ("favourite-toggled", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                  G_TYPE_NONE, 2, TEAPOT_TYPE_ENTRY, G_TYPE_BOOLEAN);
}

static void
teapot_entry_row_pool_init (TeapotEntryRowPool *self)
{
  self->idle_rows = g_ptr_array_new_with_free_func (g_object_unref);
  self->factory = gtk_signal_list_item_factory_new ();
  g_signal_connect_swapped (self->factory, "setup", G_CALLBACK (on_setup), self);
  g_signal_connect_swapped (self->factory, "bind", G_CALLBACK (on_bind), self);
  g_signal_connect_swapped (self->factory, "unbind", G_CALLBACK (on_unbind), self);
  g_signal_connect_swapped (self->factory, "teardown", G_CALLBACK (on_teardown), self);
}

TeapotEntryRowPool *
teapot_entry_row_pool_new (void)
{
  return g_object_new (TEAPOT_TYPE_ENTRY_ROW_POOL, NULL);
}

GtkListItemFactory *
teapot_entry_row_pool_get_factory (TeapotEntryRowPool *self)
{
  g_return_val_if_fail (TEAPOT_IS_ENTRY_ROW_POOL (self), NULL);
  return self->factory;
}

/* Rows waiting for the list to want them again. */
guint
teapot_entry_row_pool_get_n_idle (TeapotEntryRowPool *self)
{
  g_return_val_if_fail (TEAPOT_IS_ENTRY_ROW_POOL (self), 0);
  return self->idle_rows->len;
}

/* Rows built from the template since the pool was made. */
guint
teapot_entry_row_pool_get_n_built (TeapotEntryRowPool *self)
{
  g_return_val_if_fail (TEAPOT_IS_ENTRY_ROW_POOL (self), 0);
  return self->n_built;
}
