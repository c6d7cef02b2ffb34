/* teapot-compare-banner.c
 *
 * Copyright The Teapot authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>

#include "teapot-compare-banner.h"
#include "teapot-comparison.h"

struct _TeapotCompareBanner
{
  AdwBin parent_instance;

  AdwBanner *banner;
  TeapotStore *store;
  char *query;
};

G_DEFINE_FINAL_TYPE (TeapotCompareBanner, teapot_compare_banner, ADW_TYPE_BIN)

enum
{
  PROP_0,
  PROP_QUERY,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
update_banner (TeapotCompareBanner *self)
{
  g_autoptr(GPtrArray) entries = NULL;
  g_autoptr(GString) ids = g_string_new (NULL);
  g_autofree char *title = NULL;

  if (self->store != NULL && teapot_comparison_is_query (self->query))
    entries = teapot_comparison_parse (self->store, self->query, NULL);
  adw_banner_set_revealed (self->banner, entries != NULL);
  if (entries == NULL)
    return;

  for (guint i = 0; i < entries->len; i++)
    g_string_append_printf (ids, "%s%s", i > 0 ? ", " : "", teapot_entry_get_id (g_ptr_array_index (entries, i)));
  /* Translators: %s is a list of codes, such as "301, 308". */
  title = g_strdup_printf (_("Compare %s side by side"), ids->str);
  adw_banner_set_title (self->banner, title);
}

static void
on_banner_button_clicked (TeapotCompareBanner *self)
{
  gtk_widget_activate_action (GTK_WIDGET (self), "win.compare", "s", self->query);
}

static void
teapot_compare_banner_get_property (GObject    *object,
                                    guint       prop_id,
                                    GValue     *value,
                                    GParamSpec *pspec)
{
  TeapotCompareBanner *self = TEAPOT_COMPARE_BANNER (object);

  switch (prop_id)
    {
    case PROP_QUERY:
      g_value_set_string (value, self->query);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
teapot_compare_banner_set_property (GObject      *object,
                                    guint         prop_id,
                                    const GValue *value,
                                    GParamSpec   *pspec)
{
  TeapotCompareBanner *self = TEAPOT_COMPARE_BANNER (object);

  switch (prop_id)
    {
    case PROP_QUERY:
      teapot_compare_banner_set_query (self, g_value_get_string (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
teapot_compare_banner_finalize (GObject *object)
{
  TeapotCompareBanner *self = (TeapotCompareBanner *) object;

  g_clear_object (&self->store);
  g_free (self->query);

  G_OBJECT_CLASS (teapot_compare_banner_parent_class)->finalize (object);
}

static void
teapot_compare_banner_class_init (TeapotCompareBannerClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->get_property = teapot_compare_banner_get_property;
  object_class->set_property = teapot_compare_banner_set_property;
  object_class->finalize = teapot_compare_banner_finalize;

  properties[PROP_QUERY] = g_param_spec_string ("query", NULL, NULL, NULL,
                                                G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
teapot_compare_banner_init (TeapotCompareBanner *self)
{
  self->banner = ADW_BANNER (adw_banner_new (""));
  adw_banner_set_button_label (self->banner, _("C_ompare"));
  g_signal_connect_swapped (self->banner, "button-clicked", G_CALLBACK (on_banner_button_clicked), self);
  adw_bin_set_child (ADW_BIN (self), GTK_WIDGET (self->banner));
}

void
teapot_compare_banner_set_store (TeapotCompareBanner *self,
                                 TeapotStore         *store)
{
  g_return_if_fail (TEAPOT_IS_COMPARE_BANNER (self));

  if (g_set_object (&self->store, store))
    update_banner (self);
}

void
teapot_compare_banner_set_query (TeapotCompareBanner *self,
                                 const char          *query)
{
  g_return_if_fail (TEAPOT_IS_COMPARE_BANNER (self));

  if (g_set_str (&self->query, query))
    {
      update_banner (self);
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_QUERY]);
    }
}

const char *
teapot_compare_banner_get_query (TeapotCompareBanner *self)
{
  g_return_val_if_fail (TEAPOT_IS_COMPARE_BANNER (self), NULL);
  return self->query;
}

gboolean
teapot_compare_banner_get_revealed (TeapotCompareBanner *self)
{
  g_return_val_if_fail (TEAPOT_IS_COMPARE_BANNER (self), FALSE);
  return adw_banner_get_revealed (self->banner);
}
