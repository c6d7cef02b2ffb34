/* teapot-explain-view.c
 *
 * Copyright The Teapot authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "teapot-explain-view.h"
#include "teapot-explain-result.h"
#include "teapot-explainer.h"
#include "teapot-ui-util.h"

/* The Explain page: a log, a HAR file or a pasted response comes in (Open, drop, paste), is
 * read by the core's explainer on a worker thread, streamed, while this page shows progress
 * and a Cancel button; then the result, or what went wrong. The states are the pages of one
 * stack, named as the "state" property says. Cancel returns at once: the worker stops at
 * its next read, and whatever it answers for a run that is no longer current is dropped. */
struct _TeapotExplainView
{
  GtkWidget parent_instance;

  AdwViewSwitcher *view_switcher;
  AdwWindowTitle *window_title;
  GtkStack *stack;
  GtkWidget *open_button;
  GtkLabel *loading_label;
  GtkProgressBar *progress_bar;
  GtkLabel *progress_label;
  GtkWidget *cancel_button;
  AdwStatusPage *error_page;
  TeapotExplainResult *result;

  TeapotStore *store;
  /* The current run, NULL when none. */
  TeapotExplainer *explainer;
  GCancellable *cancellable;
  char *name;
};

G_DEFINE_FINAL_TYPE (TeapotExplainView, teapot_explain_view, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_STATE,
  PROP_VIEW_STACK,
  PROP_SHOW_SWITCHER,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
set_state (TeapotExplainView *self,
           const char        *state)
{
  /* The stack notifies, and on_state_changed() follows. */
  gtk_stack_set_visible_child_name (self->stack, state);
}

static void
stop_run (TeapotExplainView *self)
{
  if (self->explainer != NULL)
    g_signal_handlers_disconnect_by_data (self->explainer, self);
  if (self->cancellable != NULL)
    g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  g_clear_object (&self->explainer);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "explain.cancel", FALSE);
}

static void
show_error (TeapotExplainView *self,
            const char        *title,
            const char        *description)
{
  adw_status_page_set_title (self->error_page, title);
  adw_status_page_set_description (self->error_page, description);
  adw_window_title_set_subtitle (self->window_title, self->name);
  set_state (self, "error");
}

static void
on_progress (TeapotExplainView *self)
{
  guint64 bytes = teapot_explainer_get_bytes_read (self->explainer);
  gint64 size = teapot_explainer_get_size (self->explainer);
  double fraction = teapot_explainer_get_fraction (self->explainer);
  g_autofree char *read = g_format_size (bytes);
  g_autofree char *text = NULL;

  if (size > 0)
    {
      g_autofree char *all = g_format_size (size);

      /* Translators: progress, e.g. “12.3 MB of 500.0 MB”. */
      text = g_strdup_printf (_("%s of %s"), read, all);
    }
  else
    /* Translators: progress when the size is unknown, e.g. “12.3 MB read”. */
    text = g_strdup_printf (_("%s read"), read);
  gtk_label_set_label (self->progress_label, text);
  if (fraction >= 0)
    gtk_progress_bar_set_fraction (self->progress_bar, fraction);
  else
    gtk_progress_bar_pulse (self->progress_bar);
}

static void
show_summary (TeapotExplainView *self,
              TeapotLogSummary  *summary)
{
  const char *format = teapot_log_format_get_name (teapot_log_summary_get_format (summary));

  if (self->store != NULL)
    teapot_log_summary_resolve (summary, self->store);
  if (teapot_log_summary_get_total (summary) == 0)
    {
      g_autofree char *lines = teapot_ui_format_count (teapot_log_summary_get_lines (summary));
      /* Translators: e.g. “Teapot read 12 lines of IIS W3C extended log and found no HTTP status in them.” */
      g_autofree char *text = g_strdup_printf (_("Teapot read %s lines of %s and found no HTTP status in them."),
                                               lines, format);

      show_error (self, _("No Status Found"), text);
      return;
    }
  teapot_explain_result_set_summary (self->result, summary, self->name);
  adw_window_title_set_subtitle (self->window_title, self->name);
  set_state (self, "result");
}

static void
on_run_done (GObject      *source,
             GAsyncResult *res,
             gpointer      user_data)
{
  g_autoptr(TeapotExplainView) self = user_data;
  g_autoptr(TeapotLogSummary) summary = NULL;
  g_autoptr(GError) error = NULL;

  summary = teapot_explainer_run_finish (TEAPOT_EXPLAINER (source), res, &error);
  /* Cancelled, replaced by another log, or the view is gone: nobody waits for this one. */
  if ((gpointer) source != self->explainer)
    return;
  stop_run (self);

  if (summary != NULL)
    show_summary (self, summary);
  else if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    set_state (self, "start");
  else if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA)
           || g_error_matches (error, G_IO_ERROR, G_IO_ERROR_MESSAGE_TOO_LARGE))
    show_error (self, _("Not a Log Teapot Knows"), error->message);
  else
    show_error (self, _("Cannot Read the File"), error->message);
  /* The Cancel button that had the focus is gone. */
  if (gtk_widget_get_mapped (GTK_WIDGET (self)))
    teapot_explain_view_focus (self);
}

/* Takes @explainer and starts it on a worker thread, in place of any run before. */
static void
start_run (TeapotExplainView *self,
           TeapotExplainer   *explainer,
           const char        *name)
{
  /* Translators: while a log is read, e.g. “Reading access.log…”. */
  g_autofree char *reading = g_strdup_printf (_("Reading %s…"), name);

  stop_run (self);
  g_free (self->name);
  self->name = g_strdup (name);
  self->explainer = explainer;
  self->cancellable = g_cancellable_new ();

  g_signal_connect_swapped (explainer, "notify::bytes-read", G_CALLBACK (on_progress), self);
  gtk_label_set_label (self->loading_label, reading);
  gtk_label_set_label (self->progress_label, "");
  gtk_progress_bar_set_fraction (self->progress_bar, 0);
  adw_window_title_set_subtitle (self->window_title, name);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "explain.cancel", TRUE);
  set_state (self, "loading");
  teapot_ui_focus_if_mapped (GTK_WIDGET (self), self->cancel_button);

  teapot_explainer_run_async (explainer, self->cancellable, on_run_done, g_object_ref (self));
}

static void
on_open_done (GObject      *source,
              GAsyncResult *res,
              gpointer      user_data)
{
  g_autoptr(TeapotExplainView) self = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(GFile) file = gtk_file_dialog_open_finish (GTK_FILE_DIALOG (source), res, &error);

  if (file != NULL)
    teapot_explain_view_load_file (self, file);
  else if (!g_error_matches (error, GTK_DIALOG_ERROR, GTK_DIALOG_ERROR_DISMISSED))
    teapot_ui_toast (GTK_WIDGET (self), error->message);
}

static void
add_filter (GListStore  *filters,
            const char  *name,
            const char **mime_types,
            const char **patterns)
{
  g_autoptr(GtkFileFilter) filter = gtk_file_filter_new ();

  gtk_file_filter_set_name (filter, name);
  for (guint i = 0; mime_types != NULL && mime_types[i] != NULL; i++)
    gtk_file_filter_add_mime_type (filter, mime_types[i]);
  for (guint i = 0; patterns != NULL && patterns[i] != NULL; i++)
    gtk_file_filter_add_pattern (filter, patterns[i]);
  g_list_store_append (filters, filter);
}

/* Through the file chooser portal in the Flatpak, which hands over only the file picked. */
static void
open_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  static const char *log_types[] = { "text/plain", "text/x-log", "application/json", "application/gzip", NULL };
  static const char *log_patterns[] = { "*.log", "*.har", "*.gz", "*.json", "*.txt", NULL };
  static const char *any[] = { "*", NULL };
  g_autoptr(GtkFileDialog) dialog = gtk_file_dialog_new ();
  g_autoptr(GListStore) filters = g_list_store_new (GTK_TYPE_FILE_FILTER);

  add_filter (filters, _("Logs, HAR Files and Responses"), log_types, log_patterns);
  add_filter (filters, _("All Files"), NULL, any);
  gtk_file_dialog_set_title (dialog, _("Open a Log"));
  gtk_file_dialog_set_filters (dialog, G_LIST_MODEL (filters));
  gtk_file_dialog_open (dialog, GTK_WINDOW (gtk_widget_get_root (widget)), NULL, on_open_done,
                        g_object_ref (widget));
}

static void
on_paste_text (GObject      *source,
               GAsyncResult *res,
               gpointer      user_data)
{
  g_autoptr(TeapotExplainView) self = user_data;
  g_autofree char *text = gdk_clipboard_read_text_finish (GDK_CLIPBOARD (source), res, NULL);
  const char *p = text;

  /* Blank is empty; anything else goes as it is (leading spaces may be a log's). */
  while (p != NULL && g_ascii_isspace (*p))
    p++;
  if (p == NULL || *p == '\0')
    teapot_ui_toast (GTK_WIDGET (self), _("The clipboard holds no text"));
  else
    teapot_explain_view_load_text (self, text);
}

static void
on_paste_file (GObject      *source,
               GAsyncResult *res,
               gpointer      user_data)
{
  g_autoptr(TeapotExplainView) self = user_data;
  const GValue *value = gdk_clipboard_read_value_finish (GDK_CLIPBOARD (source), res, NULL);

  if (value != NULL && G_VALUE_HOLDS (value, G_TYPE_FILE) && g_value_get_object (value) != NULL)
    teapot_explain_view_load_file (self, g_value_get_object (value));
  else
    gdk_clipboard_read_text_async (GDK_CLIPBOARD (source), NULL, on_paste_text, g_steal_pointer (&self));
}

/* A file copied in the file manager is explained as a file, anything else as text. */
static void
paste_action (GtkWidget  *widget,
              const char *action_name,
              GVariant   *parameter)
{
  GdkClipboard *clipboard = gtk_widget_get_clipboard (widget);

  if (gdk_content_formats_contain_gtype (gdk_clipboard_get_formats (clipboard), G_TYPE_FILE))
    gdk_clipboard_read_value_async (clipboard, G_TYPE_FILE, G_PRIORITY_DEFAULT, NULL, on_paste_file,
                                    g_object_ref (widget));
  else
    gdk_clipboard_read_text_async (clipboard, NULL, on_paste_text, g_object_ref (widget));
}

static void
cancel_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  teapot_explain_view_cancel (TEAPOT_EXPLAIN_VIEW (widget));
}

static gboolean
on_drop (GtkDropTarget     *target,
         const GValue      *value,
         double             x,
         double             y,
         TeapotExplainView *self)
{
  if (G_VALUE_HOLDS (value, G_TYPE_FILE) && g_value_get_object (value) != NULL)
    teapot_explain_view_load_file (self, g_value_get_object (value));
  else if (G_VALUE_HOLDS (value, G_TYPE_STRING) && g_value_get_string (value) != NULL)
    teapot_explain_view_load_text (self, g_value_get_string (value));
  else
    return FALSE;
  return TRUE;
}

static void
on_state_changed (TeapotExplainView *self)
{
  const char *state = teapot_explain_view_get_state (self);

  if (g_strcmp0 (state, "start") == 0)
    adw_window_title_set_subtitle (self->window_title, NULL);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_STATE]);
}

/* GObject */

static void
teapot_explain_view_dispose (GObject *object)
{
  TeapotExplainView *self = TEAPOT_EXPLAIN_VIEW (object);
  GtkWidget *child;

  stop_run (self);
  gtk_widget_dispose_template (GTK_WIDGET (object), TEAPOT_TYPE_EXPLAIN_VIEW);
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (object))) != NULL)
    gtk_widget_unparent (child);

  G_OBJECT_CLASS (teapot_explain_view_parent_class)->dispose (object);
}

static void
teapot_explain_view_finalize (GObject *object)
{
  TeapotExplainView *self = TEAPOT_EXPLAIN_VIEW (object);

  g_clear_object (&self->store);
  g_free (self->name);

  G_OBJECT_CLASS (teapot_explain_view_parent_class)->finalize (object);
}

static void
teapot_explain_view_get_property (GObject    *object,
                                  guint       prop_id,
                                  GValue     *value,
                                  GParamSpec *pspec)
{
  TeapotExplainView *self = TEAPOT_EXPLAIN_VIEW (object);

  switch (prop_id)
    {
    case PROP_STATE:
      g_value_set_string (value, teapot_explain_view_get_state (self));
      break;
    case PROP_VIEW_STACK:
    case PROP_SHOW_SWITCHER:
      teapot_ui_switcher_get (self->view_switcher, pspec, value);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
teapot_explain_view_set_property (GObject      *object,
                                  guint         prop_id,
                                  const GValue *value,
                                  GParamSpec   *pspec)
{
  TeapotExplainView *self = TEAPOT_EXPLAIN_VIEW (object);

  switch (prop_id)
    {
    case PROP_VIEW_STACK:
    case PROP_SHOW_SWITCHER:
      if (teapot_ui_switcher_set (self->view_switcher, pspec, value))
        g_object_notify_by_pspec (object, pspec);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
teapot_explain_view_class_init (TeapotExplainViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = teapot_explain_view_dispose;
  object_class->finalize = teapot_explain_view_finalize;
  object_class->get_property = teapot_explain_view_get_property;
  object_class->set_property = teapot_explain_view_set_property;

  properties[PROP_STATE] =
    g_param_spec_string ("state", NULL, NULL, "start",
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  /* The window's view stack, switched from this header bar while the window is wide. */
  properties[PROP_VIEW_STACK] = teapot_ui_switcher_param_spec ("view-stack");
  properties[PROP_SHOW_SWITCHER] = teapot_ui_switcher_param_spec ("show-switcher");
  g_object_class_install_properties (object_class, N_PROPS, properties);

  g_type_ensure (TEAPOT_TYPE_EXPLAIN_RESULT);

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PREFIX "/ui/teapot-explain-view.ui");
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BOX_LAYOUT);
  gtk_widget_class_bind_template_child (widget_class, TeapotExplainView, view_switcher);
  gtk_widget_class_bind_template_child (widget_class, TeapotExplainView, window_title);
  gtk_widget_class_bind_template_child (widget_class, TeapotExplainView, stack);
  gtk_widget_class_bind_template_child (widget_class, TeapotExplainView, open_button);
  gtk_widget_class_bind_template_child (widget_class, TeapotExplainView, loading_label);
  gtk_widget_class_bind_template_child (widget_class, TeapotExplainView, progress_bar);
  gtk_widget_class_bind_template_child (widget_class, TeapotExplainView, progress_label);
  gtk_widget_class_bind_template_child (widget_class, TeapotExplainView, cancel_button);
  gtk_widget_class_bind_template_child (widget_class, TeapotExplainView, error_page);
  gtk_widget_class_bind_template_child (widget_class, TeapotExplainView, result);
  gtk_widget_class_bind_template_callback (widget_class, on_state_changed);

  gtk_widget_class_install_action (widget_class, "explain.open", NULL, open_action);
  gtk_widget_class_install_action (widget_class, "explain.paste", NULL, paste_action);
  gtk_widget_class_install_action (widget_class, "explain.cancel", NULL, cancel_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_o, GDK_CONTROL_MASK, "explain.open", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_v, GDK_CONTROL_MASK, "explain.paste", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "explain.cancel", NULL);
}

static void
teapot_explain_view_init (TeapotExplainView *self)
{
  GtkDropTarget *target;
  GType types[] = { G_TYPE_FILE, G_TYPE_STRING };

  gtk_widget_init_template (GTK_WIDGET (self));
  gtk_orientable_set_orientation (GTK_ORIENTABLE (gtk_widget_get_layout_manager (GTK_WIDGET (self))),
                                  GTK_ORIENTATION_VERTICAL);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "explain.cancel", FALSE);

  /* A file from the file manager, or text from an editor or a terminal. */
  target = gtk_drop_target_new (G_TYPE_INVALID, GDK_ACTION_COPY);
  gtk_drop_target_set_gtypes (target, types, G_N_ELEMENTS (types));
  g_signal_connect (target, "drop", G_CALLBACK (on_drop), self);
  gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (target));
}

void
teapot_explain_view_set_store (TeapotExplainView *self,
                               TeapotStore       *store)
{
  g_return_if_fail (TEAPOT_IS_EXPLAIN_VIEW (self));
  g_return_if_fail (store == NULL || TEAPOT_IS_STORE (store));

  g_set_object (&self->store, store);
}

void
teapot_explain_view_load_file (TeapotExplainView *self,
                               GFile             *file)
{
  g_autofree char *name = NULL;

  g_return_if_fail (TEAPOT_IS_EXPLAIN_VIEW (self));
  g_return_if_fail (G_IS_FILE (file));

  /* The explainer opens the file on its thread: a slow disk never blocks the window. */
  name = g_file_get_basename (file);
  start_run (self, teapot_explainer_new_for_file (file), name != NULL ? name : _("Log"));
}

void
teapot_explain_view_load_text (TeapotExplainView *self,
                               const char        *text)
{
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GInputStream) stream = NULL;
  g_autoptr(TeapotLogReader) reader = NULL;

  g_return_if_fail (TEAPOT_IS_EXPLAIN_VIEW (self));
  g_return_if_fail (text != NULL);

  bytes = g_bytes_new (text, strlen (text));
  stream = g_memory_input_stream_new_from_bytes (bytes);
  reader = teapot_log_reader_new (stream, g_bytes_get_size (bytes));
  start_run (self, teapot_explainer_new (reader), _("Pasted text"));
}

void
teapot_explain_view_cancel (TeapotExplainView *self)
{
  g_return_if_fail (TEAPOT_IS_EXPLAIN_VIEW (self));

  if (self->explainer == NULL)
    return;
  stop_run (self);
  set_state (self, "start");
  teapot_ui_focus_if_mapped (GTK_WIDGET (self), self->open_button);
}

void
teapot_explain_view_focus (TeapotExplainView *self)
{
  const char *state;

  g_return_if_fail (TEAPOT_IS_EXPLAIN_VIEW (self));

  state = teapot_explain_view_get_state (self);
  if (g_strcmp0 (state, "loading") == 0)
    gtk_widget_grab_focus (self->cancel_button);
  else if (g_strcmp0 (state, "start") == 0)
    gtk_widget_grab_focus (self->open_button);
  else
    gtk_widget_child_focus (gtk_stack_get_visible_child (self->stack), GTK_DIR_TAB_FORWARD);
}

const char *
teapot_explain_view_get_state (TeapotExplainView *self)
{
  g_return_val_if_fail (TEAPOT_IS_EXPLAIN_VIEW (self), NULL);
  return gtk_stack_get_visible_child_name (self->stack);
}

TeapotLogSummary *
teapot_explain_view_get_summary (TeapotExplainView *self)
{
  g_return_val_if_fail (TEAPOT_IS_EXPLAIN_VIEW (self), NULL);
  return g_strcmp0 (teapot_explain_view_get_state (self), "result") == 0
           ? teapot_explain_result_get_summary (self->result) : NULL;
}
