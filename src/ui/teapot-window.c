/* teapot-window.c
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
#include "teapot-ui-util.h"

/* The main window: Browse (the entry list beside the detail page, one then the other when
 * narrow) and Study. An AdwBreakpoint collapses the split view and moves the Browse/Study
 * switcher from the header bars to a bar at the bottom. The filters are the search model's
 * properties and the constant language is the window's, each exposed as a stateful action,
 * so buttons, the keyboard and GSettings all drive one state. The actions live in
 * teapot-window-actions.c. */

G_DEFINE_FINAL_TYPE (TeapotWindow, teapot_window, ADW_TYPE_APPLICATION_WINDOW)

enum {
  PROP_0,
  PROP_STORE,
  PROP_SETTINGS,
  PROP_CONSTANT_LANGUAGE,
  PROP_FAVOURITE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

void
_teapot_window_toast (TeapotWindow *self,
                      const char   *text)
{
  g_autofree char *escaped = g_markup_escape_text (text, -1);
  AdwToast *toast = adw_toast_new (escaped);

  adw_toast_set_timeout (toast, 3);
  adw_toast_overlay_add_toast (self->toast_overlay, toast);
}

gboolean
_teapot_window_is_showing_detail (TeapotWindow *self)
{
  return adw_navigation_split_view_get_collapsed (self->split_view)
         && adw_navigation_split_view_get_show_content (self->split_view);
}

void
_teapot_window_show_list (TeapotWindow *self)
{
  adw_view_stack_set_visible_child_name (self->main_stack, "browse");
  adw_navigation_split_view_set_show_content (self->split_view, FALSE);
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
  adw_navigation_split_view_set_show_content (self->split_view, TRUE);
}

void
_teapot_window_update_actions (TeapotWindow *self)
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

static void
update_star_tooltip (TeapotWindow *self)
{
  gboolean favourite = gtk_toggle_button_get_active (GTK_TOGGLE_BUTTON (self->star_button));

  teapot_ui_set_tooltip (self->star_button,
                         favourite ? _("Remove from Favourites (Ctrl+D)") : _("Add to Favourites (Ctrl+D)"));
}

static gboolean
show_selected (gpointer user_data)
{
  TeapotWindow *self = user_data;
  TeapotEntry *entry = teapot_entry_list_get_selected_entry (self->entry_list);

  self->show_selected_source = 0;
  /* Nothing matches: the first screen, not the last entry beside an empty list. */
  if (entry != NULL || g_list_model_get_n_items (teapot_entry_list_get_results (self->entry_list)) == 0)
    teapot_detail_view_set_entry (self->detail, entry);
  return G_SOURCE_REMOVE;
}

/* A menu button's menu, built when it first opens: a GtkPopoverMenu and its items are built
 * as soon as a button has a menu model, and neither menu is on the first screen. */
static void
set_menu_on_popup (GtkMenuButton *button,
                   gpointer       menu)
{
  gtk_menu_button_set_menu_model (button, menu);
}

static void
set_menu_when_opened (GtkWidget  *button,
                      GMenuModel *menu)
{
  gtk_menu_button_set_create_popup_func (GTK_MENU_BUTTON (button), set_menu_on_popup, menu, NULL);
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
  /* Typing on the collapsed detail page searches: show the list it searches. */
  if (_teapot_window_is_showing_detail (self))
    _teapot_window_show_list (self);

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

  g_set_object (&self->current, entry);
  g_signal_group_set_target (self->current_signals, entry);

  if (entry != NULL)
    {
      title = teapot_format_entry_title (entry);
      vendor = teapot_entry_get_vendor (entry);
    }
  /* The first screen has nothing to star or copy. */
  gtk_widget_set_visible (self->star_button, entry != NULL);
  gtk_widget_set_visible (self->copy_button, entry != NULL);
  gtk_widget_set_visible (self->compare_button, entry != NULL);
  if (entry != NULL)
    {
      g_autoptr(GMenuModel) compare_menu = teapot_compare_menu_new (teapot_entry_get_id (entry));

      gtk_menu_button_set_menu_model (GTK_MENU_BUTTON (self->compare_button), compare_menu);
    }
  adw_window_title_set_title (self->detail_title, title ? title : "");
  adw_window_title_set_subtitle (self->detail_title, vendor ? teapot_format_tag_name (vendor) : NULL);
  /* What the back button and screen readers call the page. */
  adw_navigation_page_set_title (self->detail_page, title ? title : _("Status Code"));
  _teapot_window_update_actions (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_FAVOURITE]);
}

static void
on_show_content_changed (TeapotWindow *self)
{
  /* Back on the collapsed list: the keyboard goes to the entry the reader left. */
  if (adw_navigation_split_view_get_collapsed (self->split_view)
      && !adw_navigation_split_view_get_show_content (self->split_view))
    teapot_entry_list_focus_results (self->entry_list);
}

/* Study and Explain are built on their first visit, not before the first frame: most
 * sessions never open them, and building Study reads the user's progress (callgrind: about
 * 40 M of the window's 158 M instructions before its first frame). Their switcher follows
 * the Browse header bar's, which the breakpoint hides when narrow. */
static void
adopt_page (TeapotWindow *self,
            AdwBin       *page,
            GtkWidget    *view)
{
  g_object_bind_property (self->browse_switcher, "visible", view, "show-switcher", G_BINDING_SYNC_CREATE);
  adw_bin_set_child (page, view);
}

/* What the Study page keeps in the settings. */
static const struct
{
  const char *key;
  const char *property;
  GSettingsBindFlags flags;
} study_settings[] = {
  { "study-seed", "seed", G_SETTINGS_BIND_GET },
  { "new-cards-per-day", "new-cards-per-day", G_SETTINGS_BIND_DEFAULT },
  { "study-deck", "deck", G_SETTINGS_BIND_DEFAULT },
  { "study-direction", "direction", G_SETTINGS_BIND_DEFAULT },
};

TeapotStudyView *
_teapot_window_get_study_view (TeapotWindow *self)
{
  if (self->study_view == NULL)
    {
      self->study_view = g_object_new (TEAPOT_TYPE_STUDY_VIEW, "view-stack", self->main_stack, NULL);
      for (guint i = 0; self->settings != NULL && i < G_N_ELEMENTS (study_settings); i++)
        g_settings_bind (self->settings, study_settings[i].key, self->study_view, study_settings[i].property,
                         study_settings[i].flags);
      teapot_study_view_set_store (self->study_view, self->store);
      adopt_page (self, self->study_page, GTK_WIDGET (self->study_view));
    }
  return self->study_view;
}

TeapotExplainView *
_teapot_window_get_explain_view (TeapotWindow *self)
{
  if (self->explain_view == NULL)
    {
      self->explain_view = g_object_new (TEAPOT_TYPE_EXPLAIN_VIEW, "view-stack", self->main_stack, NULL);
      teapot_explain_view_set_store (self->explain_view, self->store);
      adopt_page (self, self->explain_page, GTK_WIDGET (self->explain_view));
    }
  return self->explain_view;
}

static void
on_page_changed (TeapotWindow *self)
{
  const char *page = adw_view_stack_get_visible_child_name (self->main_stack);
  gboolean study = g_strcmp0 (page, "study") == 0;

  /* Typing searches Browse only while Browse is on display: on Study, digits and Space
   * answer cards, and other keys must not fill a search out of sight. */
  gtk_search_entry_set_key_capture_widget (teapot_entry_list_get_search_entry (self->entry_list),
                                           g_strcmp0 (page, "browse") == 0 ? GTK_WIDGET (self) : NULL);
  if (study)
    teapot_study_view_focus (_teapot_window_get_study_view (self));
  else if (g_strcmp0 (page, "explain") == 0)
    teapot_explain_view_focus (_teapot_window_get_explain_view (self));
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
restore_settings (TeapotWindow *self)
{
  TeapotSearchModel *model = teapot_entry_list_get_model (self->entry_list);

  g_settings_bind (self->settings, "class-filter", model, "class-filter", G_SETTINGS_BIND_DEFAULT);
  g_settings_bind (self->settings, "tag-filter", model, "tag-filter", G_SETTINGS_BIND_DEFAULT);
  g_settings_bind (self->settings, "constant-language", self, "constant-language", G_SETTINGS_BIND_DEFAULT);

  /* Study (bound when the page is built): the user's own order of new cards, chosen once
   * (0 is "not yet": any other value is as good as the next). */
  if (g_settings_get_uint (self->settings, "study-seed") == 0)
    g_settings_set_uint (self->settings, "study-seed", g_random_int_range (1, G_MAXINT32));

  gtk_window_set_default_size (GTK_WINDOW (self),
                               g_settings_get_int (self->settings, "window-width"),
                               g_settings_get_int (self->settings, "window-height"));
  if (g_settings_get_boolean (self->settings, "window-maximized"))
    gtk_window_maximize (GTK_WINDOW (self));
}

static void
teapot_window_constructed (GObject *object)
{
  TeapotWindow *self = TEAPOT_WINDOW (object);
  const char *notice;

  G_OBJECT_CLASS (teapot_window_parent_class)->constructed (object);

  /* Filters first, then the store: the list is filled once, already filtered. */
  if (self->settings != NULL)
    restore_settings (self);
  teapot_detail_view_set_store (self->detail, self->store);
  teapot_entry_list_set_store (self->entry_list, self->store);
  teapot_compare_banner_set_store (self->compare_banner, self->store);

  notice = self->store ? teapot_store_get_notice (self->store) : NULL;
  if (notice != NULL)
    _teapot_window_toast (self, notice);
}

static void
teapot_window_dispose (GObject *object)
{
  TeapotWindow *self = (TeapotWindow *) object;

  g_clear_handle_id (&self->show_selected_source, g_source_remove);
  g_signal_group_set_target (self->current_signals, NULL);
  g_clear_object (&self->current);
  /* The application, and so the settings and the window's exported actions, outlive the
   * window: a setting changed after it closed must reach none of it (that read freed memory). */
  _teapot_window_remove_filter_actions (self);
  /* Taking the stack apart must not build a page; the pages' views go with their bins. */
  if (self->main_stack != NULL)
    g_signal_handlers_disconnect_by_func (self->main_stack, on_page_changed, self);
  /* An AdwViewSwitcher holds its stack: the switchers inside the stack they switch (the
   * Browse header's, the Study and Explain pages') kept the stack, its pages and their views
   * alive after the window, the Study page still bound to the settings. */
  if (self->browse_switcher != NULL)
    adw_view_switcher_set_stack (ADW_VIEW_SWITCHER (self->browse_switcher), NULL);
  if (self->study_view != NULL)
    {
      g_object_set (self->study_view, "view-stack", NULL, NULL);
      /* The settings are the application's: whatever else may still hold the page, a
       * setting changed after the window closed must not reach it. */
      for (guint i = 0; i < G_N_ELEMENTS (study_settings); i++)
        g_settings_unbind (self->study_view, study_settings[i].property);
    }
  if (self->explain_view != NULL)
    g_object_set (self->explain_view, "view-stack", NULL, NULL);
  self->study_view = NULL;
  self->explain_view = NULL;
  /* Each breakpoint change with the focus in the content leaks a reference to the toast
   * overlay in GTK 4.18: adw_breakpoint_bin_size_allocate() hides the content, so GTK's
   * _gtk_window_unset_focus_and_default() parks it (GtkWindow's move_focus_widget, a plain
   * g_object_ref()) to move the focus after the frame; then, in the same allocation, the
   * breakpoint collapses or expands the split view (adw_navigation_split_view_set_collapsed()),
   * which unparents or hides the page holding the focus, and the second park overwrites the
   * first without releasing it. The overlay then outlives the window; emptied, it keeps only
   * itself, not the stack, its pages and their stores. */
  if (self->toast_overlay != NULL)
    adw_toast_overlay_set_child (self->toast_overlay, NULL);
  gtk_widget_dispose_template (GTK_WIDGET (self), TEAPOT_TYPE_WINDOW);

  G_OBJECT_CLASS (teapot_window_parent_class)->dispose (object);
}

static void
teapot_window_finalize (GObject *object)
{
  TeapotWindow *self = (TeapotWindow *) object;

  g_clear_object (&self->current_signals);
  g_clear_object (&self->store);
  g_clear_object (&self->settings);
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
    case PROP_STORE:
      g_value_set_object (value, self->store);
      break;
    case PROP_SETTINGS:
      g_value_set_object (value, self->settings);
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
    case PROP_STORE:
      self->store = g_value_dup_object (value);
      break;
    case PROP_SETTINGS:
      self->settings = g_value_dup_object (value);
      break;
    case PROP_CONSTANT_LANGUAGE:
      if (set_string (&self->constant_language, g_value_get_string (value)))
        {
          _teapot_window_update_actions (self);
          g_object_notify_by_pspec (object, pspec);
        }
      break;
    case PROP_FAVOURITE:
      if (self->current != NULL)
        teapot_entry_list_set_favourite (self->entry_list, self->current, g_value_get_boolean (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
teapot_window_class_init (TeapotWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  GtkWindowClass *window_class = GTK_WINDOW_CLASS (klass);
  GParamFlags flags = G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY;
  GParamFlags construct = G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS;

  object_class->constructed = teapot_window_constructed;
  object_class->dispose = teapot_window_dispose;
  object_class->finalize = teapot_window_finalize;
  object_class->get_property = teapot_window_get_property;
  object_class->set_property = teapot_window_set_property;
  window_class->close_request = teapot_window_close_request;

  properties[PROP_STORE] = g_param_spec_object ("store", NULL, NULL, TEAPOT_TYPE_STORE, construct);
  properties[PROP_SETTINGS] = g_param_spec_object ("settings", NULL, NULL, G_TYPE_SETTINGS, construct);
  properties[PROP_CONSTANT_LANGUAGE] = g_param_spec_string ("constant-language", NULL, NULL, "python", flags);
  /* Whether the entry on the detail page is a favourite. */
  properties[PROP_FAVOURITE] = g_param_spec_boolean ("favourite", NULL, NULL, FALSE, flags);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  g_type_ensure (TEAPOT_TYPE_ENTRY_LIST);
  g_type_ensure (TEAPOT_TYPE_DETAIL_VIEW);
  g_type_ensure (TEAPOT_TYPE_COMPARE_BANNER);
  /* The banner's query is bound to the search model's, by type name in the template. */
  g_type_ensure (TEAPOT_TYPE_SEARCH_MODEL);

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PREFIX "/ui/teapot-window.ui");
  gtk_widget_class_bind_template_child (widget_class, TeapotWindow, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, TeapotWindow, main_stack);
  gtk_widget_class_bind_template_child (widget_class, TeapotWindow, split_view);
  gtk_widget_class_bind_template_child (widget_class, TeapotWindow, browse_switcher);
  gtk_widget_class_bind_template_child (widget_class, TeapotWindow, switcher_bar);
  gtk_widget_class_bind_template_child (widget_class, TeapotWindow, favourites_toggle);
  gtk_widget_class_bind_template_child (widget_class, TeapotWindow, study_page);
  gtk_widget_class_bind_template_child (widget_class, TeapotWindow, explain_page);
  gtk_widget_class_bind_template_child (widget_class, TeapotWindow, entry_list);
  gtk_widget_class_bind_template_child (widget_class, TeapotWindow, detail_title);
  gtk_widget_class_bind_template_child (widget_class, TeapotWindow, detail_page);
  gtk_widget_class_bind_template_child (widget_class, TeapotWindow, primary_menu_button);
  gtk_widget_class_bind_template_child (widget_class, TeapotWindow, primary_menu);
  gtk_widget_class_bind_template_child (widget_class, TeapotWindow, star_button);
  gtk_widget_class_bind_template_child (widget_class, TeapotWindow, copy_button);
  gtk_widget_class_bind_template_child (widget_class, TeapotWindow, copy_menu);
  gtk_widget_class_bind_template_child (widget_class, TeapotWindow, compare_button);
  gtk_widget_class_bind_template_child (widget_class, TeapotWindow, compare_banner);
  gtk_widget_class_bind_template_child (widget_class, TeapotWindow, detail);

  gtk_widget_class_bind_template_callback (widget_class, star_icon_name);
  gtk_widget_class_bind_template_callback (widget_class, on_selected_entry_changed);
  gtk_widget_class_bind_template_callback (widget_class, on_entry_activated);
  gtk_widget_class_bind_template_callback (widget_class, on_detail_entry_changed);
  gtk_widget_class_bind_template_callback (widget_class, on_show_content_changed);
  gtk_widget_class_bind_template_callback (widget_class, on_page_changed);

  _teapot_window_class_add_actions (widget_class);
}

static void
teapot_window_init (TeapotWindow *self)
{
  GtkSearchEntry *search_entry;

  self->constant_language = g_strdup ("python");
  self->current_signals = g_signal_group_new (TEAPOT_TYPE_ENTRY);
  g_signal_group_connect_swapped (self->current_signals, "notify::favourite",
                                  G_CALLBACK (on_current_favourite_changed), self);

  gtk_widget_init_template (GTK_WIDGET (self));
  set_menu_when_opened (self->primary_menu_button, self->primary_menu);
  set_menu_when_opened (self->copy_button, self->copy_menu);
  /* Not in the template: see teapot_ui_set_tooltip(). */
  teapot_ui_set_tooltip (self->favourites_toggle, _("Show Favourites Only (Ctrl+2)"));
  teapot_ui_set_tooltip (self->primary_menu_button, _("Main Menu"));
  teapot_ui_set_tooltip (self->compare_button, _("Compare With…"));
  teapot_ui_set_tooltip (self->copy_button, _("Copy"));
  update_star_tooltip (self);
  g_signal_connect_object (self->star_button, "notify::active", G_CALLBACK (update_star_tooltip), self,
                           G_CONNECT_SWAPPED);

  if (g_str_equal (PROFILE, "development"))
    gtk_widget_add_css_class (GTK_WIDGET (self), "devel");

  /* Typing anywhere in the window goes to the search. */
  search_entry = teapot_entry_list_get_search_entry (self->entry_list);
  gtk_search_entry_set_key_capture_widget (search_entry, GTK_WIDGET (self));
  g_signal_connect_object (search_entry, "search-started", G_CALLBACK (on_search_started), self, 0);

  _teapot_window_add_filter_actions (self);
  _teapot_window_update_actions (self);
}

TeapotWindow *
teapot_window_new_for_error (GtkApplication *application,
                             const GError   *error)
{
  TeapotWindow *self;
  AdwToolbarView *view;
  GtkWidget *page;
  g_autofree char *description = NULL;

  g_return_val_if_fail (GTK_IS_APPLICATION (application), NULL);
  g_return_val_if_fail (error != NULL, NULL);

  self = g_object_new (TEAPOT_TYPE_WINDOW, "application", application, NULL);
  /* Translators: %s says what failed, e.g. “Cannot open your saved data: disk I/O error”. */
  description = g_strdup_printf (_("%s.\n\nCheck that your home folder has free space and can be written, "
                                   "then start Teapot again. Nothing you saved has been changed or deleted."),
                                 error->message);
  page = adw_status_page_new ();
  adw_status_page_set_icon_name (ADW_STATUS_PAGE (page), "dialog-error-symbolic");
  adw_status_page_set_title (ADW_STATUS_PAGE (page), _("Teapot Cannot Open Its Data"));
  adw_status_page_set_description (ADW_STATUS_PAGE (page), description);
  gtk_widget_set_name (page, "store-error");
  view = ADW_TOOLBAR_VIEW (adw_toolbar_view_new ());
  adw_toolbar_view_add_top_bar (view, adw_header_bar_new ());
  adw_toolbar_view_set_content (view, page);
  adw_application_window_set_content (ADW_APPLICATION_WINDOW (self), GTK_WIDGET (view));
  return self;
}

TeapotWindow *
teapot_window_new (GtkApplication *application,
                   TeapotStore    *store,
                   GSettings      *settings)
{
  g_return_val_if_fail (GTK_IS_APPLICATION (application), NULL);
  g_return_val_if_fail (store == NULL || TEAPOT_IS_STORE (store), NULL);
  g_return_val_if_fail (settings == NULL || G_IS_SETTINGS (settings), NULL);

  return g_object_new (TEAPOT_TYPE_WINDOW,
                       "application", application,
                       "store", store,
                       "settings", settings,
                       NULL);
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

      _teapot_window_toast (self, message);
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
  _teapot_window_show_list (self);
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
