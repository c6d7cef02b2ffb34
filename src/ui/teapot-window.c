/* teapot-window.c
 *
 * Copyright The Teapot authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>

#include "teapot-window.h"

struct _TeapotWindow
{
  AdwApplicationWindow parent_instance;

  AdwStatusPage *status_page;
};

G_DEFINE_FINAL_TYPE (TeapotWindow, teapot_window, ADW_TYPE_APPLICATION_WINDOW)

static TeapotStore *
get_store (TeapotWindow *self)
{
  GtkApplication *application = gtk_window_get_application (GTK_WINDOW (self));

  return application ? teapot_application_get_store (TEAPOT_APPLICATION (application)) : NULL;
}

static void
teapot_window_class_init (TeapotWindowClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PREFIX "/ui/teapot-window.ui");
  gtk_widget_class_bind_template_child (widget_class, TeapotWindow, status_page);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_w, GDK_CONTROL_MASK, "window.close", NULL);
}

static void
teapot_window_init (TeapotWindow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  if (g_str_equal (PROFILE, "development"))
    gtk_widget_add_css_class (GTK_WIDGET (self), "devel");
}

TeapotWindow *
teapot_window_new (TeapotApplication *application)
{
  TeapotWindow *self = g_object_new (TEAPOT_TYPE_WINDOW, "application", application, NULL);
  TeapotStore *store = get_store (self);

  if (store != NULL)
    {
      g_autofree char *description = NULL;
      guint count = teapot_store_count (store, NULL);

      description = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u status code", "%u status codes", count), count);
      adw_status_page_set_description (self->status_page, description);
    }

  return self;
}

void
teapot_window_show_entry (TeapotWindow *self,
                          const char   *id)
{
  TeapotStore *store;
  g_autoptr(TeapotEntry) entry = NULL;
  g_autofree char *title = NULL;

  g_return_if_fail (TEAPOT_IS_WINDOW (self));
  g_return_if_fail (id != NULL);

  store = get_store (self);
  entry = store ? teapot_store_lookup_id (store, id) : NULL;
  if (entry == NULL)
    return;

  title = g_strdup_printf ("%u %s", teapot_entry_get_code (entry), teapot_entry_get_phrase (entry));
  adw_status_page_set_title (self->status_page, title);
  adw_status_page_set_description (self->status_page, teapot_entry_get_summary (entry));
}
