/* teapot-tag-item.c
 *
 * Copyright The Teapot authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "teapot-tag-item.h"

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
