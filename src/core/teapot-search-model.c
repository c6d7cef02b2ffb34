/* teapot-search-model.c
 *
 * Copyright The Teapot authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "teapot-search-model.h"
#include "teapot-store-private.h"

/* One place for the query and the filters: the window binds its search entry, class toggles,
 * source drop-down and favourites button to these properties, and GSettings keeps the
 * filters. Each change runs the store's one search and replaces only what changed. */
struct _TeapotSearchModel
{
  GObject parent_instance;

  TeapotStore *store;
  GPtrArray *items;
  char *query;
  char *class_filter;
  char *tag_filter;
  gboolean favourites_only;
  gboolean searching;
  GError *error;      /* why the last query has no items, or NULL */
};

static void list_model_iface_init (GListModelInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (TeapotSearchModel, teapot_search_model, G_TYPE_OBJECT,
                               G_IMPLEMENT_INTERFACE (G_TYPE_LIST_MODEL, list_model_iface_init))

enum {
  PROP_0,
  PROP_STORE,
  PROP_QUERY,
  PROP_CLASS_FILTER,
  PROP_TAG_FILTER,
  PROP_FAVOURITES_ONLY,
  PROP_SEARCHING,
  PROP_FILTERED,
  PROP_N_ITEMS,
  PROP_ERROR,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static gboolean
is_blank (const char *text)
{
  for (; text != NULL && *text != '\0'; text++)
    if (!g_ascii_isspace (*text))
      return FALSE;
  return TRUE;
}

/* "1xx" to "5xx" -> 1 to 5; anything else is every class (0). */
static guint
class_digit (const char *class_filter)
{
  if (class_filter != NULL && class_filter[0] >= '1' && class_filter[0] <= '5'
      && g_str_equal (class_filter + 1, "xx"))
    return class_filter[0] - '0';
  return 0;
}

/* Replaces only the part of the items that changed: a front end keeps the rows of entries
 * that stay (building rows is most of the cost of a keystroke), and an unchanged result
 * emits nothing at all. */
static void
replace_items (TeapotSearchModel *self,
               GPtrArray         *entries)
{
  guint n_old = self->items->len;
  guint prefix = 0;
  guint suffix = 0;
  guint removed;
  guint added;

  while (prefix < n_old && prefix < entries->len
         && g_ptr_array_index (self->items, prefix) == g_ptr_array_index (entries, prefix))
    prefix++;
  while (suffix < n_old - prefix && suffix < entries->len - prefix
         && g_ptr_array_index (self->items, n_old - 1 - suffix)
              == g_ptr_array_index (entries, entries->len - 1 - suffix))
    suffix++;

  if (prefix == n_old && prefix == entries->len)
    return;

  removed = n_old - prefix - suffix;
  added = entries->len - prefix - suffix;
  g_ptr_array_remove_range (self->items, prefix, removed);
  for (guint i = 0; i < added; i++)
    g_ptr_array_insert (self->items, prefix + i, g_object_ref (g_ptr_array_index (entries, prefix + i)));

  g_list_model_items_changed (G_LIST_MODEL (self), prefix, removed, added);
  if (removed != added)
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_N_ITEMS]);
}

static void
update (TeapotSearchModel *self)
{
  TeapotFilter filter = { 0 };
  g_autoptr(GPtrArray) entries = NULL;
  g_autoptr(GError) error = NULL;
  gboolean searching = !is_blank (self->query);
  gboolean had_error = self->error != NULL;

  filter.class_digit = class_digit (self->class_filter);
  filter.tag = self->tag_filter != NULL && *self->tag_filter != '\0' ? self->tag_filter : NULL;
  filter.favourites = self->favourites_only;

  if (self->store != NULL)
    entries = teapot_store_search (self->store, self->query, &filter, 0, &error);
  /* A search that failed shows nothing but its error: no stale or partial list. */
  if (entries == NULL)
    entries = g_ptr_array_new_with_free_func (g_object_unref);
  g_clear_error (&self->error);
  self->error = g_steal_pointer (&error);

  /* Told first, so that a view reading the new items knows whether they are ranked. */
  if (self->searching != searching)
    {
      self->searching = searching;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SEARCHING]);
    }
  replace_items (self, entries);
  if (had_error || self->error != NULL)
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ERROR]);
}

/* A filter changed: run the query again, and say so (and whether any filter is now set). */
static void
filters_changed (TeapotSearchModel *self,
                 GParamSpec        *pspec,
                 gboolean           was_filtered)
{
  update (self);
  g_object_notify_by_pspec (G_OBJECT (self), pspec);
  if (was_filtered != teapot_search_model_get_filtered (self))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_FILTERED]);
}

static gboolean
set_string (char       **field,
            const char  *value)
{
  if (g_strcmp0 (*field, value) == 0)
    return FALSE;
  g_free (*field);
  *field = g_strdup (value);
  return TRUE;
}

/* GListModel */

static GType
teapot_search_model_get_item_type (GListModel *model)
{
  return TEAPOT_TYPE_ENTRY;
}

static guint
teapot_search_model_get_n_items (GListModel *model)
{
  return TEAPOT_SEARCH_MODEL (model)->items->len;
}

static gpointer
teapot_search_model_get_item (GListModel *model,
                              guint       position)
{
  TeapotSearchModel *self = TEAPOT_SEARCH_MODEL (model);

  if (position >= self->items->len)
    return NULL;
  return g_object_ref (g_ptr_array_index (self->items, position));
}

static void
list_model_iface_init (GListModelInterface *iface)
{
  iface->get_item_type = teapot_search_model_get_item_type;
  iface->get_n_items = teapot_search_model_get_n_items;
  iface->get_item = teapot_search_model_get_item;
}

/* GObject */

static void
teapot_search_model_dispose (GObject *object)
{
  TeapotSearchModel *self = TEAPOT_SEARCH_MODEL (object);

  g_clear_object (&self->store);

  G_OBJECT_CLASS (teapot_search_model_parent_class)->dispose (object);
}

static void
teapot_search_model_finalize (GObject *object)
{
  TeapotSearchModel *self = TEAPOT_SEARCH_MODEL (object);

  g_ptr_array_unref (self->items);
  g_free (self->query);
  g_free (self->class_filter);
  g_free (self->tag_filter);
  g_clear_error (&self->error);

  G_OBJECT_CLASS (teapot_search_model_parent_class)->finalize (object);
}

static void
teapot_search_model_get_property (GObject    *object,
                                  guint       prop_id,
                                  GValue     *value,
                                  GParamSpec *pspec)
{
  TeapotSearchModel *self = TEAPOT_SEARCH_MODEL (object);

  switch (prop_id)
    {
    case PROP_STORE:
      g_value_set_object (value, self->store);
      break;
    case PROP_QUERY:
      g_value_set_string (value, self->query);
      break;
    case PROP_CLASS_FILTER:
      g_value_set_string (value, self->class_filter);
      break;
    case PROP_TAG_FILTER:
      g_value_set_string (value, self->tag_filter);
      break;
    case PROP_FAVOURITES_ONLY:
      g_value_set_boolean (value, self->favourites_only);
      break;
    case PROP_SEARCHING:
      g_value_set_boolean (value, self->searching);
      break;
    case PROP_FILTERED:
      g_value_set_boolean (value, teapot_search_model_get_filtered (self));
      break;
    case PROP_N_ITEMS:
      g_value_set_uint (value, self->items->len);
      break;
    case PROP_ERROR:
      g_value_set_boxed (value, self->error);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
teapot_search_model_set_property (GObject      *object,
                                  guint         prop_id,
                                  const GValue *value,
                                  GParamSpec   *pspec)
{
  TeapotSearchModel *self = TEAPOT_SEARCH_MODEL (object);

  switch (prop_id)
    {
    case PROP_STORE:
      teapot_search_model_set_store (self, g_value_get_object (value));
      break;
    case PROP_QUERY:
      teapot_search_model_set_query (self, g_value_get_string (value));
      break;
    case PROP_CLASS_FILTER:
      teapot_search_model_set_class_filter (self, g_value_get_string (value));
      break;
    case PROP_TAG_FILTER:
      teapot_search_model_set_tag_filter (self, g_value_get_string (value));
      break;
    case PROP_FAVOURITES_ONLY:
      teapot_search_model_set_favourites_only (self, g_value_get_boolean (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
teapot_search_model_class_init (TeapotSearchModelClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GParamFlags flags = G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY;
  GParamFlags read_only = G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY;

  object_class->dispose = teapot_search_model_dispose;
  object_class->finalize = teapot_search_model_finalize;
  object_class->get_property = teapot_search_model_get_property;
  object_class->set_property = teapot_search_model_set_property;

  properties[PROP_STORE] = g_param_spec_object ("store", NULL, NULL, TEAPOT_TYPE_STORE, flags);
  properties[PROP_QUERY] = g_param_spec_string ("query", NULL, NULL, "", flags);
  properties[PROP_CLASS_FILTER] = g_param_spec_string ("class-filter", NULL, NULL, "all", flags);
  properties[PROP_TAG_FILTER] = g_param_spec_string ("tag-filter", NULL, NULL, "", flags);
  properties[PROP_FAVOURITES_ONLY] = g_param_spec_boolean ("favourites-only", NULL, NULL, FALSE, flags);
  properties[PROP_SEARCHING] = g_param_spec_boolean ("searching", NULL, NULL, FALSE, read_only);
  properties[PROP_FILTERED] = g_param_spec_boolean ("filtered", NULL, NULL, FALSE, read_only);
  properties[PROP_N_ITEMS] = g_param_spec_uint ("n-items", NULL, NULL, 0, G_MAXUINT, 0, read_only);
  properties[PROP_ERROR] = g_param_spec_boxed ("error", NULL, NULL, G_TYPE_ERROR, read_only);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
teapot_search_model_init (TeapotSearchModel *self)
{
  self->items = g_ptr_array_new_with_free_func (g_object_unref);
  self->query = g_strdup ("");
  self->class_filter = g_strdup ("all");
  self->tag_filter = g_strdup ("");
}

TeapotSearchModel *
teapot_search_model_new (TeapotStore *store)
{
  g_return_val_if_fail (store == NULL || TEAPOT_IS_STORE (store), NULL);

  return g_object_new (TEAPOT_TYPE_SEARCH_MODEL, "store", store, NULL);
}

TeapotStore *
teapot_search_model_get_store (TeapotSearchModel *self)
{
  g_return_val_if_fail (TEAPOT_IS_SEARCH_MODEL (self), NULL);
  return self->store;
}

void
teapot_search_model_set_store (TeapotSearchModel *self,
                               TeapotStore       *store)
{
  g_return_if_fail (TEAPOT_IS_SEARCH_MODEL (self));
  g_return_if_fail (store == NULL || TEAPOT_IS_STORE (store));

  if (!g_set_object (&self->store, store))
    return;
  update (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_STORE]);
}

const char *
teapot_search_model_get_query (TeapotSearchModel *self)
{
  g_return_val_if_fail (TEAPOT_IS_SEARCH_MODEL (self), NULL);
  return self->query;
}

void
teapot_search_model_set_query (TeapotSearchModel *self,
                               const char        *query)
{
  g_return_if_fail (TEAPOT_IS_SEARCH_MODEL (self));

  if (!set_string (&self->query, query ? query : ""))
    return;
  update (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_QUERY]);
}

const char *
teapot_search_model_get_class_filter (TeapotSearchModel *self)
{
  g_return_val_if_fail (TEAPOT_IS_SEARCH_MODEL (self), NULL);
  return self->class_filter;
}

void
teapot_search_model_set_class_filter (TeapotSearchModel *self,
                                      const char        *class_filter)
{
  gboolean was_filtered;

  g_return_if_fail (TEAPOT_IS_SEARCH_MODEL (self));

  /* Anything but a class is every class, as GSettings' enum would have it. */
  if (class_digit (class_filter) == 0)
    class_filter = "all";
  was_filtered = teapot_search_model_get_filtered (self);
  if (set_string (&self->class_filter, class_filter))
    filters_changed (self, properties[PROP_CLASS_FILTER], was_filtered);
}

const char *
teapot_search_model_get_tag_filter (TeapotSearchModel *self)
{
  g_return_val_if_fail (TEAPOT_IS_SEARCH_MODEL (self), NULL);
  return self->tag_filter;
}

void
teapot_search_model_set_tag_filter (TeapotSearchModel *self,
                                    const char        *tag_filter)
{
  gboolean was_filtered;

  g_return_if_fail (TEAPOT_IS_SEARCH_MODEL (self));

  was_filtered = teapot_search_model_get_filtered (self);
  if (set_string (&self->tag_filter, tag_filter ? tag_filter : ""))
    filters_changed (self, properties[PROP_TAG_FILTER], was_filtered);
}

gboolean
teapot_search_model_get_favourites_only (TeapotSearchModel *self)
{
  g_return_val_if_fail (TEAPOT_IS_SEARCH_MODEL (self), FALSE);
  return self->favourites_only;
}

void
teapot_search_model_set_favourites_only (TeapotSearchModel *self,
                                         gboolean           favourites_only)
{
  gboolean was_filtered;

  g_return_if_fail (TEAPOT_IS_SEARCH_MODEL (self));

  favourites_only = !!favourites_only;
  if (self->favourites_only == favourites_only)
    return;
  was_filtered = teapot_search_model_get_filtered (self);
  self->favourites_only = favourites_only;
  filters_changed (self, properties[PROP_FAVOURITES_ONLY], was_filtered);
}

gboolean
teapot_search_model_get_searching (TeapotSearchModel *self)
{
  g_return_val_if_fail (TEAPOT_IS_SEARCH_MODEL (self), FALSE);
  return self->searching;
}

gboolean
teapot_search_model_get_filtered (TeapotSearchModel *self)
{
  g_return_val_if_fail (TEAPOT_IS_SEARCH_MODEL (self), FALSE);
  return self->favourites_only || class_digit (self->class_filter) != 0
         || (self->tag_filter != NULL && *self->tag_filter != '\0');
}

const GError *
teapot_search_model_get_error (TeapotSearchModel *self)
{
  g_return_val_if_fail (TEAPOT_IS_SEARCH_MODEL (self), NULL);
  return self->error;
}

void
teapot_search_model_refresh (TeapotSearchModel *self)
{
  g_return_if_fail (TEAPOT_IS_SEARCH_MODEL (self));
  update (self);
}

/* Loads now what the first query would otherwise load (the store's spelling vocabulary),
 * so that a front end can do it before anyone types. */
void
teapot_search_model_prepare (TeapotSearchModel *self)
{
  g_return_if_fail (TEAPOT_IS_SEARCH_MODEL (self));

  if (self->store != NULL)
    _teapot_store_get_speller (self->store);
}
