/* teapot-window.c
 *
 * Copyright The Teapot authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>

#include "teapot-window.h"
#include "teapot-detail-view.h"
#include "teapot-entry-list.h"
#include "teapot-format.h"
#include "teapot-study-view.h"

/* The main window: Browse (the entry list on the left, the detail page on the right,
 * folding to one then the other when narrow) and Study, switched by a bar at the bottom.
 * Filters and preferences are properties exposed as stateful actions, so buttons, the
 * keyboard and GSettings all drive the same state. */
struct _TeapotWindow
{
  AdwApplicationWindow parent_instance;

  AdwToastOverlay *toast_overlay;
  AdwViewStack *main_stack;
  TeapotStudyView *study_view;
  AdwLeaflet *leaflet;
  TeapotEntryList *entry_list;
  AdwWindowTitle *detail_title;
  GtkWidget *back_button;
  GtkWidget *star_button;
  GtkWidget *copy_button;
  TeapotDetailView *detail;

  TeapotStore *store;
  GSettings *settings;
  TeapotEntry *current;
  gulong current_favourite_handler;
  guint show_selected_source;

  char *class_filter;
  char *tag_filter;
  char *view;
  char *constant_language;
};

G_DEFINE_FINAL_TYPE (TeapotWindow, teapot_window, ADW_TYPE_APPLICATION_WINDOW)

enum {
  PROP_0,
  PROP_CLASS_FILTER,
  PROP_TAG_FILTER,
  PROP_VIEW,
  PROP_CONSTANT_LANGUAGE,
  PROP_FAVOURITE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
add_toast (TeapotWindow *self,
           const char   *text)
{
  g_autofree char *escaped = g_markup_escape_text (text, -1);
  AdwToast *toast = adw_toast_new (escaped);

  adw_toast_set_timeout (toast, 3);
  adw_toast_overlay_add_toast (self->toast_overlay, toast);
}

static gboolean
is_showing_detail (TeapotWindow *self)
{
  return adw_leaflet_get_folded (self->leaflet)
         && g_strcmp0 (adw_leaflet_get_visible_child_name (self->leaflet), "detail") == 0;
}

static void
show_list (TeapotWindow *self)
{
  adw_view_stack_set_visible_child_name (self->main_stack, "browse");
  adw_leaflet_set_visible_child_name (self->leaflet, "list");
}

static void
show_entry (TeapotWindow *self,
            TeapotEntry  *entry)
{
  /* An entry outside the current search and filters still opens; the list keeps its selection. */
  teapot_entry_list_select (self->entry_list, entry);
  g_clear_handle_id (&self->show_selected_source, g_source_remove);
  teapot_detail_view_set_entry (self->detail, entry);
  adw_view_stack_set_visible_child_name (self->main_stack, "browse");
  adw_leaflet_set_visible_child_name (self->leaflet, "detail");
}

static void
update_actions (TeapotWindow *self)
{
  const char *constant = self->current && self->constant_language
                           ? teapot_entry_get_constant (self->current, self->constant_language)
                           : NULL;

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.copy", self->current != NULL);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.copy-constant", self->current != NULL);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.favourite", self->current != NULL);
  /* The menu's "Copy Constant" greys out for codes without one in the chosen language. */
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.copy-preferred-constant",
                                 constant != NULL && *constant != '\0');
}

static char *
star_icon_name (gpointer this,
                gboolean favourite)
{
  return g_strdup (favourite ? "starred-symbolic" : "non-starred-symbolic");
}

static char *
star_tooltip (gpointer this,
              gboolean favourite)
{
  return g_strdup (favourite ? _("Remove from Favourites (Ctrl+D)") : _("Add to Favourites (Ctrl+D)"));
}

static gboolean
show_selected (gpointer user_data)
{
  TeapotWindow *self = user_data;
  TeapotEntry *entry = teapot_entry_list_get_selected_entry (self->entry_list);

  self->show_selected_source = 0;
  /* An empty result keeps the last entry on display rather than a blank page. */
  if (entry != NULL)
    teapot_detail_view_set_entry (self->detail, entry);
  return G_SOURCE_REMOVE;
}

static void
on_selected_entry_changed (TeapotWindow *self)
{
  /* Below the frame clock's priority: the list's new frame is painted before the detail
   * page (a long wrapped description) is rebuilt, so typing stays responsive. */
  if (self->show_selected_source == 0)
    self->show_selected_source = g_idle_add_full (G_PRIORITY_LOW, show_selected, self, NULL);
}

static void
on_entry_activated (TeapotWindow *self,
                    TeapotEntry  *entry)
{
  show_entry (self, entry);
}

static void
on_search_started (GtkSearchEntry *search_entry,
                   TeapotWindow   *self)
{
  /* Typing on the folded detail page searches: show the list it searches. */
  if (is_showing_detail (self))
    show_list (self);

  /* Keep typing in the entry, or a space would press whichever button had the focus. */
  if (!gtk_widget_has_focus (GTK_WIDGET (search_entry))
      && !gtk_widget_is_ancestor (gtk_root_get_focus (GTK_ROOT (self)), GTK_WIDGET (search_entry)))
    {
      gtk_widget_grab_focus (GTK_WIDGET (search_entry));
      gtk_editable_set_position (GTK_EDITABLE (search_entry), -1);
    }
}

static void
on_current_favourite_changed (TeapotWindow *self)
{
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_FAVOURITE]);
}

static void
on_detail_entry_changed (TeapotWindow *self)
{
  TeapotEntry *entry = teapot_detail_view_get_entry (self->detail);
  g_autofree char *title = NULL;
  const char *vendor = NULL;

  if (self->current != NULL)
    g_clear_signal_handler (&self->current_favourite_handler, self->current);
  g_set_object (&self->current, entry);

  if (entry != NULL)
    {
      self->current_favourite_handler =
        g_signal_connect_swapped (entry, "notify::favourite", G_CALLBACK (on_current_favourite_changed), self);
      title = teapot_format_entry_title (entry);
      vendor = teapot_entry_get_vendor (entry);
    }
  adw_window_title_set_title (self->detail_title, title ? title : "");
  adw_window_title_set_subtitle (self->detail_title, vendor ? teapot_format_tag_name (vendor) : NULL);
  update_actions (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_FAVOURITE]);
}

static void
on_leaflet_visible_child_changed (TeapotWindow *self)
{
  /* Back on the folded list: the keyboard goes to the entry the reader left. */
  if (adw_leaflet_get_folded (self->leaflet)
      && g_strcmp0 (adw_leaflet_get_visible_child_name (self->leaflet), "list") == 0)
    teapot_entry_list_focus_results (self->entry_list);
}

static void
on_page_changed (TeapotWindow *self)
{
  gboolean study = g_strcmp0 (adw_view_stack_get_visible_child_name (self->main_stack), "study") == 0;

  /* Typing searches Browse only while Browse is on display: on Study, digits and Space
   * answer cards, and other keys must not fill a search out of sight. */
  gtk_search_entry_set_key_capture_widget (teapot_entry_list_get_search_entry (self->entry_list),
                                           study ? NULL : GTK_WIDGET (self));
  if (study)
    teapot_study_view_focus (self->study_view);
}

static gboolean
view_to_favourites (GBinding     *binding,
                    const GValue *from,
                    GValue       *to,
                    gpointer      user_data)
{
  g_value_set_boolean (to, g_strcmp0 (g_value_get_string (from), "favourites") == 0);
  return TRUE;
}

/* Actions */

static void
copy_text (TeapotWindow *self,
           const char   *text)
{
  g_autofree char *message = NULL;

  gdk_clipboard_set_text (gtk_widget_get_clipboard (GTK_WIDGET (self)), text);
  /* Translators: a toast; %s is what was copied, e.g. “HTTP/1.1 429 Too Many Requests”. */
  message = g_strdup_printf (_("Copied “%s”"), text);
  add_toast (self, message);
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
      add_toast (self, message);
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

static void
show_entry_action (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *parameter)
{
  teapot_window_show_entry (TEAPOT_WINDOW (widget), g_variant_get_string (parameter, NULL));
}

/* "browse" or "study"; the stack notifies, and on_page_changed() follows. */
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

static void
search_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  TeapotWindow *self = TEAPOT_WINDOW (widget);
  GtkWidget *search_entry = GTK_WIDGET (teapot_entry_list_get_search_entry (self->entry_list));

  show_list (self);
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
  if (is_showing_detail (self))
    {
      show_list (self);
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
  show_list (TEAPOT_WINDOW (widget));
}

static void
reset_filters_action (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *parameter)
{
  TeapotWindow *self = TEAPOT_WINDOW (widget);

  g_object_set (self, "class-filter", "all", "tag-filter", "", NULL);
  gtk_editable_set_text (GTK_EDITABLE (teapot_entry_list_get_search_entry (self->entry_list)), "");
}

/* GObject */

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

static gboolean
teapot_window_close_request (GtkWindow *window)
{
  TeapotWindow *self = TEAPOT_WINDOW (window);
  int width;
  int height;

  if (self->settings != NULL)
    {
      gtk_window_get_default_size (window, &width, &height);
      g_settings_delay (self->settings);
      g_settings_set_int (self->settings, "window-width", width);
      g_settings_set_int (self->settings, "window-height", height);
      g_settings_set_boolean (self->settings, "window-maximized", gtk_window_is_maximized (window));
      g_settings_apply (self->settings);
    }

  return GTK_WINDOW_CLASS (teapot_window_parent_class)->close_request (window);
}

static void
teapot_window_dispose (GObject *object)
{
  TeapotWindow *self = (TeapotWindow *) object;

  g_clear_handle_id (&self->show_selected_source, g_source_remove);
  if (self->current != NULL)
    g_clear_signal_handler (&self->current_favourite_handler, self->current);
  g_clear_object (&self->current);
  gtk_widget_dispose_template (GTK_WIDGET (self), TEAPOT_TYPE_WINDOW);

  G_OBJECT_CLASS (teapot_window_parent_class)->dispose (object);
}

static void
teapot_window_finalize (GObject *object)
{
  TeapotWindow *self = (TeapotWindow *) object;

  g_clear_object (&self->store);
  g_clear_object (&self->settings);
  g_free (self->class_filter);
  g_free (self->tag_filter);
  g_free (self->view);
  g_free (self->constant_language);

  G_OBJECT_CLASS (teapot_window_parent_class)->finalize (object);
}

static void
teapot_window_get_property (GObject    *object,
                            guint       prop_id,
                            GValue     *value,
                            GParamSpec *pspec)
{
  TeapotWindow *self = TEAPOT_WINDOW (object);

  switch (prop_id)
    {
    case PROP_CLASS_FILTER:
      g_value_set_string (value, self->class_filter);
      break;
    case PROP_TAG_FILTER:
      g_value_set_string (value, self->tag_filter);
      break;
    case PROP_VIEW:
      g_value_set_string (value, self->view);
      break;
    case PROP_CONSTANT_LANGUAGE:
      g_value_set_string (value, self->constant_language);
      break;
    case PROP_FAVOURITE:
      g_value_set_boolean (value, self->current != NULL && teapot_entry_get_favourite (self->current));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
teapot_window_set_property (GObject      *object,
                            guint         prop_id,
                            const GValue *value,
                            GParamSpec   *pspec)
{
  TeapotWindow *self = TEAPOT_WINDOW (object);

  switch (prop_id)
    {
    case PROP_CLASS_FILTER:
      if (set_string (&self->class_filter, g_value_get_string (value)))
        g_object_notify_by_pspec (object, pspec);
      break;
    case PROP_TAG_FILTER:
      if (set_string (&self->tag_filter, g_value_get_string (value)))
        g_object_notify_by_pspec (object, pspec);
      break;
    case PROP_VIEW:
      /* Ctrl+1 and Ctrl+2 choose a list in Browse: from Study too. */
      if (self->main_stack != NULL)
        adw_view_stack_set_visible_child_name (self->main_stack, "browse");
      if (set_string (&self->view, g_value_get_string (value)))
        g_object_notify_by_pspec (object, pspec);
      break;
    case PROP_CONSTANT_LANGUAGE:
      if (set_string (&self->constant_language, g_value_get_string (value)))
        {
          update_actions (self);
          g_object_notify_by_pspec (object, pspec);
        }
      break;
    case PROP_FAVOURITE:
      if (self->current != NULL)
        {
          g_autoptr(GError) error = NULL;

          if (!teapot_entry_list_set_favourite (self->entry_list, self->current, g_value_get_boolean (value), &error))
            add_toast (self, error->message);
        }
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
add_class_binding (GtkWidgetClass *widget_class,
                   guint           keyval,
                   const char     *class_filter)
{
  gtk_widget_class_add_binding_action (widget_class, keyval, GDK_ALT_MASK, "win.class-filter", "s", class_filter);
}

static void
teapot_window_class_init (TeapotWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  GtkWindowClass *window_class = GTK_WINDOW_CLASS (klass);
  GParamFlags flags = G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY;

  object_class->dispose = teapot_window_dispose;
  object_class->finalize = teapot_window_finalize;
  object_class->get_property = teapot_window_get_property;
  object_class->set_property = teapot_window_set_property;
  window_class->close_request = teapot_window_close_request;

  /* "all" or "1xx" to "5xx". */
  properties[PROP_CLASS_FILTER] = g_param_spec_string ("class-filter", NULL, NULL, "all", flags);
  /* "" for every source, "iana" for registered codes, or a vendor or topical tag. */
  properties[PROP_TAG_FILTER] = g_param_spec_string ("tag-filter", NULL, NULL, "", flags);
  /* "all" or "favourites". */
  properties[PROP_VIEW] = g_param_spec_string ("view", NULL, NULL, "all", flags);
  properties[PROP_CONSTANT_LANGUAGE] = g_param_spec_string ("constant-language", NULL, NULL, "python", flags);
  /* Whether the entry on the detail page is a favourite. */
  properties[PROP_FAVOURITE] = g_param_spec_boolean ("favourite", NULL, NULL, FALSE, flags);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  g_type_ensure (TEAPOT_TYPE_ENTRY_LIST);
  g_type_ensure (TEAPOT_TYPE_DETAIL_VIEW);
  g_type_ensure (TEAPOT_TYPE_STUDY_VIEW);

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PREFIX "/ui/teapot-window.ui");
  gtk_widget_class_bind_template_child (widget_class, TeapotWindow, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, TeapotWindow, main_stack);
  gtk_widget_class_bind_template_child (widget_class, TeapotWindow, study_view);
  gtk_widget_class_bind_template_child (widget_class, TeapotWindow, leaflet);
  gtk_widget_class_bind_template_child (widget_class, TeapotWindow, entry_list);
  gtk_widget_class_bind_template_child (widget_class, TeapotWindow, detail_title);
  gtk_widget_class_bind_template_child (widget_class, TeapotWindow, back_button);
  gtk_widget_class_bind_template_child (widget_class, TeapotWindow, star_button);
  gtk_widget_class_bind_template_child (widget_class, TeapotWindow, copy_button);
  gtk_widget_class_bind_template_child (widget_class, TeapotWindow, detail);

  gtk_widget_class_bind_template_callback (widget_class, star_icon_name);
  gtk_widget_class_bind_template_callback (widget_class, star_tooltip);
  gtk_widget_class_bind_template_callback (widget_class, on_selected_entry_changed);
  gtk_widget_class_bind_template_callback (widget_class, on_entry_activated);
  gtk_widget_class_bind_template_callback (widget_class, on_detail_entry_changed);
  gtk_widget_class_bind_template_callback (widget_class, on_leaflet_visible_child_changed);
  gtk_widget_class_bind_template_callback (widget_class, on_page_changed);

  gtk_widget_class_install_property_action (widget_class, "win.class-filter", "class-filter");
  gtk_widget_class_install_property_action (widget_class, "win.view", "view");
  gtk_widget_class_install_property_action (widget_class, "win.constant-language", "constant-language");
  gtk_widget_class_install_property_action (widget_class, "win.favourite", "favourite");
  gtk_widget_class_install_action (widget_class, "win.copy", "s", copy_action);
  gtk_widget_class_install_action (widget_class, "win.copy-preferred-constant", NULL, copy_preferred_constant_action);
  gtk_widget_class_install_action (widget_class, "win.copy-constant", "s", copy_constant_action);
  gtk_widget_class_install_action (widget_class, "win.show-entry", "s", show_entry_action);
  gtk_widget_class_install_action (widget_class, "win.page", "s", page_action);
  gtk_widget_class_install_action (widget_class, "win.search", NULL, search_action);
  gtk_widget_class_install_action (widget_class, "win.clear-search", NULL, clear_search_action);
  gtk_widget_class_install_action (widget_class, "win.back", NULL, back_action);
  gtk_widget_class_install_action (widget_class, "win.reset-filters", NULL, reset_filters_action);

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
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_w, GDK_CONTROL_MASK, "window.close", NULL);
  add_class_binding (widget_class, GDK_KEY_0, "all");
  add_class_binding (widget_class, GDK_KEY_1, "1xx");
  add_class_binding (widget_class, GDK_KEY_2, "2xx");
  add_class_binding (widget_class, GDK_KEY_3, "3xx");
  add_class_binding (widget_class, GDK_KEY_4, "4xx");
  add_class_binding (widget_class, GDK_KEY_5, "5xx");
}

static void
teapot_window_init (TeapotWindow *self)
{
  GtkSearchEntry *search_entry;

  self->class_filter = g_strdup ("all");
  self->tag_filter = g_strdup ("");
  self->view = g_strdup ("all");
  self->constant_language = g_strdup ("python");

  gtk_widget_init_template (GTK_WIDGET (self));

  if (g_str_equal (PROFILE, "development"))
    gtk_widget_add_css_class (GTK_WIDGET (self), "devel");

  /* Typing anywhere in the window goes to the search. */
  search_entry = teapot_entry_list_get_search_entry (self->entry_list);
  gtk_search_entry_set_key_capture_widget (search_entry, GTK_WIDGET (self));
  g_signal_connect_object (search_entry, "search-started", G_CALLBACK (on_search_started), self, 0);

  g_object_bind_property (self, "class-filter", self->entry_list, "class-filter",
                          G_BINDING_SYNC_CREATE | G_BINDING_BIDIRECTIONAL);
  g_object_bind_property (self, "tag-filter", self->entry_list, "tag-filter",
                          G_BINDING_SYNC_CREATE | G_BINDING_BIDIRECTIONAL);
  g_object_bind_property_full (self, "view", self->entry_list, "favourites", G_BINDING_SYNC_CREATE,
                               view_to_favourites, NULL, NULL, NULL);

  update_actions (self);
}

static void
restore_settings (TeapotWindow *self)
{
  g_settings_bind (self->settings, "class-filter", self, "class-filter", G_SETTINGS_BIND_DEFAULT);
  g_settings_bind (self->settings, "tag-filter", self, "tag-filter", G_SETTINGS_BIND_DEFAULT);
  g_settings_bind (self->settings, "constant-language", self, "constant-language", G_SETTINGS_BIND_DEFAULT);

  gtk_window_set_default_size (GTK_WINDOW (self),
                               g_settings_get_int (self->settings, "window-width"),
                               g_settings_get_int (self->settings, "window-height"));
  if (g_settings_get_boolean (self->settings, "window-maximized"))
    gtk_window_maximize (GTK_WINDOW (self));
}

TeapotWindow *
teapot_window_new (TeapotApplication *application)
{
  TeapotWindow *self;
  const char *notice;

  g_return_val_if_fail (TEAPOT_IS_APPLICATION (application), NULL);

  self = g_object_new (TEAPOT_TYPE_WINDOW, "application", application, NULL);
  g_set_object (&self->store, teapot_application_get_store (application));
  g_set_object (&self->settings, teapot_application_get_settings (application));

  /* Filters first, then the store: the list is filled once, already filtered. */
  if (self->settings != NULL)
    restore_settings (self);
  teapot_detail_view_set_store (self->detail, self->store);
  teapot_entry_list_set_store (self->entry_list, self->store);
  teapot_study_view_set_store (self->study_view, self->store);

  notice = self->store ? teapot_store_get_notice (self->store) : NULL;
  if (notice != NULL)
    add_toast (self, notice);

  return self;
}

void
teapot_window_show_entry (TeapotWindow *self,
                          const char   *id)
{
  g_autoptr(TeapotEntry) entry = NULL;

  g_return_if_fail (TEAPOT_IS_WINDOW (self));
  g_return_if_fail (id != NULL);

  entry = self->store ? teapot_store_lookup_id (self->store, id) : NULL;
  if (entry == NULL)
    {
      g_autofree char *message = g_strdup_printf (_("No status code has the id “%s”"), id);

      add_toast (self, message);
      return;
    }
  show_entry (self, entry);
}

void
teapot_window_search (TeapotWindow *self,
                      const char   *query)
{
  GtkSearchEntry *search_entry;

  g_return_if_fail (TEAPOT_IS_WINDOW (self));
  g_return_if_fail (query != NULL);

  search_entry = teapot_entry_list_get_search_entry (self->entry_list);
  gtk_editable_set_text (GTK_EDITABLE (search_entry), query);
  gtk_widget_grab_focus (GTK_WIDGET (search_entry));
  gtk_editable_set_position (GTK_EDITABLE (search_entry), -1);
}

TeapotEntry *
teapot_window_get_current_entry (TeapotWindow *self)
{
  g_return_val_if_fail (TEAPOT_IS_WINDOW (self), NULL);
  return self->current;
}
