/* teapot-detail-view.c
 *
 * Copyright The Teapot authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "teapot-detail-view.h"
#include "teapot-ui-util.h"
#include "teapot-format.h"

/* Everything about one entry. The entry's scalar fields are bound in the template; lists
 * (chips, related codes, constants) are rebuilt here when the entry changes. */
struct _TeapotDetailView
{
  GtkWidget parent_instance;

  GtkStack *stack;
  AdwWrapBox *common_box;
  GtkScrolledWindow *scrolled_window;
  GtkLabel *code_label;
  GtkLabel *phrase_label;
  AdwWrapBox *chip_box;
  GtkLabel *other_meanings_label;
  GtkLabel *status_label;
  AdwActionRow *aliases_row;
  AdwActionRow *headers_row;
  AdwActionRow *cacheable_row;
  AdwActionRow *reference_row;
  GtkWidget *subcodes_group;
  GtkListBox *subcodes_list;
  GtkWidget *related_group;
  GtkListBox *related_list;
  GtkWidget *constants_group;
  GtkListBox *constants_list;

  TeapotStore *store;
  TeapotEntry *entry;
  GListStore *subcodes_model;
  GListStore *related_model;
  GtkStringList *constants_model;
  /* Where the last motion event over the page was, in the window's coordinates. */
  double motion_x;
  double motion_y;
};

G_DEFINE_FINAL_TYPE (TeapotDetailView, teapot_detail_view, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_STORE,
  PROP_ENTRY,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
add_chip (TeapotDetailView *self,
          const char       *text,
          const char       *style_class)
{
  GtkWidget *label = gtk_label_new (text);

  gtk_widget_add_css_class (label, "chip");
  if (style_class != NULL)
    gtk_widget_add_css_class (label, style_class);
  adw_wrap_box_append (self->chip_box, label);
}

static void
update_chips (TeapotDetailView *self)
{
  const char * const *tags = teapot_entry_get_tags (self->entry);
  const char *status = teapot_entry_get_status (self->entry);
  const char *status_label = teapot_format_status_label (status);
  guint class_digit = teapot_entry_get_code (self->entry) / 100;
  g_autofree char *class_text = NULL;
  g_autofree char *class_style = NULL;
  g_autofree char *status_style = NULL;
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->chip_box))) != NULL)
    adw_wrap_box_remove (self->chip_box, child);

  /* Translators: a status class, e.g. “4xx · Client error”. */
  class_text = g_strdup_printf (_("%s · %s"), teapot_entry_get_class_name (self->entry),
                                teapot_format_class_name (class_digit));
  class_style = g_strdup_printf ("class-%s", teapot_entry_get_class_name (self->entry));
  add_chip (self, class_text, class_style);

  if (status_label != NULL)
    {
      status_style = g_strdup_printf ("status-%s", status);
      add_chip (self, status_label, status_style);
    }

  for (guint i = 0; tags[i] != NULL; i++)
    add_chip (self, teapot_format_tag_name (tags[i]), "tag");
}

static void
set_row_text (AdwActionRow       *row,
              const char * const *values)
{
  g_autofree char *text = values ? g_strjoinv (", ", (char **) values) : NULL;

  adw_action_row_set_subtitle (row, text ? text : "");
  gtk_widget_set_visible (GTK_WIDGET (row), text != NULL && *text != '\0');
}

static void
update_reference (TeapotDetailView *self)
{
  const char *title = teapot_entry_get_reference_title (self->entry);
  const char *section = teapot_entry_get_reference_section (self->entry);
  const char *url = teapot_entry_get_reference_url (self->entry);
  g_autoptr(GUri) uri = NULL;
  g_autofree char *subtitle = NULL;

  if (title == NULL || !teapot_format_is_web_uri (url))
    {
      gtk_widget_set_visible (GTK_WIDGET (self->reference_row), FALSE);
      return;
    }

  uri = g_uri_parse (url, G_URI_FLAGS_NONE, NULL);
  if (section != NULL && *section != '\0')
    /* Translators: the section of a specification, then the web site, e.g. “Section 4 · rfc-editor.org”. */
    subtitle = g_strdup_printf (_("Section %s · %s"), section, uri ? g_uri_get_host (uri) : url);
  else
    subtitle = g_strdup (uri ? g_uri_get_host (uri) : url);

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->reference_row), title);
  adw_action_row_set_subtitle (self->reference_row, subtitle);
  gtk_widget_set_tooltip_text (GTK_WIDGET (self->reference_row), url);
  gtk_widget_set_visible (GTK_WIDGET (self->reference_row), TRUE);
}

static void
update_related (TeapotDetailView *self)
{
  const char * const *related = teapot_entry_get_related (self->entry);
  g_autoptr(GPtrArray) entries = g_ptr_array_new_with_free_func (g_object_unref);

  for (guint i = 0; self->store != NULL && related[i] != NULL; i++)
    {
      TeapotEntry *entry = teapot_store_lookup_id (self->store, related[i]);

      if (entry != NULL)
        g_ptr_array_add (entries, entry);
    }

  g_list_store_splice (self->related_model, 0, g_list_model_get_n_items (G_LIST_MODEL (self->related_model)),
                       entries->pdata, entries->len);
  gtk_widget_set_visible (self->related_group, entries->len > 0);
}

/* A status's vendor sub-codes (IIS 500.19, Cloudflare 1020 with 403); none on a sub-code. */
static void
update_subcodes (TeapotDetailView *self)
{
  g_autoptr(GPtrArray) subcodes = NULL;
  guint n_old = g_list_model_get_n_items (G_LIST_MODEL (self->subcodes_model));

  if (self->store != NULL && teapot_entry_get_subcode (self->entry) == NULL)
    subcodes = teapot_store_list_subcodes (self->store, teapot_entry_get_code (self->entry));
  if (subcodes != NULL)
    g_list_store_splice (self->subcodes_model, 0, n_old, subcodes->pdata, subcodes->len);
  else
    g_list_store_remove_all (self->subcodes_model);
  gtk_widget_set_visible (self->subcodes_group, subcodes != NULL && subcodes->len > 0);
}

static void
update_constants (TeapotDetailView *self)
{
  const char * const *languages = teapot_entry_get_constant_languages (self->entry);
  guint n_old = g_list_model_get_n_items (G_LIST_MODEL (self->constants_model));

  gtk_string_list_splice (self->constants_model, 0, n_old, languages);
  gtk_widget_set_visible (self->constants_group, languages[0] != NULL);
}

/* "499 also means Token Required (Esri)": a number with several meanings says so at the
 * top, each other meaning a link to its page. */
static void
update_other_meanings (TeapotDetailView *self)
{
  g_autoptr(GPtrArray) same_code = NULL;
  g_autoptr(GString) links = g_string_new (NULL);
  g_autofree char *text = NULL;
  guint n_others = 0;

  if (self->store != NULL)
    same_code = teapot_store_lookup_code (self->store, teapot_entry_get_code (self->entry));
  for (guint i = 0; same_code != NULL && i < same_code->len; i++)
    {
      TeapotEntry *other = g_ptr_array_index (same_code, i);
      const char *vendor = teapot_entry_get_vendor (other);
      g_autofree char *phrase = teapot_format_display_phrase (other);
      g_autofree char *link = NULL;
      g_autofree char *escaped = NULL;

      if (g_str_equal (teapot_entry_get_id (other), teapot_entry_get_id (self->entry)))
        continue;
      /* Translators: a meaning of the same number, e.g. “Token Required (Esri)”. */
      link = vendor ? g_strdup_printf (_("%s (%s)"), phrase, teapot_format_tag_name (vendor)) : g_strdup (phrase);
      escaped = g_markup_escape_text (link, -1);
      if (n_others++ > 0)
        g_string_append (links, ", ");
      g_string_append_printf (links, "<a href=\"teapot-entry:%s\">%s</a>", teapot_entry_get_id (other), escaped);
    }

  if (n_others > 0)
    /* Translators: %u is a status code, %s one or more links such as “Token Required (Esri)”. */
    text = g_strdup_printf (_("%u also means %s"), teapot_entry_get_code (self->entry), links->str);
  gtk_label_set_markup (self->other_meanings_label, text ? text : "");
  gtk_widget_set_visible (GTK_WIDGET (self->other_meanings_label), n_others > 0);
}

static gboolean
on_other_meaning_activated (TeapotDetailView *self,
                            const char       *uri)
{
  if (g_str_has_prefix (uri, "teapot-entry:"))
    gtk_widget_activate_action (GTK_WIDGET (self), "win.show-entry", "s", uri + strlen ("teapot-entry:"));
  return TRUE;
}

static void
update (TeapotDetailView *self)
{
  g_autofree char *phrase = NULL;
  g_autofree char *code = NULL;
  g_autofree char *class_style = NULL;
  g_autofree char *explanation = NULL;
  GtkAdjustment *adjustment;

  if (self->entry == NULL)
    {
      gtk_stack_set_visible_child_name (self->stack, "empty");
      return;
    }

  code = teapot_format_code (self->entry);
  class_style = g_strdup_printf ("class-%s", teapot_entry_get_class_name (self->entry));
  gtk_label_set_label (self->code_label, code);
  gtk_widget_set_css_classes (GTK_WIDGET (self->code_label),
                              (const char *[]) { "detail-code", "status-code", class_style, NULL });

  phrase = teapot_format_display_phrase (self->entry);
  gtk_label_set_label (self->phrase_label, phrase);
  update_chips (self);
  update_other_meanings (self);
  explanation = teapot_format_status_explanation (self->entry);
  gtk_label_set_label (self->status_label, explanation ? explanation : "");
  gtk_widget_set_visible (GTK_WIDGET (self->status_label), explanation != NULL);

  set_row_text (self->aliases_row, teapot_entry_get_aliases (self->entry));
  set_row_text (self->headers_row, teapot_entry_get_headers (self->entry));
  adw_action_row_set_subtitle (self->cacheable_row,
                               teapot_entry_get_cacheable (self->entry)
                                 ? _("Yes: caches may reuse this response without explicit freshness information")
                                 : _("No: only with explicit caching headers"));
  update_reference (self);
  update_subcodes (self);
  update_related (self);
  update_constants (self);

  /* Hidden until now: GTK styles the widgets of hidden stack pages, not of hidden widgets,
   * and the first screen (the welcome page) does not need these (45 M instructions of the
   * first frame). A stack shows only a visible child. */
  gtk_widget_set_visible (GTK_WIDGET (self->scrolled_window), TRUE);
  gtk_stack_set_visible_child_name (self->stack, "entry");
  adjustment = gtk_scrolled_window_get_vadjustment (self->scrolled_window);
  gtk_adjustment_set_value (adjustment, gtk_adjustment_get_lower (adjustment));
}

static GtkWidget *
create_related_row (gpointer item,
                    gpointer user_data)
{
  TeapotEntry *entry = item;
  g_autofree char *title = teapot_format_entry_title (entry);
  const char *vendor = teapot_entry_get_vendor (entry);
  g_autofree char *tooltip = NULL;
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *arrow = gtk_image_new_from_icon_name ("go-next-symbolic");

  if (vendor != NULL)
    {
      g_autofree char *with_vendor = g_strdup_printf ("%s (%s)", title, teapot_format_tag_name (vendor));

      g_free (title);
      title = g_steal_pointer (&with_vendor);
    }

  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), teapot_entry_get_summary (entry));
  adw_action_row_set_subtitle_lines (ADW_ACTION_ROW (row), 2);
  gtk_accessible_update_property (GTK_ACCESSIBLE (arrow), GTK_ACCESSIBLE_PROPERTY_LABEL, "", -1);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), arrow);
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);
  gtk_actionable_set_action_name (GTK_ACTIONABLE (row), "win.show-entry");
  gtk_actionable_set_action_target (GTK_ACTIONABLE (row), "s", teapot_entry_get_id (entry));
  /* Translators: %s is a status such as “503 Service Unavailable”. */
  tooltip = g_strdup_printf (_("Show %s"), title);
  gtk_widget_set_tooltip_text (row, tooltip);
  gtk_widget_add_css_class (row, "related-row");

  return row;
}

static GtkWidget *
create_constant_row (gpointer item,
                     gpointer user_data)
{
  TeapotDetailView *self = user_data;
  const char *language = gtk_string_object_get_string (item);
  const char *name = teapot_format_language_name (language);
  g_autofree char *tooltip = NULL;
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *button = gtk_button_new_from_icon_name ("edit-copy-symbolic");

  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), name);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), teapot_entry_get_constant (self->entry, language));
  gtk_widget_add_css_class (row, "monospace-subtitle");

  /* Translators: %s is a programming language such as “Python”. */
  tooltip = g_strdup_printf (_("Copy %s Constant"), name);
  gtk_widget_set_tooltip_text (button, tooltip);
  gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL, tooltip, -1);
  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (button, "flat");
  gtk_actionable_set_action_name (GTK_ACTIONABLE (button), "win.copy-constant");
  gtk_actionable_set_action_target (GTK_ACTIONABLE (button), "s", language);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), button);
  adw_action_row_set_activatable_widget (ADW_ACTION_ROW (row), button);

  return row;
}

typedef struct
{
  TeapotDetailView *self;
  char *url;
} Launch;

static void
launch_free (Launch *launch)
{
  g_object_unref (launch->self);
  g_free (launch->url);
  g_free (launch);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (Launch, launch_free)

static void
on_launch_finished (GObject      *source,
                    GAsyncResult *result,
                    gpointer      user_data)
{
  g_autoptr(Launch) launch = user_data;
  g_autoptr(GError) error = NULL;
  GtkWidget *overlay;
  AdwToast *toast;

  if (gtk_uri_launcher_launch_finish (GTK_URI_LAUNCHER (source), result, &error)
      || g_error_matches (error, GTK_DIALOG_ERROR, GTK_DIALOG_ERROR_DISMISSED))
    return;

  /* Nothing could open it (no browser, no portal): the reader still gets the link. */
  overlay = gtk_widget_get_ancestor (GTK_WIDGET (launch->self), ADW_TYPE_TOAST_OVERLAY);
  if (overlay == NULL)
    return;
  toast = adw_toast_new (_("No app could open the link"));
  adw_toast_set_button_label (toast, _("_Copy Link"));
  adw_toast_set_use_markup (toast, FALSE);
  adw_toast_set_action_name (toast, "win.copy-link");
  adw_toast_set_action_target_value (toast, g_variant_new_string (launch->url));
  adw_toast_overlay_add_toast (ADW_TOAST_OVERLAY (overlay), toast);
}

static void
open_reference_action (GtkWidget  *widget,
                       const char *action_name,
                       GVariant   *parameter)
{
  TeapotDetailView *self = TEAPOT_DETAIL_VIEW (widget);
  g_autoptr(GtkUriLauncher) launcher = NULL;
  Launch *launch;
  const char *url;

  if (self->entry == NULL)
    return;

  url = teapot_entry_get_reference_url (self->entry);
  if (!teapot_format_is_web_uri (url))
    return;

  launch = g_new0 (Launch, 1);
  launch->self = g_object_ref (self);
  launch->url = g_strdup (url);
  launcher = gtk_uri_launcher_new (url);
  gtk_uri_launcher_launch (launcher, GTK_WINDOW (gtk_widget_get_root (widget)), NULL, on_launch_finished, launch);
}

/* The first screen: the codes the dataset rates as met every day, one tap away. */
static void
fill_common_codes (TeapotDetailView *self)
{
  g_autoptr(GPtrArray) entries = NULL;
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->common_box))) != NULL)
    adw_wrap_box_remove (self->common_box, child);
  if (self->store == NULL)
    return;

  entries = teapot_store_list (self->store, NULL, 0);
  for (guint i = 0; i < entries->len; i++)
    {
      TeapotEntry *entry = g_ptr_array_index (entries, i);
      g_autofree char *code = NULL;
      g_autofree char *title = NULL;
      GtkWidget *button;

      if (teapot_entry_get_prevalence (entry) < TEAPOT_PREVALENCE_EVERYDAY)
        continue;
      code = teapot_format_code (entry);
      title = teapot_format_entry_title (entry);
      button = gtk_button_new_with_label (code);
      /* The title is the button's tooltip and its name, and no description as well: a
       * screen reader would say it twice. */
      teapot_ui_set_tooltip (button, title);
      gtk_accessible_reset_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION);
      gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL, title, -1);
      gtk_actionable_set_action_name (GTK_ACTIONABLE (button), "win.show-entry");
      gtk_actionable_set_action_target (GTK_ACTIONABLE (button), "s", teapot_entry_get_id (entry));
      gtk_widget_add_css_class (button, "common-code");
      teapot_ui_set_class_style (button, entry);
      adw_wrap_box_append (self->common_box, button);
    }
}

static void
teapot_detail_view_dispose (GObject *object)
{
  TeapotDetailView *self = (TeapotDetailView *) object;
  GtkWidget *child;

  gtk_widget_dispose_template (GTK_WIDGET (self), TEAPOT_TYPE_DETAIL_VIEW);
  /* The template's root box is not a bound child: unparent it too. */
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))) != NULL)
    gtk_widget_unparent (child);
  g_clear_object (&self->entry);
  g_clear_object (&self->store);
  g_clear_object (&self->subcodes_model);
  g_clear_object (&self->related_model);
  g_clear_object (&self->constants_model);

  G_OBJECT_CLASS (teapot_detail_view_parent_class)->dispose (object);
}

static void
teapot_detail_view_get_property (GObject    *object,
                                 guint       prop_id,
                                 GValue     *value,
                                 GParamSpec *pspec)
{
  TeapotDetailView *self = TEAPOT_DETAIL_VIEW (object);

  switch (prop_id)
    {
    case PROP_STORE:
      g_value_set_object (value, self->store);
      break;
    case PROP_ENTRY:
      g_value_set_object (value, self->entry);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
teapot_detail_view_set_property (GObject      *object,
                                 guint         prop_id,
                                 const GValue *value,
                                 GParamSpec   *pspec)
{
  TeapotDetailView *self = TEAPOT_DETAIL_VIEW (object);

  switch (prop_id)
    {
    case PROP_STORE:
      teapot_detail_view_set_store (self, g_value_get_object (value));
      break;
    case PROP_ENTRY:
      teapot_detail_view_set_entry (self, g_value_get_object (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
teapot_detail_view_class_init (TeapotDetailViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = teapot_detail_view_dispose;
  object_class->get_property = teapot_detail_view_get_property;
  object_class->set_property = teapot_detail_view_set_property;

  properties[PROP_STORE] =
    g_param_spec_object ("store", NULL, NULL, TEAPOT_TYPE_STORE,
                         G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  properties[PROP_ENTRY] =
    g_param_spec_object ("entry", NULL, NULL, TEAPOT_TYPE_ENTRY,
                         G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  g_type_ensure (TEAPOT_TYPE_ENTRY);
  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PREFIX "/ui/teapot-detail-view.ui");
  gtk_widget_class_bind_template_child (widget_class, TeapotDetailView, stack);
  gtk_widget_class_bind_template_child (widget_class, TeapotDetailView, common_box);
  gtk_widget_class_bind_template_child (widget_class, TeapotDetailView, scrolled_window);
  gtk_widget_class_bind_template_child (widget_class, TeapotDetailView, code_label);
  gtk_widget_class_bind_template_child (widget_class, TeapotDetailView, phrase_label);
  gtk_widget_class_bind_template_child (widget_class, TeapotDetailView, chip_box);
  gtk_widget_class_bind_template_child (widget_class, TeapotDetailView, other_meanings_label);
  gtk_widget_class_bind_template_child (widget_class, TeapotDetailView, status_label);
  gtk_widget_class_bind_template_child (widget_class, TeapotDetailView, aliases_row);
  gtk_widget_class_bind_template_child (widget_class, TeapotDetailView, headers_row);
  gtk_widget_class_bind_template_child (widget_class, TeapotDetailView, cacheable_row);
  gtk_widget_class_bind_template_child (widget_class, TeapotDetailView, reference_row);
  gtk_widget_class_bind_template_child (widget_class, TeapotDetailView, subcodes_group);
  gtk_widget_class_bind_template_child (widget_class, TeapotDetailView, subcodes_list);
  gtk_widget_class_bind_template_child (widget_class, TeapotDetailView, related_group);
  gtk_widget_class_bind_template_child (widget_class, TeapotDetailView, related_list);
  gtk_widget_class_bind_template_child (widget_class, TeapotDetailView, constants_group);
  gtk_widget_class_bind_template_child (widget_class, TeapotDetailView, constants_list);

  gtk_widget_class_bind_template_callback (widget_class, on_other_meaning_activated);
  gtk_widget_class_install_action (widget_class, "detail.open-reference", NULL, open_reference_action);
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "detailview");
}

/* After a frame that moved things, GTK sends the widget under a still pointer a motion
 * event at the same place, and a scrolled window shows its overlay scrollbar for any motion
 * (GTK 4.18). With the pointer resting on this page while the reader types, the scrollbar
 * came back after every key, and its repaint beside the list's made the frame paint the
 * whole window (key -> list p95 33 ms instead of 19 ms). A motion to where the pointer
 * already was stops here; GTK updates hover from pointer crossings before any controller
 * runs, so rows still light up under the pointer. */
static gboolean
on_event (GtkEventControllerLegacy *controller,
          GdkEvent                 *event,
          TeapotDetailView         *self)
{
  double x, y;
  gboolean still;

  if (gdk_event_get_event_type (event) != GDK_MOTION_NOTIFY || !gdk_event_get_position (event, &x, &y))
    return GDK_EVENT_PROPAGATE;

  still = x == self->motion_x && y == self->motion_y;
  self->motion_x = x;
  self->motion_y = y;
  return still ? GDK_EVENT_STOP : GDK_EVENT_PROPAGATE;
}

static void
teapot_detail_view_init (TeapotDetailView *self)
{
  GtkEventController *motion_filter = gtk_event_controller_legacy_new ();

  gtk_widget_init_template (GTK_WIDGET (self));

  self->motion_x = self->motion_y = -1;
  gtk_event_controller_set_propagation_phase (motion_filter, GTK_PHASE_CAPTURE);
  g_signal_connect (motion_filter, "event", G_CALLBACK (on_event), self);
  gtk_widget_add_controller (GTK_WIDGET (self), motion_filter);

  self->subcodes_model = g_list_store_new (TEAPOT_TYPE_ENTRY);
  self->related_model = g_list_store_new (TEAPOT_TYPE_ENTRY);
  gtk_list_box_bind_model (self->subcodes_list, G_LIST_MODEL (self->subcodes_model), create_related_row, self, NULL);
  self->constants_model = gtk_string_list_new (NULL);
  gtk_list_box_bind_model (self->related_list, G_LIST_MODEL (self->related_model), create_related_row, self, NULL);
  gtk_list_box_bind_model (self->constants_list, G_LIST_MODEL (self->constants_model), create_constant_row, self,
                           NULL);
  update (self);
}

TeapotStore *
teapot_detail_view_get_store (TeapotDetailView *self)
{
  g_return_val_if_fail (TEAPOT_IS_DETAIL_VIEW (self), NULL);
  return self->store;
}

void
teapot_detail_view_set_store (TeapotDetailView *self,
                              TeapotStore      *store)
{
  g_return_if_fail (TEAPOT_IS_DETAIL_VIEW (self));
  g_return_if_fail (store == NULL || TEAPOT_IS_STORE (store));

  if (!g_set_object (&self->store, store))
    return;
  fill_common_codes (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_STORE]);
}

TeapotEntry *
teapot_detail_view_get_entry (TeapotDetailView *self)
{
  g_return_val_if_fail (TEAPOT_IS_DETAIL_VIEW (self), NULL);
  return self->entry;
}

void
teapot_detail_view_set_entry (TeapotDetailView *self,
                              TeapotEntry      *entry)
{
  g_return_if_fail (TEAPOT_IS_DETAIL_VIEW (self));
  g_return_if_fail (entry == NULL || TEAPOT_IS_ENTRY (entry));

  if (!g_set_object (&self->entry, entry))
    return;

  update (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ENTRY]);
}
