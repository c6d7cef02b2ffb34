/* teapot-tag-item.c
 *
 * Copyright The Teapot authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>
#include <gio/gio.h>

#include "teapot-tag-item.h"
#include "teapot-format.h"

/* One choice of the tag filter: a tag, its display name and how many entries carry it. */
struct _TeapotTagItem
{
  GObject parent_instance;

  char *tag;
  char *title;
  guint count;
};

G_DEFINE_FINAL_TYPE (TeapotTagItem, teapot_tag_item, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_TAG,
  PROP_TITLE,
  PROP_COUNT,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
teapot_tag_item_finalize (GObject *object)
{
  TeapotTagItem *self = (TeapotTagItem *) object;

  g_free (self->tag);
  g_free (self->title);

  G_OBJECT_CLASS (teapot_tag_item_parent_class)->finalize (object);
}

static void
teapot_tag_item_get_property (GObject    *object,
                              guint       prop_id,
                              GValue     *value,
                              GParamSpec *pspec)
{
  TeapotTagItem *self = TEAPOT_TAG_ITEM (object);

  switch (prop_id)
    {
    case PROP_TAG:
      g_value_set_string (value, self->tag);
      break;
    case PROP_TITLE:
      g_value_set_string (value, self->title);
      break;
    case PROP_COUNT:
      g_value_set_uint (value, self->count);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
teapot_tag_item_class_init (TeapotTagItemClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GParamFlags flags = G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY;

  object_class->finalize = teapot_tag_item_finalize;
  object_class->get_property = teapot_tag_item_get_property;

  properties[PROP_TAG] = g_param_spec_string ("tag", NULL, NULL, NULL, flags);
  properties[PROP_TITLE] = g_param_spec_string ("title", NULL, NULL, NULL, flags);
  properties[PROP_COUNT] = g_param_spec_uint ("count", NULL, NULL, 0, G_MAXUINT, 0, flags);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
teapot_tag_item_init (TeapotTagItem *self)
{
}

TeapotTagItem *
teapot_tag_item_new (const char *tag,
                     const char *title,
                     guint       count)
{
  TeapotTagItem *self;

  g_return_val_if_fail (tag != NULL, NULL);
  g_return_val_if_fail (title != NULL, NULL);

  self = g_object_new (TEAPOT_TYPE_TAG_ITEM, NULL);
  self->tag = g_strdup (tag);
  self->title = g_strdup (title);
  self->count = count;
  return self;
}

const char *
teapot_tag_item_get_tag (TeapotTagItem *self)
{
  g_return_val_if_fail (TEAPOT_IS_TAG_ITEM (self), NULL);
  return self->tag;
}

const char *
teapot_tag_item_get_title (TeapotTagItem *self)
{
  g_return_val_if_fail (TEAPOT_IS_TAG_ITEM (self), NULL);
  return self->title;
}

guint
teapot_tag_item_get_count (TeapotTagItem *self)
{
  g_return_val_if_fail (TEAPOT_IS_TAG_ITEM (self), 0);
  return self->count;
}

/* The count follows the other filters (a class, favourites): the item stays, its number moves. */
void
teapot_tag_item_set_count (TeapotTagItem *self,
                           guint          count)
{
  g_return_if_fail (TEAPOT_IS_TAG_ITEM (self));

  if (self->count == count)
    return;
  self->count = count;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_COUNT]);
}

/* The choices of the source filter: every source first, then each tag of @store's entries
 * (counts of 0, to be set under the other filters). */
GPtrArray *
teapot_tag_item_list_sources (TeapotStore *store)
{
  g_autoptr(GPtrArray) tags = teapot_store_list_tags (store);
  GPtrArray *items = g_ptr_array_new_with_free_func (g_object_unref);

  g_ptr_array_add (items, teapot_tag_item_new ("", _("All sources"), 0));
  for (guint i = 0; i < tags->len; i++)
    {
      TeapotTagCount *tag = g_ptr_array_index (tags, i);

      g_ptr_array_add (items, teapot_tag_item_new (tag->tag, teapot_format_tag_name (tag->tag), 0));
    }
  return items;
}

/* The position of @tag ("" or NULL for every source) among @items, or G_MAXUINT
 * (GTK_INVALID_LIST_POSITION). */
guint
teapot_tag_item_find (GListModel *items,
                      const char *tag)
{
  guint n_items = g_list_model_get_n_items (items);

  for (guint i = 0; i < n_items; i++)
    {
      g_autoptr(TeapotTagItem) item = g_list_model_get_item (items, i);

      if (g_strcmp0 (item->tag, tag ? tag : "") == 0)
        return i;
    }
  return G_MAXUINT;
}

/* One query for all the sources and one for the total, not one per source (21 of them at
 * the first frame). */
void
teapot_tag_item_update_counts (GListModel         *items,
                               TeapotStore        *store,
                               const TeapotFilter *filter)
{
  g_autoptr(GHashTable) counts = NULL;

  g_return_if_fail (G_IS_LIST_MODEL (items));
  g_return_if_fail (filter != NULL);

  if (store == NULL)
    return;
  counts = teapot_store_count_by_tag (store, filter);
  for (guint i = 0; i < g_list_model_get_n_items (items); i++)
    {
      g_autoptr(TeapotTagItem) item = g_list_model_get_item (items, i);
      const char *tag = teapot_tag_item_get_tag (item);

      if (tag == NULL || *tag == '\0')
        teapot_tag_item_set_count (item, teapot_store_count (store, filter));
      else
        teapot_tag_item_set_count (item, GPOINTER_TO_UINT (g_hash_table_lookup (counts, tag)));
    }
}
