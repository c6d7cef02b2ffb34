/* test-ui.c
 *
 * Copyright The Teapot authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <adwaita.h>
#include <string.h>

#include "teapot-application.h"
#include "teapot-detail-view.h"
#include "teapot-entry-list.h"
#include "teapot-entry-row.h"
#include "teapot-format.h"
#include "teapot-tag-item.h"
#include "teapot-window.h"
#include "teapot-test-window.h"

/* The real window on a real store, under Xvfb. Each test gets its own application (and so
 * its own store in the test's isolated XDG data directory). Waiting is done by iterating
 * the main context until a condition holds, never by sleeping. */

typedef TeapotTestFixture Fixture;


static gboolean
is_true (gpointer data)
{
  return *(gboolean *) data;
}

static TeapotEntryList *
get_list (Fixture *fixture)
{
  return teapot_test_window_child (fixture->window, "entry_list");
}

static GtkWidget *
get_child (Fixture    *fixture,
           const char *name)
{
  return teapot_test_window_child (fixture->window, name);
}

static GtkWidget *
list_child (Fixture    *fixture,
            const char *name)
{
  return teapot_test_list_child (fixture->window, name);
}

static GListModel *
get_results (Fixture *fixture)
{
  return teapot_entry_list_get_results (get_list (fixture));
}

static TeapotEntry *
result_at (Fixture *fixture,
           guint    position)
{
  TeapotEntry *entry = g_list_model_get_item (get_results (fixture), position);

  g_object_unref (entry); /* the model keeps it alive */
  return entry;
}

typedef struct
{
  GtkEditable *editable;
  const char *text;
  gboolean done;
} SearchWait;

static void
on_results_changed (GListModel *model,
                    guint       position,
                    guint       removed,
                    guint       added,
                    SearchWait *wait)
{
  /* Replacing the text clears it first, which refreshes the list on its own. */
  if (g_strcmp0 (gtk_editable_get_text (wait->editable), wait->text) == 0)
    wait->done = TRUE;
}

static void
on_search_changed (GtkSearchEntry *entry,
                   SearchWait     *wait)
{
  /* The list refreshes in its own handler, connected first: an unchanged result emits no
   * items-changed, and this is the moment it would have. */
  if (g_strcmp0 (gtk_editable_get_text (wait->editable), wait->text) == 0)
    wait->done = TRUE;
}

static gboolean
is_search_done (gpointer data)
{
  return ((SearchWait *) data)->done;
}

static void
on_after_paint (GdkFrameClock *clock,
                gboolean      *painted)
{
  *painted = TRUE;
}

/* Waits for the window's next frame to be painted, then for what follows it: the list
 * announces a new selection only then, and the window shows it on the detail page. */
static void
wait_for_frame (Fixture *fixture)
{
  GdkFrameClock *clock = gtk_widget_get_frame_clock (GTK_WIDGET (fixture->window));
  gboolean painted = FALSE;
  gulong handler;

  handler = g_signal_connect (clock, "after-paint", G_CALLBACK (on_after_paint), &painted);
  gdk_frame_clock_request_phase (clock, GDK_FRAME_CLOCK_PHASE_AFTER_PAINT);
  teapot_test_wait_until (is_true, &painted, "a frame");
  g_signal_handler_disconnect (clock, handler);
  teapot_test_drain ();
}

/* Sets the search text like typing does, and waits for the list to follow. */
static void
search (Fixture    *fixture,
        const char *text)
{
  GListModel *results = get_results (fixture);
  SearchWait wait = { GTK_EDITABLE (teapot_entry_list_get_search_entry (get_list (fixture))), text, FALSE };
  gulong handler = g_signal_connect (results, "items-changed", G_CALLBACK (on_results_changed), &wait);
  gulong search_handler = g_signal_connect (wait.editable, "search-changed", G_CALLBACK (on_search_changed), &wait);

  gtk_editable_set_text (wait.editable, text);
  teapot_test_wait_until (is_search_done, &wait, "the results to change");
  g_signal_handler_disconnect (results, handler);
  g_signal_handler_disconnect (wait.editable, search_handler);
  /* The detail page follows the selection once the list's frame is out. */
  wait_for_frame (fixture);
}

static void
activate (Fixture    *fixture,
          const char *action,
          const char *target)
{
  gboolean ok;

  if (target != NULL)
    ok = gtk_widget_activate_action (GTK_WIDGET (fixture->window), action, "s", target);
  else
    ok = gtk_widget_activate_action (GTK_WIDGET (fixture->window), action, NULL);
  g_assert_true (ok);
  teapot_test_drain ();
}

static void
test_search_updates_list (Fixture       *fixture,
                          gconstpointer  data)
{
  GtkLabel *count = GTK_LABEL (gtk_widget_get_template_child (GTK_WIDGET (get_list (fixture)),
                                                              TEAPOT_TYPE_ENTRY_LIST, "count_label"));
  guint all = g_list_model_get_n_items (get_results (fixture));

  g_assert_cmpuint (all, >, 60);
  /* Code order: 000 (no response at all) comes before 100. */
  g_assert_cmpuint (teapot_entry_get_code (result_at (fixture, 0)), ==, 0);
  g_assert_cmpuint (teapot_entry_get_code (result_at (fixture, 1)), ==, 100);

  search (fixture, "too many requests");
  g_assert_cmpstr (teapot_entry_get_id (result_at (fixture, 0)), ==, "429");
  g_assert_cmpuint (g_list_model_get_n_items (get_results (fixture)), <, all);
  g_assert_nonnull (strstr (gtk_label_get_label (count), "match"));
  /* The top result is on the detail page. */
  g_assert_cmpstr (teapot_entry_get_id (teapot_window_get_current_entry (fixture->window)), ==, "429");

  search (fixture, "HTTP/1.1 503 Service Unavailable");
  g_assert_cmpstr (teapot_entry_get_id (result_at (fixture, 0)), ==, "503");

  search (fixture, "");
  g_assert_cmpuint (g_list_model_get_n_items (get_results (fixture)), ==, all);
  /* Code order: 000 (no response at all) comes before 100. */
  g_assert_cmpuint (teapot_entry_get_code (result_at (fixture, 0)), ==, 0);
  g_assert_cmpuint (teapot_entry_get_code (result_at (fixture, 1)), ==, 100);
}

static void
assert_all_match (Fixture    *fixture,
                  guint       class_digit,
                  const char *tag)
{
  GListModel *results = get_results (fixture);
  guint n_items = g_list_model_get_n_items (results);

  for (guint i = 0; i < n_items; i++)
    {
      TeapotEntry *entry = result_at (fixture, i);

      if (class_digit != 0)
        g_assert_cmpuint (teapot_entry_get_code (entry) / 100, ==, class_digit);
      if (tag != NULL)
        g_assert_true (g_strv_contains (teapot_entry_get_tags (entry), tag));
    }
}

static void
select_tag (Fixture    *fixture,
            const char *tag)
{
  GtkDropDown *dropdown = GTK_DROP_DOWN (gtk_widget_get_template_child (GTK_WIDGET (get_list (fixture)),
                                                                        TEAPOT_TYPE_ENTRY_LIST, "tag_dropdown"));
  GListModel *model = gtk_drop_down_get_model (dropdown);

  for (guint i = 0; i < g_list_model_get_n_items (model); i++)
    {
      g_autoptr(TeapotTagItem) item = g_list_model_get_item (model, i);

      if (g_str_equal (teapot_tag_item_get_tag (item), tag))
        {
          gtk_drop_down_set_selected (dropdown, i);
          teapot_test_drain ();
          return;
        }
    }
  g_error ("No tag %s in the drop-down", tag);
}

/* The source drop-down's counts follow the class filter (one query for every source now, one
 * each before): each agrees with a count of its own. */
static void
assert_tag_counts (Fixture *fixture,
                   guint    class_digit)
{
  TeapotStore *store = teapot_application_get_store (fixture->app);
  GtkDropDown *dropdown = GTK_DROP_DOWN (gtk_widget_get_template_child (GTK_WIDGET (get_list (fixture)),
                                                                        TEAPOT_TYPE_ENTRY_LIST, "tag_dropdown"));
  GListModel *model = gtk_drop_down_get_model (dropdown);
  guint n_empty = 0;

  g_assert_cmpuint (g_list_model_get_n_items (model), >=, 10);
  for (guint i = 0; i < g_list_model_get_n_items (model); i++)
    {
      g_autoptr(TeapotTagItem) item = g_list_model_get_item (model, i);
      const char *tag = teapot_tag_item_get_tag (item);
      TeapotFilter filter = { .class_digit = class_digit, .tag = *tag != '\0' ? tag : NULL };

      g_assert_cmpuint (teapot_tag_item_get_count (item), ==, teapot_store_count (store, &filter));
      n_empty += teapot_tag_item_get_count (item) == 0;
    }
  /* Some source has nothing in 1xx: the counts did change with the class. */
  if (class_digit == 1)
    g_assert_cmpuint (n_empty, >, 0);
}

static void
test_filters (Fixture       *fixture,
              gconstpointer  data)
{
  TeapotStore *store = teapot_application_get_store (fixture->app);
  GSettings *settings = teapot_application_get_settings (fixture->app);
  g_autofree char *saved = NULL;
  const char *classes[] = { "1xx", "2xx", "3xx", "4xx", "5xx" };

  for (guint i = 0; i < G_N_ELEMENTS (classes); i++)
    {
      TeapotFilter filter = { .class_digit = i + 1 };

      activate (fixture, "win.class-filter", classes[i]);
      g_assert_cmpuint (g_list_model_get_n_items (get_results (fixture)), ==, teapot_store_count (store, &filter));
      g_assert_cmpuint (g_list_model_get_n_items (get_results (fixture)), >, 0);
      assert_all_match (fixture, i + 1, NULL);
      assert_tag_counts (fixture, i + 1);
    }
  saved = g_settings_get_string (settings, "class-filter");
  g_assert_cmpstr (saved, ==, "5xx");

  activate (fixture, "win.class-filter", "all");
  assert_tag_counts (fixture, 0);
  select_tag (fixture, "nginx");
  g_assert_cmpuint (g_list_model_get_n_items (get_results (fixture)), >, 1);
  assert_all_match (fixture, 0, "nginx");
  g_clear_pointer (&saved, g_free);
  saved = g_settings_get_string (settings, "tag-filter");
  g_assert_cmpstr (saved, ==, "nginx");

  select_tag (fixture, "iana");
  assert_all_match (fixture, 0, "iana");

  /* Combined: a class, a vendor and a query. */
  select_tag (fixture, "nginx");
  activate (fixture, "win.class-filter", "4xx");
  assert_all_match (fixture, 4, "nginx");
  search (fixture, "client closed");
  g_assert_cmpstr (teapot_entry_get_id (result_at (fixture, 0)), ==, "499-nginx");
  assert_all_match (fixture, 4, "nginx");

  /* Nothing matches: the status page, and a way back. */
  search (fixture, "teapot");
  g_assert_cmpuint (g_list_model_get_n_items (get_results (fixture)), ==, 0);
  g_assert_cmpstr (gtk_stack_get_visible_child_name (GTK_STACK (gtk_widget_get_template_child (
                     GTK_WIDGET (get_list (fixture)), TEAPOT_TYPE_ENTRY_LIST, "list_stack"))),
                   ==, "empty");
  g_assert_true (gtk_widget_get_visible (list_child (fixture, "reset_button")));
  /* Resetting the filters keeps the query: it now searches every class and source. */
  activate (fixture, "win.reset-filters", NULL);
  g_assert_cmpuint (g_list_model_get_n_items (get_results (fixture)), >, 0);
  g_assert_cmpstr (teapot_entry_get_id (result_at (fixture, 0)), ==, "418");
  assert_all_match (fixture, 0, NULL);

  /* No filter to reset: no such button beside a query that matches nothing. */
  search (fixture, "zzzqqqxxx");
  g_assert_cmpuint (g_list_model_get_n_items (get_results (fixture)), ==, 0);
  g_assert_false (gtk_widget_get_visible (list_child (fixture, "reset_button")));
}

static GtkWidget *
find_star (GtkWidget *widget)
{
  if (GTK_IS_TOGGLE_BUTTON (widget) && gtk_widget_has_css_class (widget, "star") && gtk_widget_get_mapped (widget))
    return widget;
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child; child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_star (child);

      if (found != NULL)
        return found;
    }
  return NULL;
}

static gboolean
is_favourite_in_fresh_store (const char *id)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(TeapotStore) store = teapot_store_new (NULL, &error);
  g_autoptr(TeapotEntry) entry = NULL;

  g_assert_no_error (error);
  entry = teapot_store_lookup_id (store, id);
  return entry != NULL && teapot_entry_get_favourite (entry);
}

static void
test_favourites (Fixture       *fixture,
                 gconstpointer  data)
{
  GtkWidget *list_view = GTK_WIDGET (gtk_widget_get_template_child (GTK_WIDGET (get_list (fixture)),
                                                                    TEAPOT_TYPE_ENTRY_LIST, "list_view"));
  GtkStack *list_stack = GTK_STACK (gtk_widget_get_template_child (GTK_WIDGET (get_list (fixture)),
                                                                   TEAPOT_TYPE_ENTRY_LIST, "list_stack"));
  GtkWidget *star;
  TeapotEntry *entry;

  /* The favourites view starts empty, with its own status page. */
  activate (fixture, "win.view", "favourites");
  g_assert_true (gtk_toggle_button_get_active (GTK_TOGGLE_BUTTON (get_child (fixture, "favourites_toggle"))));
  g_assert_cmpuint (g_list_model_get_n_items (get_results (fixture)), ==, 0);
  g_assert_cmpstr (gtk_stack_get_visible_child_name (list_stack), ==, "no-favourites");
  activate (fixture, "win.view", "all");

  /* From the list: the star of the first row. */
  search (fixture, "429");
  entry = result_at (fixture, 0);
  g_assert_cmpstr (teapot_entry_get_id (entry), ==, "429");
  teapot_test_drain ();
  star = find_star (list_view);
  g_assert_nonnull (star);
  g_assert_false (gtk_toggle_button_get_active (GTK_TOGGLE_BUTTON (star)));
  g_signal_emit_by_name (star, "clicked");
  teapot_test_drain ();
  g_assert_true (teapot_entry_get_favourite (entry));
  g_assert_true (is_favourite_in_fresh_store ("429"));
  /* The detail page's star follows. */
  g_assert_true (gtk_toggle_button_get_active (GTK_TOGGLE_BUTTON (get_child (fixture, "star_button"))));

  /* From the detail page. */
  teapot_window_show_entry (fixture->window, "503");
  teapot_test_drain ();
  g_assert_false (gtk_toggle_button_get_active (GTK_TOGGLE_BUTTON (get_child (fixture, "star_button"))));
  g_signal_emit_by_name (get_child (fixture, "star_button"), "clicked");
  teapot_test_drain ();
  g_assert_true (is_favourite_in_fresh_store ("503"));

  search (fixture, "");
  activate (fixture, "win.view", "favourites");
  g_assert_cmpuint (g_list_model_get_n_items (get_results (fixture)), ==, 2);
  g_assert_cmpstr (gtk_stack_get_visible_child_name (list_stack), ==, "list");

  /* Ctrl+D's action, on the entry on display; the view follows at once. */
  teapot_window_show_entry (fixture->window, "503");
  activate (fixture, "win.favourite", NULL);
  g_assert_false (is_favourite_in_fresh_store ("503"));
  g_assert_cmpuint (g_list_model_get_n_items (get_results (fixture)), ==, 1);
  /* Unstarring keeps the entry on display rather than jumping to another. */
  g_assert_cmpstr (teapot_entry_get_id (teapot_window_get_current_entry (fixture->window)), ==, "503");
}

static const char *
row_label (GtkWidget  *row,
           const char *name)
{
  GtkWidget *label = GTK_WIDGET (gtk_widget_get_template_child (row, TEAPOT_TYPE_ENTRY_ROW, name));

  return gtk_widget_get_visible (label) ? gtk_label_get_label (GTK_LABEL (label)) : NULL;
}

static void
test_entry_row (Fixture       *fixture,
                gconstpointer  data)
{
  TeapotStore *store = teapot_application_get_store (fixture->app);
  g_autoptr(TeapotEntry) nginx = teapot_store_lookup_id (store, "499-nginx");
  g_autoptr(TeapotEntry) too_many = teapot_store_lookup_id (store, "429");
  GtkWidget *row = g_object_ref_sink (teapot_entry_row_new ());
  GtkWidget *code;
  GtkToggleButton *star;

  /* A vendor code: its vendor chip, no status chip (unofficial goes without saying). */
  teapot_entry_row_set_entry (TEAPOT_ENTRY_ROW (row), nginx);
  code = GTK_WIDGET (gtk_widget_get_template_child (row, TEAPOT_TYPE_ENTRY_ROW, "code_label"));
  g_assert_cmpstr (row_label (row, "code_label"), ==, "499");
  g_assert_true (gtk_widget_has_css_class (code, "class-4xx"));
  g_assert_cmpstr (row_label (row, "phrase_label"), ==, teapot_entry_get_phrase (nginx));
  g_assert_cmpstr (row_label (row, "vendor_label"), ==, "nginx");
  g_assert_null (row_label (row, "status_label"));

  /* The same row, reused for another entry, keeps nothing of the first. */
  teapot_entry_row_set_entry (TEAPOT_ENTRY_ROW (row), too_many);
  g_assert_cmpstr (row_label (row, "code_label"), ==, "429");
  g_assert_true (gtk_widget_has_css_class (code, "class-4xx"));
  g_assert_null (row_label (row, "vendor_label"));

  /* Outside a list nothing saves the star: it goes back to what the entry says. */
  star = GTK_TOGGLE_BUTTON (gtk_widget_get_template_child (row, TEAPOT_TYPE_ENTRY_ROW, "star_button"));
  g_assert_false (gtk_toggle_button_get_active (star));
  gtk_toggle_button_set_active (star, TRUE);
  g_assert_false (gtk_toggle_button_get_active (star));
  g_assert_false (teapot_entry_get_favourite (too_many));

  /* The star follows the entry, whoever changes it. */
  teapot_entry_list_set_favourite (get_list (fixture), too_many, TRUE);
  g_assert_true (teapot_entry_get_favourite (too_many));
  g_assert_true (gtk_toggle_button_get_active (star));

  teapot_entry_row_set_entry (TEAPOT_ENTRY_ROW (row), NULL);
  g_assert_false (gtk_toggle_button_get_active (star));
  g_object_unref (row);
}

static void
test_related_link (Fixture       *fixture,
                   gconstpointer  data)
{
  TeapotDetailView *detail = TEAPOT_DETAIL_VIEW (get_child (fixture, "detail"));
  TeapotStore *store = teapot_application_get_store (fixture->app);
  g_autoptr(TeapotEntry) too_many = teapot_store_lookup_id (store, "429");
  GtkListBox *related = GTK_LIST_BOX (gtk_widget_get_template_child (GTK_WIDGET (detail), TEAPOT_TYPE_DETAIL_VIEW,
                                                                     "related_list"));
  TeapotEntry *current;
  GtkListBoxRow *row;

  teapot_window_show_entry (fixture->window, "429");
  teapot_test_drain ();
  current = teapot_window_get_current_entry (fixture->window);
  g_assert_cmpstr (teapot_entry_get_id (current), ==, "429");

  row = gtk_list_box_get_row_at_index (related, 0);
  g_assert_nonnull (row);
  g_signal_emit_by_name (row, "activate");
  teapot_test_drain ();
  current = teapot_window_get_current_entry (fixture->window);
  g_assert_cmpstr (teapot_entry_get_id (current), ==, teapot_entry_get_related (too_many)[0]);
  g_assert_true (teapot_detail_view_get_entry (detail) == current);

  /* A vendor entry: its own related links, a status that says it is unofficial. */
  teapot_window_show_entry (fixture->window, "499-nginx");
  teapot_test_drain ();
  g_assert_cmpstr (teapot_entry_get_id (teapot_window_get_current_entry (fixture->window)), ==, "499-nginx");
}

static void
test_narrow_layout (Fixture       *fixture,
                    gconstpointer  data)
{
  AdwNavigationSplitView *split = ADW_NAVIGATION_SPLIT_VIEW (get_child (fixture, "split_view"));
  AdwViewSwitcherBar *bar = ADW_VIEW_SWITCHER_BAR (get_child (fixture, "switcher_bar"));
  GtkWidget *header_switcher = get_child (fixture, "browse_switcher");
  TeapotEntryList *list = get_list (fixture);
  g_autoptr(TeapotEntry) entry = NULL;

  /* Wide: side by side, Browse/Study in the header bar, no bar at the bottom. */
  g_assert_false (adw_navigation_split_view_get_collapsed (split));
  g_assert_true (gtk_widget_get_visible (header_switcher));
  g_assert_false (adw_view_switcher_bar_get_reveal (bar));
  /* Hidden, not only folded: a folded bar is still measured for every frame. */
  g_assert_false (gtk_widget_get_visible (GTK_WIDGET (bar)));

  gtk_window_set_default_size (GTK_WINDOW (fixture->window), 360, 640);
  teapot_test_wait_until (teapot_test_is_collapsed, split, "the split view to collapse");
  teapot_test_drain ();
  g_assert_cmpint (gtk_widget_get_width (GTK_WIDGET (fixture->window)), <=, 360);
  g_assert_false (adw_navigation_split_view_get_show_content (split));
  /* Narrow: the switcher moves to the bottom bar. */
  g_assert_false (gtk_widget_get_visible (header_switcher));
  g_assert_true (adw_view_switcher_bar_get_reveal (bar));
  g_assert_true (gtk_widget_get_mapped (GTK_WIDGET (bar)));

  /* Opening an entry shows the detail page; back returns to the list. */
  entry = g_list_model_get_item (get_results (fixture), 3);
  g_signal_emit_by_name (list, "activate", entry);
  teapot_test_drain ();
  g_assert_true (adw_navigation_split_view_get_show_content (split));
  g_assert_true (teapot_window_get_current_entry (fixture->window) == entry);
  activate (fixture, "win.back", NULL);
  g_assert_false (adw_navigation_split_view_get_show_content (split));

  /* Searching from the collapsed detail page brings the list back. */
  teapot_window_show_entry (fixture->window, "404");
  g_assert_true (adw_navigation_split_view_get_show_content (split));
  activate (fixture, "win.search", NULL);
  g_assert_false (adw_navigation_split_view_get_show_content (split));

  gtk_window_set_default_size (GTK_WINDOW (fixture->window), 1000, 700);
  teapot_test_wait_until (teapot_test_is_expanded, split, "the split view to expand");
  teapot_test_drain ();
  g_assert_true (gtk_widget_get_visible (header_switcher));
  g_assert_false (adw_view_switcher_bar_get_reveal (bar));
  g_assert_false (gtk_widget_get_visible (GTK_WIDGET (bar)));
}

typedef struct
{
  char *text;
  gboolean done;
} ClipboardRead;

static void
on_clipboard_read (GObject      *source,
                   GAsyncResult *result,
                   gpointer      data)
{
  ClipboardRead *read = data;
  g_autoptr(GError) error = NULL;

  read->text = gdk_clipboard_read_text_finish (GDK_CLIPBOARD (source), result, &error);
  g_assert_no_error (error);
  read->done = TRUE;
}

static void
assert_clipboard (Fixture    *fixture,
                  const char *expected)
{
  ClipboardRead read = { NULL, FALSE };

  gdk_clipboard_read_text_async (gtk_widget_get_clipboard (GTK_WIDGET (fixture->window)), NULL,
                                 on_clipboard_read, &read);
  teapot_test_wait_until (is_true, &read.done, "the clipboard");
  g_assert_cmpstr (read.text, ==, expected);
  g_free (read.text);
}

static void
test_copy (Fixture       *fixture,
           gconstpointer  data)
{
  GSettings *settings = teapot_application_get_settings (fixture->app);
  g_autofree char *language = NULL;

  teapot_window_show_entry (fixture->window, "429");
  teapot_test_drain ();

  activate (fixture, "win.copy", "code");
  assert_clipboard (fixture, "429");
  activate (fixture, "win.copy", "phrase");
  assert_clipboard (fixture, "429 Too Many Requests");
  activate (fixture, "win.copy", "status-line");
  assert_clipboard (fixture, "HTTP/1.1 429 Too Many Requests");

  /* The constant, in the language picked once and remembered. */
  activate (fixture, "win.copy-preferred-constant", NULL);
  assert_clipboard (fixture, "HTTPStatus.TOO_MANY_REQUESTS");
  activate (fixture, "win.constant-language", "go");
  language = g_settings_get_string (settings, "constant-language");
  g_assert_cmpstr (language, ==, "go");
  activate (fixture, "win.copy-preferred-constant", NULL);
  assert_clipboard (fixture, "http.StatusTooManyRequests");
  activate (fixture, "win.copy-constant", "rust");
  assert_clipboard (fixture, "StatusCode::TOO_MANY_REQUESTS");

  /* A vendor code has no library constant: the menu item is off, the clipboard untouched. */
  teapot_window_show_entry (fixture->window, "499-nginx");
  teapot_test_drain ();
  gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.copy-preferred-constant", NULL);
  teapot_test_drain ();
  assert_clipboard (fixture, "StatusCode::TOO_MANY_REQUESTS");
  activate (fixture, "win.copy", "status-line");
  assert_clipboard (fixture, "HTTP/1.1 499 Client Closed Request");
}

/* Whether a mapped label under @widget reads @text. */
static gboolean
has_label (GtkWidget  *widget,
           const char *text)
{
  if (GTK_IS_LABEL (widget) && gtk_widget_get_mapped (widget) && g_strcmp0 (gtk_label_get_label (GTK_LABEL (widget)), text) == 0)
    return TRUE;
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child; child = gtk_widget_get_next_sibling (child))
    if (has_label (child, text))
      return TRUE;
  return FALSE;
}

static gboolean
shows_second_tag (gpointer data)
{
  g_autoptr(TeapotTagItem) second = g_list_model_get_item (gtk_drop_down_get_model (data), 1);

  return has_label (data, teapot_tag_item_get_title (second));
}

/* The source drop-down's list rows (teapot-tag-row.ui) exist once it pops up: a row shows
 * a source that is not the one chosen (the button shows that one). */
static void
test_source_rows (Fixture       *fixture,
                  gconstpointer  data)
{
  GtkWidget *dropdown = GTK_WIDGET (gtk_widget_get_template_child (GTK_WIDGET (get_list (fixture)),
                                                                   TEAPOT_TYPE_ENTRY_LIST, "tag_dropdown"));

  g_signal_emit_by_name (dropdown, "activate");
  teapot_test_drain ();
  g_assert_cmpuint (gtk_drop_down_get_selected (GTK_DROP_DOWN (dropdown)), !=, 1);
  teapot_test_wait_until (shows_second_tag, dropdown, "the source list's rows");
  gtk_widget_activate_action (dropdown, "popover.close", NULL);
  teapot_test_drain ();
}

int
main (int   argc,
      char *argv[])
{
  if (!teapot_test_window_init (&argc, &argv))
    return g_test_run ();

  TEAPOT_TEST_ADD ("/ui/search", test_search_updates_list);
  TEAPOT_TEST_ADD ("/ui/filters", test_filters);
  TEAPOT_TEST_ADD ("/ui/favourites", test_favourites);
  TEAPOT_TEST_ADD ("/ui/entry-row", test_entry_row);
  TEAPOT_TEST_ADD ("/ui/related-link", test_related_link);
  TEAPOT_TEST_ADD ("/ui/narrow", test_narrow_layout);
  TEAPOT_TEST_ADD ("/ui/copy", test_copy);
  TEAPOT_TEST_ADD ("/ui/source-rows", test_source_rows);

  return g_test_run ();
}
