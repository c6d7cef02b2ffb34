/* teapot-window-actions.c
 *
 * Copyright The Teapot authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>

#include "teapot-window-private.h"
#include "teapot-compare-dialog.h"
#include "teapot-format.h"
#include "teapot-preferences-dialog.h"
#include "teapot-shortcuts-dialog.h"
#include "teapot-ui-util.h"

/* The window's actions and their keys: what the buttons, the menus and the keyboard do. */

static void
copy_text (TeapotWindow *self,
           const char   *text)
{
  g_autofree char *message = NULL;

  gdk_clipboard_set_text (gtk_widget_get_clipboard (GTK_WIDGET (self)), text);
  /* Translators: a toast; %s is what was copied, e.g. “HTTP/1.1 429 Too Many Requests”. */
  message = g_strdup_printf (_("Copied “%s”"), text);
  _teapot_window_toast (self, message);
}

static void
copy (TeapotWindow   *self,
      TeapotCopyKind  kind,
      const char     *language)
{
  g_autofree char *text = NULL;

  if (self->current == NULL)
    return;

  text = teapot_format_copy_text (self->current, kind, language);
  if (text == NULL)
    {
      g_autofree char *message = NULL;

      /* Translators: the first %s is a language such as “Python”, %u a status code. */
      message = g_strdup_printf (_("%s has no constant for %u"), teapot_format_language_name (language),
                                 teapot_entry_get_code (self->current));
      _teapot_window_toast (self, message);
      return;
    }
  copy_text (self, text);
}

static void
copy_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  TeapotWindow *self = TEAPOT_WINDOW (widget);
  TeapotCopyKind kind;

  if (teapot_copy_kind_from_nick (g_variant_get_string (parameter, NULL), &kind))
    copy (self, kind, self->constant_language);
}

static void
copy_preferred_constant_action (GtkWidget  *widget,
                                const char *action_name,
                                GVariant   *parameter)
{
  TeapotWindow *self = TEAPOT_WINDOW (widget);

  copy (self, TEAPOT_COPY_CONSTANT, self->constant_language);
}

static void
copy_constant_action (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *parameter)
{
  copy (TEAPOT_WINDOW (widget), TEAPOT_COPY_CONSTANT, g_variant_get_string (parameter, NULL));
}

/* Where nothing can open a link (no browser, no portal), the reader still gets it. */
static void
copy_link_action (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  copy_text (TEAPOT_WINDOW (widget), g_variant_get_string (parameter, NULL));
}

static void
show_entry_action (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *parameter)
{
  teapot_window_show_entry (TEAPOT_WINDOW (widget), g_variant_get_string (parameter, NULL));
}

/* "browse", "study" or "explain"; the stack notifies, and the window follows. */
static void
page_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  TeapotWindow *self = TEAPOT_WINDOW (widget);
  const char *page = g_variant_get_string (parameter, NULL);

  if (adw_view_stack_get_child_by_name (self->main_stack, page) != NULL)
    adw_view_stack_set_visible_child_name (self->main_stack, page);
}

/* Ctrl+1 and Ctrl+2: every code, or the favourites; from Study too. */
static void
view_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  TeapotWindow *self = TEAPOT_WINDOW (widget);

  adw_view_stack_set_visible_child_name (self->main_stack, "browse");
  teapot_search_model_set_favourites_only (teapot_entry_list_get_model (self->entry_list),
                                           g_str_equal (g_variant_get_string (parameter, NULL), "favourites"));
}

static void
search_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  TeapotWindow *self = TEAPOT_WINDOW (widget);
  GtkWidget *search_entry = GTK_WIDGET (teapot_entry_list_get_search_entry (self->entry_list));

  _teapot_window_show_list (self);
  gtk_widget_grab_focus (search_entry);
  gtk_editable_select_region (GTK_EDITABLE (search_entry), 0, -1);
}

static void
clear_search_action (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  TeapotWindow *self = TEAPOT_WINDOW (widget);
  GtkWidget *search_entry = GTK_WIDGET (teapot_entry_list_get_search_entry (self->entry_list));

  if (g_strcmp0 (adw_view_stack_get_visible_child_name (self->main_stack), "study") == 0)
    return;
  if (_teapot_window_is_showing_detail (self))
    {
      _teapot_window_show_list (self);
      return;
    }
  gtk_editable_set_text (GTK_EDITABLE (search_entry), "");
  gtk_widget_grab_focus (search_entry);
}

static void
back_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  _teapot_window_show_list (TEAPOT_WINDOW (widget));
}

static void
reset_filters_action (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *parameter)
{
  TeapotWindow *self = TEAPOT_WINDOW (widget);

  g_object_set (teapot_entry_list_get_model (self->entry_list),
                "class-filter", "all", "tag-filter", "", "favourites-only", FALSE, NULL);
}

static void
about_action (GtkWidget  *widget,
              const char *action_name,
              GVariant   *parameter)
{
  const char *developers[] = { "The Teapot authors", NULL };
  AdwDialog *about = adw_about_dialog_new ();

  g_object_set (about,
                "application-name", _("Teapot"),
                "application-icon", APPLICATION_ID,
                "version", PACKAGE_VERSION,
                "comments", _("A reference for HTTP status codes: registered, vendor and unofficial"),
                "website", "https://github.com/teapot/teapot",
                "issue-url", "https://github.com/teapot/teapot/issues",
                "developer-name", "The Teapot authors",
                "developers", developers,
                "copyright", "© The Teapot authors",
                "license-type", GTK_LICENSE_GPL_3_0,
                NULL);
  teapot_ui_present_dialog (about, widget);
}

static void
shortcuts_action (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  teapot_ui_present_dialog (ADW_DIALOG (teapot_shortcuts_dialog_new ()), widget);
}

static void
preferences_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  /* The dialog sets the Study page's daily limit: that page is built now if it was not. */
  TeapotStudyView *study_view = _teapot_window_get_study_view (TEAPOT_WINDOW (widget));

  teapot_ui_present_dialog (ADW_DIALOG (teapot_preferences_dialog_new (G_OBJECT (widget), study_view)), widget);
}

/* win.compare: the codes that the parameter names ("301 vs 308", "redirects", one id to
 * pick the others for) side by side. */
static void
compare_action (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  TeapotWindow *self = TEAPOT_WINDOW (widget);

  teapot_ui_present_dialog (ADW_DIALOG (teapot_compare_dialog_new (self->store, g_variant_get_string (parameter, NULL))),
                            widget);
}

static void
add_class_binding (GtkWidgetClass *widget_class,
                   guint           keyval,
                   const char     *class_filter)
{
  gtk_widget_class_add_binding_action (widget_class, keyval, GDK_ALT_MASK, "win.class-filter", "s", class_filter);
}

/* win.class-filter, win.tag-filter and win.favourites-only act on the search model, where
 * the filters live (the toggles, the drop-down and GSettings are bound to it as well). */
static const char * const filter_names[] = { "class-filter", "tag-filter", "favourites-only" };

void
_teapot_window_add_filter_actions (TeapotWindow *self)
{
  const char * const *names = filter_names;
  TeapotSearchModel *model = teapot_entry_list_get_model (self->entry_list);

  for (guint i = 0; i < G_N_ELEMENTS (filter_names); i++)
    {
      g_autoptr(GPropertyAction) action = g_property_action_new (names[i], model, names[i]);

      g_action_map_add_action (G_ACTION_MAP (self), G_ACTION (action));
    }
}

/* The filter actions, and the model's settings, let go of a window being disposed. */
void
_teapot_window_remove_filter_actions (TeapotWindow *self)
{
  for (guint i = 0; i < G_N_ELEMENTS (filter_names); i++)
    g_action_map_remove_action (G_ACTION_MAP (self), filter_names[i]);
  if (self->entry_list != NULL)
    {
      TeapotSearchModel *model = teapot_entry_list_get_model (self->entry_list);

      g_settings_unbind (model, "class-filter");
      g_settings_unbind (model, "tag-filter");
    }
}

void
_teapot_window_class_add_actions (GtkWidgetClass *widget_class)
{
  gtk_widget_class_install_property_action (widget_class, "win.constant-language", "constant-language");
  gtk_widget_class_install_property_action (widget_class, "win.favourite", "favourite");
  gtk_widget_class_install_action (widget_class, "win.copy", "s", copy_action);
  gtk_widget_class_install_action (widget_class, "win.copy-preferred-constant", NULL, copy_preferred_constant_action);
  gtk_widget_class_install_action (widget_class, "win.copy-constant", "s", copy_constant_action);
  gtk_widget_class_install_action (widget_class, "win.copy-link", "s", copy_link_action);
  gtk_widget_class_install_action (widget_class, "win.show-entry", "s", show_entry_action);
  gtk_widget_class_install_action (widget_class, "win.page", "s", page_action);
  gtk_widget_class_install_action (widget_class, "win.view", "s", view_action);
  gtk_widget_class_install_action (widget_class, "win.search", NULL, search_action);
  gtk_widget_class_install_action (widget_class, "win.clear-search", NULL, clear_search_action);
  gtk_widget_class_install_action (widget_class, "win.back", NULL, back_action);
  gtk_widget_class_install_action (widget_class, "win.reset-filters", NULL, reset_filters_action);
  gtk_widget_class_install_action (widget_class, "win.about", NULL, about_action);
  gtk_widget_class_install_action (widget_class, "win.shortcuts", NULL, shortcuts_action);
  gtk_widget_class_install_action (widget_class, "win.preferences", NULL, preferences_action);
  gtk_widget_class_install_action (widget_class, "win.compare", "s", compare_action);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_f, GDK_CONTROL_MASK, "win.search", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "win.clear-search", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_d, GDK_CONTROL_MASK, "win.favourite", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_c, GDK_CONTROL_MASK | GDK_SHIFT_MASK,
                                       "win.copy", "s", "phrase");
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_l, GDK_CONTROL_MASK | GDK_SHIFT_MASK,
                                       "win.copy", "s", "status-line");
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_1, GDK_CONTROL_MASK, "win.view", "s", "all");
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_2, GDK_CONTROL_MASK, "win.view", "s", "favourites");
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_3, GDK_CONTROL_MASK, "win.page", "s", "study");
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_4, GDK_CONTROL_MASK, "win.page", "s", "explain");
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_comma, GDK_CONTROL_MASK, "win.preferences", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_question, GDK_CONTROL_MASK, "win.shortcuts", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_w, GDK_CONTROL_MASK, "window.close", NULL);
  add_class_binding (widget_class, GDK_KEY_0, "all");
  add_class_binding (widget_class, GDK_KEY_1, "1xx");
  add_class_binding (widget_class, GDK_KEY_2, "2xx");
  add_class_binding (widget_class, GDK_KEY_3, "3xx");
  add_class_binding (widget_class, GDK_KEY_4, "4xx");
  add_class_binding (widget_class, GDK_KEY_5, "5xx");
}
