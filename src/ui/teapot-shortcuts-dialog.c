/* teapot-shortcuts-dialog.c
 *
 * Copyright The Teapot authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>

#include "teapot-shortcuts-dialog.h"

/* The keyboard shortcuts, as a dialog of our own: GTK 4.18 deprecates GtkShortcutsWindow
 * (and GtkShortcutLabel with it) and its successor, AdwShortcutsDialog, only arrives in
 * libadwaita 1.8, after our baseline. Until the baseline moves, an AdwDialog lists the same
 * table with keycaps drawn from gtk_accelerator_get_label(), so they read as the desktop
 * writes them in every language. */

typedef struct
{
  const char *title;        /* NULL starts a group named by @accelerators */
  const char *accelerators; /* space-separated; "A...B" is a range */
} Shortcut;

static const Shortcut shortcuts[] = {
  { NULL, N_("Search and Filters") },
  { N_("Search (or just start typing)"), "<Control>f" },
  { N_("Clear the search"), "Escape" },
  { N_("Every class"), "<Alt>0" },
  { N_("Only 1xx … 5xx"), "<Alt>1...<Alt>5" },
  { N_("All codes"), "<Control>1" },
  { N_("Favourites"), "<Control>2" },
  { NULL, N_("Codes") },
  { N_("Move through the list"), "Up Down" },
  { N_("Open the selected code"), "Return" },
  { N_("Back to the list"), "<Alt>Left" },
  { N_("Add to or remove from favourites"), "<Control>d" },
  { N_("Copy the code and phrase"), "<Control><Shift>c" },
  { N_("Copy the status line"), "<Control><Shift>l" },
  { NULL, N_("Study") },
  { N_("Study"), "<Control>3" },
  { N_("Flashcards, quiz, progress"), "<Alt>c <Alt>q <Alt>p" },
  { N_("Show the answer"), "space" },
  { N_("Grade: again, hard, good, easy"), "1...4" },
  { N_("Pick a quiz option"), "1...5" },
  { NULL, N_("Explain a Log") },
  { N_("Explain a log"), "<Control>4" },
  { N_("Open a log"), "<Control>o" },
  { N_("Paste a log or a response"), "<Control>v" },
  { NULL, N_("General") },
  { N_("Main menu"), "F10" },
  { N_("Preferences"), "<Control>comma" },
  { N_("Keyboard shortcuts"), "<Control>question" },
  { N_("Close the window"), "<Control>w" },
  { N_("Quit"), "<Control>q" },
};

struct _TeapotShortcutsDialog
{
  AdwDialog parent_instance;

  AdwPreferencesPage *page;
  guint count;
};

G_DEFINE_FINAL_TYPE (TeapotShortcutsDialog, teapot_shortcuts_dialog, ADW_TYPE_DIALOG)

static GtkWidget *
keycap (const char *accelerator)
{
  guint key = 0;
  GdkModifierType modifiers = 0;
  g_autofree char *text = NULL;
  GtkWidget *label;

  if (gtk_accelerator_parse (accelerator, &key, &modifiers))
    text = gtk_accelerator_get_label (key, modifiers);
  label = gtk_label_new (text ? text : accelerator);
  gtk_widget_add_css_class (label, "keycap");
  return label;
}

/* "<Alt>1...<Alt>5 <Control>3" as keycaps: ranges joined by a dash, alternatives by space. */
static GtkWidget *
keycaps (const char *accelerators)
{
  g_auto(GStrv) alternatives = g_strsplit (accelerators, " ", -1);
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);

  gtk_widget_set_valign (box, GTK_ALIGN_CENTER);
  for (guint i = 0; alternatives[i] != NULL; i++)
    {
      g_auto(GStrv) range = g_strsplit (alternatives[i], "...", 2);

      gtk_box_append (GTK_BOX (box), keycap (range[0]));
      if (range[1] != NULL)
        {
          GtkWidget *dash = gtk_label_new ("–");

          gtk_widget_add_css_class (dash, "dim-label");
          gtk_box_append (GTK_BOX (box), dash);
          gtk_box_append (GTK_BOX (box), keycap (range[1]));
        }
    }
  return box;
}

static void
teapot_shortcuts_dialog_class_init (TeapotShortcutsDialogClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PREFIX "/ui/teapot-shortcuts-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, TeapotShortcutsDialog, page);
}

static void
teapot_shortcuts_dialog_init (TeapotShortcutsDialog *self)
{
  AdwPreferencesGroup *group = NULL;

  gtk_widget_init_template (GTK_WIDGET (self));

  for (guint i = 0; i < G_N_ELEMENTS (shortcuts); i++)
    {
      GtkWidget *row;

      if (shortcuts[i].title == NULL)
        {
          group = ADW_PREFERENCES_GROUP (adw_preferences_group_new ());
          adw_preferences_group_set_title (group, _(shortcuts[i].accelerators));
          adw_preferences_page_add (self->page, group);
          continue;
        }
      row = adw_action_row_new ();
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), _(shortcuts[i].title));
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), keycaps (shortcuts[i].accelerators));
      adw_preferences_group_add (group, row);
      self->count++;
    }
}

TeapotShortcutsDialog *
teapot_shortcuts_dialog_new (void)
{
  return g_object_new (TEAPOT_TYPE_SHORTCUTS_DIALOG, NULL);
}

guint
teapot_shortcuts_dialog_get_count (TeapotShortcutsDialog *self)
{
  g_return_val_if_fail (TEAPOT_IS_SHORTCUTS_DIALOG (self), 0);
  return self->count;
}
