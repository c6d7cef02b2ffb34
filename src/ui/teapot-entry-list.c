/* teapot-entry-list.c
 *
 * Copyright The Teapot authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>

#include "teapot-entry-list.h"
#include "teapot-search-model.h"
#include "teapot-shown-results.h"
#include "teapot-ui-util.h"
#include "teapot-entry-row-pool.h"
#include "teapot-format.h"
#include "teapot-tag-item.h"

/* The searchable, filterable list of entries: search entry, class and source filters, the
 * match count and the list itself (or a status page). The query and the filters live in
 * the TeapotSearchModel the template binds them to; this file follows its results. */
struct _TeapotEntryList
{
  GtkWidget parent_instance;

  GtkSearchEntry *search_entry;
  GtkDropDown *tag_dropdown;
  GListStore *tag_model;
  GtkLabel *count_label;
  GtkStack *list_stack;
  AdwStatusPage *error_page;
  GtkWidget *reset_button;
  GtkListView *list_view;
  GtkSingleSelection *selection;
  GtkSortListModel *sections;
  GtkSorter *class_sorter;
  GtkListItemFactory *section_header_factory;
  TeapotSearchModel *results;
  TeapotShownResults *shown;
  TeapotEntryRowPool *row_pool;

  gboolean single_click_activate;

  /* Set while refreshing after a favourite changed: the selection does not announce itself. */
  gboolean keep_selection;

  /* A new selection is announced once the frame that shows it is out (see announce_later). */
  GdkFrameClock *announce_clock;
  gulong announce_handler;

  /* After the first frame, the search loads what its first query would. */
  gboolean first_frame_seen;
  guint sections_source;
  guint prepare_source;
};

G_DEFINE_FINAL_TYPE (TeapotEntryList, teapot_entry_list, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_MODEL,
  PROP_SINGLE_CLICK_ACTIVATE,
  PROP_SELECTED_ENTRY,
  N_PROPS
};

enum {
  ACTIVATE,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

static void
update_count (TeapotEntryList *self,
              guint            n_items,
              gboolean         searching)
{
  g_autofree char *text = NULL;

  if (searching)
    text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u match", "%u matches", n_items), n_items);
  else
    text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u code", "%u codes", n_items), n_items);
  gtk_label_set_label (self->count_label, text);
}

/* Whether the keyboard is in the list: on it, on a row, or on a row the list has just taken
 * out (the window still names it as its focus, though it is in no window any more). */
static gboolean
list_has_focus (TeapotEntryList *self)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  GtkWidget *focus = root != NULL ? gtk_root_get_focus (root) : NULL;

  return focus != NULL
         && (focus == GTK_WIDGET (self->list_view) || gtk_widget_is_ancestor (focus, GTK_WIDGET (self->list_view))
             || gtk_widget_get_root (focus) != root);
}

/* With no results the list view keeps the last ones (see TeapotShownResults), out of sight
 * behind the empty page: nothing of them stays selected. */
static void
on_results_items_changed (TeapotEntryList *self)
{
  if (g_list_model_get_n_items (G_LIST_MODEL (self->results)) == 0)
    gtk_single_selection_set_selected (self->selection, GTK_INVALID_LIST_POSITION);
}

static void
update_sections (TeapotEntryList *self)
{
  gboolean searching = teapot_search_model_get_searching (self->results);

  g_clear_handle_id (&self->sections_source, g_source_remove);
  gtk_sort_list_model_set_section_sorter (self->sections, searching ? NULL : self->class_sorter);
  gtk_list_view_set_header_factory (self->list_view, searching ? NULL : self->section_header_factory);
}

static gboolean
update_sections_later (gpointer user_data)
{
  TeapotEntryList *self = user_data;

  self->sections_source = 0;
  update_sections (self);
  return G_SOURCE_REMOVE;
}

/* The results changed (or what they mean): the count, the page shown, the selection. */
static void
on_results_changed (TeapotEntryList *self)
{
  guint n_items = g_list_model_get_n_items (G_LIST_MODEL (self->results));
  gboolean searching = teapot_search_model_get_searching (self->results);
  const GError *error = teapot_search_model_get_error (self->results);
  const char *page;

  /* Sections by class while browsing; a search is read in rank order, top first. Adding or
   * removing the headers sets every row up again (9 M instructions of CSS for 163 rows):
   * with nothing to show, the list is hidden, and that can wait for an idle moment. */
  if (n_items > 0)
    update_sections (self);
  else if (self->sections_source == 0)
    self->sections_source = g_idle_add_full (G_PRIORITY_LOW, update_sections_later, self, NULL);
  update_count (self, n_items, searching);
  /* The list had the keyboard and has nothing left to show: keep the keyboard in the search,
   * not on whatever button GTK would pick. */
  if (n_items == 0 && list_has_focus (self))
    gtk_widget_grab_focus (GTK_WIDGET (self->search_entry));
  /* While searching, the best match is the one to read, and each new query starts from the
   * top; browsing keeps the reader's place. */
  if (searching && n_items > 0 && !self->keep_selection)
    {
      gtk_single_selection_set_selected (self->selection, 0);
      gtk_list_view_scroll_to (self->list_view, 0, GTK_LIST_SCROLL_NONE, NULL);
    }

  /* A search that failed says why, instead of looking like one that found nothing. */
  if (error != NULL)
    {
      adw_status_page_set_description (self->error_page, error->message);
      page = "error";
    }
  else if (n_items > 0)
    page = "list";
  else if (teapot_search_model_get_favourites_only (self->results) && !searching
           && g_str_equal (teapot_search_model_get_class_filter (self->results), "all")
           && *teapot_search_model_get_tag_filter (self->results) == '\0')
    page = "no-favourites";
  else
    page = "empty";
  /* Offered only when a filter is what hides the matches. */
  gtk_widget_set_visible (self->reset_button, error == NULL && teapot_search_model_get_filtered (self->results));
  /* "0 codes" would say that nothing matched. */
  gtk_widget_set_visible (GTK_WIDGET (self->count_label), error == NULL);
  gtk_stack_set_visible_child_name (self->list_stack, page);
}

static void
sync_tag_dropdown (TeapotEntryList *self)
{
  const char *tag = teapot_search_model_get_tag_filter (self->results);
  guint position = teapot_tag_item_find (G_LIST_MODEL (self->tag_model), tag);

  if (position != GTK_INVALID_LIST_POSITION && gtk_drop_down_get_selected (self->tag_dropdown) != position)
    gtk_drop_down_set_selected (self->tag_dropdown, position);
}

/* Each source's count under the other filters ("nginx 3" when 4xx is on). */
static void
update_tag_counts (TeapotEntryList *self)
{
  const char *class_filter = teapot_search_model_get_class_filter (self->results);
  TeapotFilter filter = { 0 };

  filter.class_digit = class_filter[0] >= '1' && class_filter[0] <= '9' ? class_filter[0] - '0' : 0;
  filter.favourites = teapot_search_model_get_favourites_only (self->results);
  teapot_tag_item_update_counts (G_LIST_MODEL (self->tag_model), teapot_search_model_get_store (self->results),
                                 &filter);
}

static void
fill_tag_model (TeapotEntryList *self)
{
  g_autoptr(GPtrArray) items = teapot_tag_item_list_sources (teapot_search_model_get_store (self->results));

  g_list_store_splice (self->tag_model, 0, g_list_model_get_n_items (G_LIST_MODEL (self->tag_model)),
                       items->pdata, items->len);
  update_tag_counts (self);
}

static void
on_filters_changed (TeapotEntryList *self)
{
  sync_tag_dropdown (self);
  update_tag_counts (self);
  on_results_changed (self);
}

/* Closure of the section headers: "4xx · Client error". */
static char *
section_title (gpointer    this,
               const char *class_name)
{
  guint digit = class_name != NULL && class_name[0] >= '1' && class_name[0] <= '9' ? class_name[0] - '0' : 0;

  if (class_name == NULL)
    return NULL;
  /* Translators: a status class, e.g. “4xx · Client error”. */
  return g_strdup_printf (_("%s · %s"), class_name, teapot_format_class_name (digit));
}

/* Closure of the source drop-down's rows (teapot-tag-row.ui). */

static char *
tag_count_label (gpointer this,
                 guint    count)
{
  return g_strdup_printf ("%u", count);
}

static void
on_stop_search (TeapotEntryList *self)
{
  gtk_editable_set_text (GTK_EDITABLE (self->search_entry), "");
}

static void
on_search_activate (TeapotEntryList *self)
{
  TeapotEntry *entry = gtk_single_selection_get_selected_item (self->selection);

  if (entry == NULL)
    return;
  teapot_entry_list_focus_results (self);
  g_signal_emit (self, signals[ACTIVATE], 0, entry);
}

static gboolean
on_search_key_pressed (TeapotEntryList       *self,
                       guint                  keyval,
                       guint                  keycode,
                       GdkModifierType        state,
                       GtkEventControllerKey *controller)
{
  if ((keyval == GDK_KEY_Down || keyval == GDK_KEY_KP_Down) && (state & GDK_MODIFIER_MASK) == 0)
    {
      teapot_entry_list_focus_results (self);
      return TRUE;
    }
  return FALSE;
}

static void
on_list_activate (TeapotEntryList *self,
                  guint            position)
{
  g_autoptr(TeapotEntry) entry = g_list_model_get_item (G_LIST_MODEL (self->selection), position);

  if (entry != NULL)
    g_signal_emit (self, signals[ACTIVATE], 0, entry);
}

static void
cancel_announcement (TeapotEntryList *self)
{
  /* A window being destroyed disposes its frame clock, and the handler with it. */
  if (self->announce_clock != NULL
      && g_signal_handler_is_connected (self->announce_clock, self->announce_handler))
    g_signal_handler_disconnect (self->announce_clock, self->announce_handler);
  self->announce_handler = 0;
  g_clear_object (&self->announce_clock);
}

static void
announce_selection (TeapotEntryList *self)
{
  cancel_announcement (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SELECTED_ENTRY]);
}

/* The window shows the selected entry on the detail page, whose long wrapped text takes
 * tens of milliseconds to lay out again. Announced at once, that layout landed in the same
 * frame as the list's (often enough: an idle runs while the frame clock waits for its next
 * slot), so the selection is announced after the frame that shows the new list. */
static void
announce_later (TeapotEntryList *self)
{
  GdkFrameClock *clock = gtk_widget_get_frame_clock (GTK_WIDGET (self));

  if (self->announce_clock != NULL)
    return;
  if (clock == NULL || !gtk_widget_get_mapped (GTK_WIDGET (self)))
    {
      announce_selection (self);
      return;
    }
  self->announce_clock = g_object_ref (clock);
  self->announce_handler = g_signal_connect_swapped (clock, "after-paint", G_CALLBACK (announce_selection), self);
  gdk_frame_clock_request_phase (clock, GDK_FRAME_CLOCK_PHASE_AFTER_PAINT);
}

static gboolean
prepare_search (gpointer user_data)
{
  TeapotEntryList *self = user_data;

  self->prepare_source = 0;
  teapot_search_model_prepare (self->results);
  return G_SOURCE_REMOVE;
}

/* The first query loads the search's spelling vocabulary (14 million instructions, more
 * than the rest of the first keystroke's frame): loaded once the window is on screen, at
 * a priority below its frames, nobody waits for it. Not before the first frame, which has
 * enough to do: the first tick is that frame's, the second the next one's. */
static gboolean
prepare_search_after_first_frame (GtkWidget     *widget,
                                  GdkFrameClock *clock,
                                  gpointer       user_data)
{
  TeapotEntryList *self = TEAPOT_ENTRY_LIST (widget);

  if (!self->first_frame_seen)
    {
      self->first_frame_seen = TRUE;
      return G_SOURCE_CONTINUE;
    }
  /* Not after the window is gone: the source goes with the list (dispose). */
  self->prepare_source = g_idle_add_full (G_PRIORITY_LOW, prepare_search, self, NULL);
  return G_SOURCE_REMOVE;
}

static void
on_selected_item_changed (TeapotEntryList *self)
{
  if (!self->keep_selection)
    announce_later (self);
}

static void
on_tag_dropdown_selected (TeapotEntryList *self)
{
  TeapotTagItem *item = gtk_drop_down_get_selected_item (self->tag_dropdown);

  if (item != NULL)
    teapot_search_model_set_tag_filter (self->results, teapot_tag_item_get_tag (item));
}

/* GObject */

static void
teapot_entry_list_dispose (GObject *object)
{
  TeapotEntryList *self = (TeapotEntryList *) object;
  GtkWidget *child;

  cancel_announcement (self);
  g_clear_handle_id (&self->sections_source, g_source_remove);
  g_clear_handle_id (&self->prepare_source, g_source_remove);
  gtk_widget_dispose_template (GTK_WIDGET (self), TEAPOT_TYPE_ENTRY_LIST);
  /* The template's root box is not a bound child: unparent it too. */
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))) != NULL)
    gtk_widget_unparent (child);
  /* After the list view, which gave its rows back to the pool. */
  g_clear_object (&self->row_pool);

  G_OBJECT_CLASS (teapot_entry_list_parent_class)->dispose (object);
}

static void
teapot_entry_list_get_property (GObject    *object,
                                guint       prop_id,
                                GValue     *value,
                                GParamSpec *pspec)
{
  TeapotEntryList *self = TEAPOT_ENTRY_LIST (object);

  switch (prop_id)
    {
    case PROP_MODEL:
      g_value_set_object (value, self->results);
      break;
    case PROP_SINGLE_CLICK_ACTIVATE:
      g_value_set_boolean (value, self->single_click_activate);
      break;
    case PROP_SELECTED_ENTRY:
      g_value_set_object (value, teapot_entry_list_get_selected_entry (self));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
teapot_entry_list_set_property (GObject      *object,
                                guint         prop_id,
                                const GValue *value,
                                GParamSpec   *pspec)
{
  TeapotEntryList *self = TEAPOT_ENTRY_LIST (object);

  switch (prop_id)
    {
    case PROP_SINGLE_CLICK_ACTIVATE:
      if (self->single_click_activate != g_value_get_boolean (value))
        {
          self->single_click_activate = g_value_get_boolean (value);
          g_object_notify_by_pspec (object, pspec);
        }
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
teapot_entry_list_class_init (TeapotEntryListClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  GParamFlags flags = G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY;

  object_class->dispose = teapot_entry_list_dispose;
  object_class->get_property = teapot_entry_list_get_property;
  object_class->set_property = teapot_entry_list_set_property;

  /* The query and the filters, and the results: what the window binds and settings keep. */
  properties[PROP_MODEL] =
    g_param_spec_object ("model", NULL, NULL, TEAPOT_TYPE_SEARCH_MODEL,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  /* Folded, a tap opens the entry; side by side, a click selects it. */
  properties[PROP_SINGLE_CLICK_ACTIVATE] = g_param_spec_boolean ("single-click-activate", NULL, NULL, FALSE, flags);
  properties[PROP_SELECTED_ENTRY] =
    g_param_spec_object ("selected-entry", NULL, NULL, TEAPOT_TYPE_ENTRY,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /* An entry was opened: Enter or a click in the list, or Enter in the search entry. */
  signals[ACTIVATE] = g_signal_new ("activate", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL, NULL,
                                    NULL, G_TYPE_NONE, 1, TEAPOT_TYPE_ENTRY);

  g_type_ensure (TEAPOT_TYPE_ENTRY);
  g_type_ensure (TEAPOT_TYPE_SEARCH_MODEL);
  g_type_ensure (TEAPOT_TYPE_TAG_ITEM);
  g_type_ensure (TEAPOT_TYPE_SHOWN_RESULTS);

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PREFIX "/ui/teapot-entry-list.ui");
  gtk_widget_class_bind_template_child (widget_class, TeapotEntryList, search_entry);
  gtk_widget_class_bind_template_child (widget_class, TeapotEntryList, tag_dropdown);
  gtk_widget_class_bind_template_child (widget_class, TeapotEntryList, tag_model);
  gtk_widget_class_bind_template_child (widget_class, TeapotEntryList, count_label);
  gtk_widget_class_bind_template_child (widget_class, TeapotEntryList, list_stack);
  gtk_widget_class_bind_template_child (widget_class, TeapotEntryList, error_page);
  gtk_widget_class_bind_template_child (widget_class, TeapotEntryList, reset_button);
  gtk_widget_class_bind_template_child (widget_class, TeapotEntryList, list_view);
  gtk_widget_class_bind_template_child (widget_class, TeapotEntryList, selection);
  gtk_widget_class_bind_template_child (widget_class, TeapotEntryList, sections);
  gtk_widget_class_bind_template_child (widget_class, TeapotEntryList, class_sorter);
  gtk_widget_class_bind_template_child (widget_class, TeapotEntryList, section_header_factory);
  gtk_widget_class_bind_template_child (widget_class, TeapotEntryList, results);
  gtk_widget_class_bind_template_child (widget_class, TeapotEntryList, shown);

  gtk_widget_class_bind_template_callback (widget_class, section_title);
  gtk_widget_class_bind_template_callback (widget_class, tag_count_label);
  gtk_widget_class_bind_template_callback (widget_class, on_results_items_changed);
  gtk_widget_class_bind_template_callback (widget_class, on_results_changed);
  gtk_widget_class_bind_template_callback (widget_class, on_filters_changed);
  gtk_widget_class_bind_template_callback (widget_class, on_stop_search);
  gtk_widget_class_bind_template_callback (widget_class, on_search_activate);
  gtk_widget_class_bind_template_callback (widget_class, on_list_activate);
  gtk_widget_class_bind_template_callback (widget_class, on_selected_item_changed);
  gtk_widget_class_bind_template_callback (widget_class, on_tag_dropdown_selected);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "entrylist");
}

static void
teapot_entry_list_init (TeapotEntryList *self)
{
  GtkEventController *controller;

  gtk_widget_init_template (GTK_WIDGET (self));
  /* Not in the template: see teapot_ui_set_tooltip(). */
  teapot_ui_set_tooltip (GTK_WIDGET (self->tag_dropdown), _("Source: registered codes or a vendor"));

  self->row_pool = teapot_entry_row_pool_new ();
  /* A row's star: the row shows what the entry says after. */
  g_signal_connect_object (self->row_pool, "favourite-toggled", G_CALLBACK (teapot_entry_list_set_favourite),
                           self, G_CONNECT_SWAPPED);
  gtk_list_view_set_factory (self->list_view, teapot_entry_row_pool_get_factory (self->row_pool));
  gtk_widget_add_tick_callback (GTK_WIDGET (self), prepare_search_after_first_frame, NULL, NULL);

  controller = gtk_event_controller_key_new ();
  g_signal_connect_swapped (controller, "key-pressed", G_CALLBACK (on_search_key_pressed), self);
  gtk_widget_add_controller (GTK_WIDGET (self->search_entry), controller);
}

static gboolean
scroll_to_top (gpointer user_data)
{
  TeapotEntryList *self = user_data;
  GtkAdjustment *adjustment = gtk_scrollable_get_vadjustment (GTK_SCROLLABLE (self->list_view));

  if (adjustment != NULL)
    gtk_adjustment_set_value (adjustment, gtk_adjustment_get_lower (adjustment));
  return G_SOURCE_REMOVE;
}

void
teapot_entry_list_set_store (TeapotEntryList *self,
                             TeapotStore     *store)
{
  g_return_if_fail (TEAPOT_IS_ENTRY_LIST (self));
  g_return_if_fail (store == NULL || TEAPOT_IS_STORE (store));

  if (store == teapot_search_model_get_store (self->results))
    return;

  /* Sources first, so that a tag gone from the data (or a stale setting) can be dropped
   * before it hides everything. */
  g_object_freeze_notify (G_OBJECT (self->results));
  if (store != NULL)
    {
      g_autoptr(GPtrArray) tags = teapot_store_list_tags (store);
      const char *tag = teapot_search_model_get_tag_filter (self->results);
      gboolean known = *tag == '\0' || g_str_equal (tag, "iana");

      for (guint i = 0; !known && i < tags->len; i++)
        known = g_str_equal (((TeapotTagCount *) g_ptr_array_index (tags, i))->tag, tag);
      if (!known)
        teapot_search_model_set_tag_filter (self->results, "");
    }
  teapot_search_model_set_store (self->results, store);
  g_object_thaw_notify (G_OBJECT (self->results));
  if (store != NULL)
    fill_tag_model (self);
  sync_tag_dropdown (self);
  on_results_changed (self);
  /* A new list starts at its very top: GtkListView would keep the first row at the top
   * and the first section's header above it, out of sight. */
  g_idle_add_full (G_PRIORITY_LOW, scroll_to_top, g_object_ref (self), g_object_unref);
}

TeapotSearchModel *
teapot_entry_list_get_model (TeapotEntryList *self)
{
  g_return_val_if_fail (TEAPOT_IS_ENTRY_LIST (self), NULL);
  return self->results;
}

TeapotEntry *
teapot_entry_list_get_selected_entry (TeapotEntryList *self)
{
  g_return_val_if_fail (TEAPOT_IS_ENTRY_LIST (self), NULL);
  return gtk_single_selection_get_selected_item (self->selection);
}

GtkSearchEntry *
teapot_entry_list_get_search_entry (TeapotEntryList *self)
{
  g_return_val_if_fail (TEAPOT_IS_ENTRY_LIST (self), NULL);
  return self->search_entry;
}

GListModel *
teapot_entry_list_get_results (TeapotEntryList *self)
{
  g_return_val_if_fail (TEAPOT_IS_ENTRY_LIST (self), NULL);
  return G_LIST_MODEL (self->results);
}

/* Selects @entry if the current search and filters show it. */
gboolean
teapot_entry_list_select (TeapotEntryList *self,
                          TeapotEntry     *entry)
{
  guint n_items;

  g_return_val_if_fail (TEAPOT_IS_ENTRY_LIST (self), FALSE);
  g_return_val_if_fail (TEAPOT_IS_ENTRY (entry), FALSE);

  /* With no results, the list holds the last ones (see TeapotShownResults). */
  teapot_shown_results_finish (self->shown);
  n_items = teapot_shown_results_is_stale (self->shown)
              ? 0 : g_list_model_get_n_items (G_LIST_MODEL (self->selection));
  for (guint i = 0; i < n_items; i++)
    {
      g_autoptr(TeapotEntry) item = g_list_model_get_item (G_LIST_MODEL (self->selection), i);

      if (item == entry)
        {
          gtk_single_selection_set_selected (self->selection, i);
          gtk_list_view_scroll_to (self->list_view, i, GTK_LIST_SCROLL_NONE, NULL);
          break;
        }
    }

  /* The caller shows @entry itself, right after: a selection announced after the next frame
   * would replace it. Announced now, the caller can take over. */
  if (self->announce_clock != NULL)
    announce_selection (self);
  return gtk_single_selection_get_selected_item (self->selection) == entry;
}

void
teapot_entry_list_focus_results (TeapotEntryList *self)
{
  guint position;

  g_return_if_fail (TEAPOT_IS_ENTRY_LIST (self));

  position = gtk_single_selection_get_selected (self->selection);
  if (position == GTK_INVALID_LIST_POSITION)
    return;
  /* The list view keeps its own focus position, which new results do not move: without
   * GTK_LIST_SCROLL_FOCUS the keyboard lands on whatever row an earlier entry now has, not on
   * the selected one. */
  gtk_list_view_scroll_to (self->list_view, position, GTK_LIST_SCROLL_FOCUS, NULL);
  gtk_widget_grab_focus (GTK_WIDGET (self->list_view));
}

static void
on_favourite_saved (GObject      *source,
                    GAsyncResult *result,
                    gpointer      user_data)
{
  g_autoptr(TeapotEntryList) self = user_data;
  g_autoptr(GError) error = NULL;

  if (!teapot_store_set_favourite_finish (TEAPOT_STORE (source), result, &error))
    {
      /* The entry did not change, so every star showing it goes back on its own. */
      teapot_ui_toast (GTK_WIDGET (self), error->message);
      return;
    }
  if (teapot_search_model_get_favourites_only (self->results))
    {
      self->keep_selection = TRUE;
      teapot_search_model_refresh (self->results);
      self->keep_selection = FALSE;
    }
}

/* The one way the window changes a favourite: saved without waiting on another process's
 * lock; the favourites view follows once it is saved, while the selected entry (and so the
 * detail page) stays where it is. A failure is said in a toast. */
void
teapot_entry_list_set_favourite (TeapotEntryList *self,
                                 TeapotEntry     *entry,
                                 gboolean         favourite)
{
  TeapotStore *store;

  g_return_if_fail (TEAPOT_IS_ENTRY_LIST (self));
  g_return_if_fail (TEAPOT_IS_ENTRY (entry));

  store = teapot_search_model_get_store (self->results);
  if (teapot_entry_get_favourite (entry) == !!favourite)
    return;
  if (store == NULL)
    {
      teapot_ui_toast (GTK_WIDGET (self), _("The status codes could not be loaded"));
      return;
    }
  teapot_store_set_favourite_async (store, teapot_entry_get_id (entry), favourite, NULL, on_favourite_saved,
                                    g_object_ref (self));
}

gboolean
teapot_entry_list_has_tag (TeapotEntryList *self,
                           const char      *tag)
{
  g_return_val_if_fail (TEAPOT_IS_ENTRY_LIST (self), FALSE);
  return teapot_tag_item_find (G_LIST_MODEL (self->tag_model), tag) != GTK_INVALID_LIST_POSITION;
}
