/* teapot-shown-results.c
 *
 * Copyright The Teapot authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "teapot-shown-results.h"

/* What the entry list's GtkListView shows: its "model" (the search results), with two
 * differences, both because GtkListView builds, binds and measures a row for each of up to
 * 200 items and reuses the rows of removed items only within the same items-changed.
 *
 * - With no results (the entry list's empty page hides the list then) it keeps the last
 *   ones, "stale"; the next results replace them in one change, which reuses their rows.
 *   Typing "rate limit", the first letter matches nothing: every row was destroyed, and the
 *   second letter built 63 anew (177 M instructions, five times a frame's budget).
 * - The first results, while "widget" is not mapped yet (the window's first frame), are
 *   the rows that fill a screen; the rest follow FILL_ROWS a frame, from the frame after
 *   the first. That frame waited on all 163 rows, most of them out of sight. */

/* The first frame's rows fill the height the window will have (ROW_HEIGHT is a row's
 * least height, without a chip; section headers are taller): a window of the default
 * 640 pixels gets 14 rows, not the 32 of a maximised 1440-pixel-high one, about 2.9 M
 * instructions each to build, bind and measure. FILL_ROWS more each frame after. */
#define ROW_HEIGHT 46
#define FILL_ROWS 16

struct _TeapotShownResults
{
  GObject parent_instance;

  GListModel *model;
  GtkWidget *widget;
  GPtrArray *items;
  gboolean stale;
  guint fill_id;
  gboolean fill_skip;
};

static void list_model_iface_init (GListModelInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (TeapotShownResults, teapot_shown_results, G_TYPE_OBJECT,
                               G_IMPLEMENT_INTERFACE (G_TYPE_LIST_MODEL, list_model_iface_init))

enum {
  PROP_0,
  PROP_MODEL,
  PROP_WIDGET,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* Replaces @removed items at @position with @added of the model's, from the same position. */
static void
show (TeapotShownResults *self,
      guint               position,
      guint               removed,
      guint               added)
{
  g_ptr_array_remove_range (self->items, position, removed);
  for (guint i = 0; i < added; i++)
    g_ptr_array_insert (self->items, position + i, g_list_model_get_item (self->model, position + i));
  g_list_model_items_changed (G_LIST_MODEL (self), position, removed, added);
}

static void
stop_filling (TeapotShownResults *self)
{
  if (self->fill_id != 0 && self->widget != NULL)
    gtk_widget_remove_tick_callback (self->widget, self->fill_id);
  self->fill_id = 0;
}

static gboolean
fill (GtkWidget     *widget,
      GdkFrameClock *clock,
      gpointer       user_data)
{
  TeapotShownResults *self = user_data;
  guint n_shown = self->items->len;
  guint n_items = g_list_model_get_n_items (self->model);

  if (self->fill_skip)
    {
      self->fill_skip = FALSE;
      return G_SOURCE_CONTINUE;
    }
  show (self, n_shown, 0, MIN (FILL_ROWS, n_items - n_shown));
  if (self->items->len < n_items)
    return G_SOURCE_CONTINUE;
  self->fill_id = 0;
  return G_SOURCE_REMOVE;
}

/* The height of the window @widget is in, as it will be on its first frame: the screen's
 * when maximised (as the window restores it) or not in a window yet, its default else. */
static int
first_frame_height (GtkWidget *widget)
{
  GtkRoot *root = gtk_widget_get_root (widget);
  GListModel *monitors = gdk_display_get_monitors (gtk_widget_get_display (widget));
  int height = 0;

  if (GTK_IS_WINDOW (root) && !gtk_window_is_maximized (GTK_WINDOW (root))
      && !gtk_window_is_fullscreen (GTK_WINDOW (root)))
    {
      gtk_window_get_default_size (GTK_WINDOW (root), NULL, &height);
      if (height > 0)
        return height;
    }
  /* Maximised, or in no window yet: the tallest monitor (the window is on none yet). */
  for (guint i = 0; i < g_list_model_get_n_items (monitors); i++)
    {
      g_autoptr(GdkMonitor) monitor = g_list_model_get_item (monitors, i);
      GdkRectangle geometry;

      gdk_monitor_get_geometry (monitor, &geometry);
      height = MAX (height, geometry.height);
    }
  return height > 0 ? height : 1440;
}

static void
on_items_changed (TeapotShownResults *self,
                  guint               position,
                  guint               removed,
                  guint               added)
{
  guint n_items = g_list_model_get_n_items (self->model);
  guint first_rows = G_MAXUINT;

  if (n_items == 0)
    {
      stop_filling (self);
      self->stale = self->items->len > 0;
      return;
    }
  if (self->stale || self->fill_id != 0)
    {
      stop_filling (self);
      position = 0;
      removed = self->items->len;
      added = n_items;
      self->stale = FALSE;
    }

  if (self->widget != NULL && !gtk_widget_get_mapped (self->widget) && position == 0
      && removed == self->items->len)
    first_rows = (guint) first_frame_height (self->widget) / ROW_HEIGHT + 1;
  if (added > first_rows)
    {
      show (self, 0, removed, first_rows);
      self->fill_skip = TRUE;
      self->fill_id = gtk_widget_add_tick_callback (self->widget, fill, self, NULL);
      return;
    }
  show (self, position, removed, added);
}

/* GListModel */

static GType
teapot_shown_results_get_item_type (GListModel *model)
{
  TeapotShownResults *self = TEAPOT_SHOWN_RESULTS (model);

  return self->model != NULL ? g_list_model_get_item_type (self->model) : G_TYPE_OBJECT;
}

static guint
teapot_shown_results_get_n_items (GListModel *model)
{
  return TEAPOT_SHOWN_RESULTS (model)->items->len;
}

static gpointer
teapot_shown_results_get_item (GListModel *model,
                               guint       position)
{
  TeapotShownResults *self = TEAPOT_SHOWN_RESULTS (model);

  if (position >= self->items->len)
    return NULL;
  return g_object_ref (g_ptr_array_index (self->items, position));
}

static void
list_model_iface_init (GListModelInterface *iface)
{
  iface->get_item_type = teapot_shown_results_get_item_type;
  iface->get_n_items = teapot_shown_results_get_n_items;
  iface->get_item = teapot_shown_results_get_item;
}

/* GObject */

static void
teapot_shown_results_dispose (GObject *object)
{
  TeapotShownResults *self = TEAPOT_SHOWN_RESULTS (object);

  stop_filling (self);
  if (self->model != NULL)
    g_signal_handlers_disconnect_by_func (self->model, on_items_changed, self);
  g_clear_object (&self->model);
  g_clear_weak_pointer (&self->widget);
  g_ptr_array_set_size (self->items, 0);

  G_OBJECT_CLASS (teapot_shown_results_parent_class)->dispose (object);
}

static void
teapot_shown_results_finalize (GObject *object)
{
  TeapotShownResults *self = TEAPOT_SHOWN_RESULTS (object);

  g_ptr_array_unref (self->items);

  G_OBJECT_CLASS (teapot_shown_results_parent_class)->finalize (object);
}

static void
teapot_shown_results_get_property (GObject    *object,
                                   guint       prop_id,
                                   GValue     *value,
                                   GParamSpec *pspec)
{
  TeapotShownResults *self = TEAPOT_SHOWN_RESULTS (object);

  switch (prop_id)
    {
    case PROP_MODEL:
      g_value_set_object (value, self->model);
      break;

    case PROP_WIDGET:
      g_value_set_object (value, self->widget);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
teapot_shown_results_set_property (GObject      *object,
                                   guint         prop_id,
                                   const GValue *value,
                                   GParamSpec   *pspec)
{
  TeapotShownResults *self = TEAPOT_SHOWN_RESULTS (object);

  switch (prop_id)
    {
    case PROP_MODEL:
      if (g_value_get_object (value) == (gpointer) self->model)
        break;
      stop_filling (self);
      if (self->model != NULL)
        g_signal_handlers_disconnect_by_func (self->model, on_items_changed, self);
      g_set_object (&self->model, g_value_get_object (value));
      self->stale = FALSE;
      if (self->model != NULL)
        {
          g_signal_connect_swapped (self->model, "items-changed", G_CALLBACK (on_items_changed), self);
          show (self, 0, self->items->len, g_list_model_get_n_items (self->model));
        }
      else
        show (self, 0, self->items->len, 0);
      g_object_notify_by_pspec (object, pspec);
      break;

    case PROP_WIDGET:
      /* The widget owns this object: a weak pointer. */
      if (g_value_get_object (value) == (gpointer) self->widget)
        break;
      stop_filling (self);
      g_set_weak_pointer (&self->widget, g_value_get_object (value));
      g_object_notify_by_pspec (object, pspec);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
teapot_shown_results_class_init (TeapotShownResultsClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = teapot_shown_results_dispose;
  object_class->finalize = teapot_shown_results_finalize;
  object_class->get_property = teapot_shown_results_get_property;
  object_class->set_property = teapot_shown_results_set_property;

  properties[PROP_MODEL] =
    g_param_spec_object ("model", NULL, NULL, G_TYPE_LIST_MODEL,
                         G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  /* Whose first frame gets the first rows only, and whose frames bring the rest. */
  properties[PROP_WIDGET] =
    g_param_spec_object ("widget", NULL, NULL, GTK_TYPE_WIDGET,
                         G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
teapot_shown_results_init (TeapotShownResults *self)
{
  self->items = g_ptr_array_new_with_free_func (g_object_unref);
}

/* The items are the last results that had any, kept while there are none. */
gboolean
teapot_shown_results_is_stale (TeapotShownResults *self)
{
  g_return_val_if_fail (TEAPOT_IS_SHOWN_RESULTS (self), FALSE);
  return self->stale;
}

/* Shows every result at once, for a caller that wants the whole list now. */
void
teapot_shown_results_finish (TeapotShownResults *self)
{
  guint n_shown;

  g_return_if_fail (TEAPOT_IS_SHOWN_RESULTS (self));

  if (self->fill_id == 0)
    return;
  stop_filling (self);
  n_shown = self->items->len;
  show (self, n_shown, 0, g_list_model_get_n_items (self->model) - n_shown);
}
