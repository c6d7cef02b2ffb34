/* teapot-explain-row.c
 *
 * Copyright The Teapot authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "teapot-explain-row.h"
#include "teapot-format.h"
#include "teapot-ui-util.h"

/* A status of an explained log: the number in its class's colour, what it means in this
 * log's context (nginx's 499 in an nginx log), how often it occurred and a few of the
 * requests that got it. */
struct _TeapotExplainRow
{
  GtkListBoxRow parent_instance;

  GtkLabel *code_label;
  GtkLabel *phrase_label;
  GtkLabel *vendor_label;
  GtkLabel *meaning_label;
  GtkLabel *examples_label;
  GtkLabel *count_label;
  GtkLabel *share_label;
  GtkWidget *go_image;

  char *id;
};

G_DEFINE_FINAL_TYPE (TeapotExplainRow, teapot_explain_row, GTK_TYPE_LIST_BOX_ROW)

static const char * const class_styles[] = {
  "class-other", "class-1xx", "class-2xx", "class-3xx", "class-4xx", "class-5xx",
};

static void
set_optional_label (GtkLabel   *label,
                    const char *text)
{
  gtk_label_set_label (label, text != NULL ? text : "");
  gtk_widget_set_visible (GTK_WIDGET (label), text != NULL && *text != '\0');
}

/* The requests that got the status, then what else the log said about it: the response
 * headers that matter, IIS's sub-status and Win32 codes. One per line. */
static char *
format_examples (const TeapotLogCount *count)
{
  g_autoptr(GString) text = g_string_new (NULL);

  for (guint i = 0; i < count->examples->len; i++)
    g_string_append_printf (text, "%s%s", text->len > 0 ? "\n" : "", (char *) g_ptr_array_index (count->examples, i));
  for (guint i = 0; i < count->headers->len; i++)
    g_string_append_printf (text, "%s%s", text->len > 0 ? "\n" : "", (char *) g_ptr_array_index (count->headers, i));
  if (count->details->len > 0)
    {
      if (text->len > 0)
        g_string_append_c (text, '\n');
      /* Translators: IIS's sc-win32-status values of a row, e.g. “Win32 status 5, 64”. */
      g_string_append (text, _("Win32 status"));
      for (guint i = 0; i < count->details->len; i++)
        g_string_append_printf (text, "%s%u", i > 0 ? ", " : " ", g_array_index (count->details, guint, i));
    }
  return g_string_free (g_steal_pointer (&text), FALSE);
}

static void
fill (TeapotExplainRow     *self,
      const TeapotLogCount *count,
      guint64               total)
{
  g_autofree char *code = NULL;
  g_autofree char *number = teapot_ui_format_count (count->count);
  g_autofree char *share = NULL;
  g_autofree char *examples = format_examples (count);
  g_autofree char *accessible = NULL;
  const char *vendor = NULL;
  const char *css_class;

  if (count->entry != NULL)
    {
      code = teapot_format_code (count->entry);
      gtk_label_set_label (self->phrase_label, teapot_entry_get_phrase (count->entry));
      set_optional_label (self->meaning_label, teapot_entry_get_summary (count->entry));
      if (!teapot_entry_is_registered (count->entry))
        vendor = teapot_format_tag_name (teapot_entry_get_vendor (count->entry));
      self->id = g_strdup (teapot_entry_get_id (count->entry));
    }
  else
    {
      code = count->subcode >= 0 ? g_strdup_printf ("%u.%d", count->code, count->subcode)
                                 : g_strdup_printf ("%u", count->code);
      if (count->alternatives != NULL)
        {
          g_autofree char *ids = g_strjoinv (", ", count->alternatives);
          /* Translators: %s lists entry ids, e.g. “499-nginx, 499-esri”. */
          g_autofree char *text = g_strdup_printf (_("This log does not say whose code it is: one of %s."), ids);

          gtk_label_set_label (self->phrase_label, _("Several meanings"));
          set_optional_label (self->meaning_label, text);
        }
      else
        {
          gtk_label_set_label (self->phrase_label, _("Unknown status"));
          set_optional_label (self->meaning_label, _("Teapot has no entry for this number."));
        }
    }
  set_optional_label (self->vendor_label, vendor);
  set_optional_label (self->examples_label, examples);
  gtk_label_set_label (self->code_label, code);
  css_class = class_styles[count->code >= 100 && count->code < 600 ? count->code / 100 : 0];
  gtk_widget_add_css_class (GTK_WIDGET (self->code_label), css_class);

  gtk_label_set_label (self->count_label, number);
  share = g_strdup_printf ("%.1f%%", total > 0 ? 100.0 * count->count / total : 0);
  gtk_label_set_label (self->share_label, share);

  if (self->id != NULL)
    {
      gtk_actionable_set_action_name (GTK_ACTIONABLE (self), "win.show-entry");
      gtk_actionable_set_action_target (GTK_ACTIONABLE (self), "s", self->id);
      gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (self), TRUE);
      gtk_widget_set_visible (self->go_image, TRUE);
      gtk_widget_set_tooltip_text (GTK_WIDGET (self), _("Show this code’s details"));
    }

  /* Translators: a row for screen readers, e.g. “499 Client Closed Request: 12 times, 1.5%”. */
  accessible = g_strdup_printf (_("%s %s: %s times, %s"), code, gtk_label_get_label (self->phrase_label), number, share);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self), GTK_ACCESSIBLE_PROPERTY_LABEL, accessible, -1);
}

static void
teapot_explain_row_dispose (GObject *object)
{
  gtk_widget_dispose_template (GTK_WIDGET (object), TEAPOT_TYPE_EXPLAIN_ROW);

  G_OBJECT_CLASS (teapot_explain_row_parent_class)->dispose (object);
}

static void
teapot_explain_row_finalize (GObject *object)
{
  TeapotExplainRow *self = TEAPOT_EXPLAIN_ROW (object);

  g_free (self->id);

  G_OBJECT_CLASS (teapot_explain_row_parent_class)->finalize (object);
}

static void
teapot_explain_row_class_init (TeapotExplainRowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = teapot_explain_row_dispose;
  object_class->finalize = teapot_explain_row_finalize;

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PREFIX "/ui/teapot-explain-row.ui");
  gtk_widget_class_bind_template_child (widget_class, TeapotExplainRow, code_label);
  gtk_widget_class_bind_template_child (widget_class, TeapotExplainRow, phrase_label);
  gtk_widget_class_bind_template_child (widget_class, TeapotExplainRow, vendor_label);
  gtk_widget_class_bind_template_child (widget_class, TeapotExplainRow, meaning_label);
  gtk_widget_class_bind_template_child (widget_class, TeapotExplainRow, examples_label);
  gtk_widget_class_bind_template_child (widget_class, TeapotExplainRow, count_label);
  gtk_widget_class_bind_template_child (widget_class, TeapotExplainRow, share_label);
  gtk_widget_class_bind_template_child (widget_class, TeapotExplainRow, go_image);
}

static void
teapot_explain_row_init (TeapotExplainRow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

GtkWidget *
teapot_explain_row_new (const TeapotLogCount *count,
                        guint64               total)
{
  TeapotExplainRow *self;

  g_return_val_if_fail (count != NULL, NULL);

  self = g_object_new (TEAPOT_TYPE_EXPLAIN_ROW, NULL);
  fill (self, count, total);
  return GTK_WIDGET (self);
}

const char *
teapot_explain_row_get_id (TeapotExplainRow *self)
{
  g_return_val_if_fail (TEAPOT_IS_EXPLAIN_ROW (self), NULL);
  return self->id;
}
