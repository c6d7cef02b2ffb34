/* test-i18n.c
 *
 * Copyright The Teapot authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* Translations: the dataset's summaries and descriptions in the user's language with English
 * as the fallback (the store), every catalogue of po/codes complete, the UI catalogs built from
 * po/, and the window in German. */

#include "config.h"

#include <glib/gi18n.h>
#include <locale.h>
#include <string.h>

#include "teapot-application.h"
#include "teapot-ui-util.h"
#include "teapot-window.h"
#include "teapot-test-db.h"

/* The English text of data/codes for 404 and its translations in po/codes/LANG.po. */
#define SUMMARY_404_EN "Nothing exists at the requested URL, or the server prefers not to say that it does."
#define SUMMARY_404_DE "Unter der angefragten URL gibt es nichts, oder der Server zieht es vor, nicht zu sagen, dass es dort etwas gibt."
#define SUMMARY_404_FR "Rien n'existe à l'URL demandée, ou le serveur préfère ne pas dire qu'il y a quelque chose."
#define SUMMARY_404_ES "No existe nada en la URL solicitada, o el servidor prefiere no decir que existe."

typedef struct
{
  const char *language;
  const char *session_locale;   /* a full locale of that language, as a desktop session sets it */
  const char *summary_404;
  const char *description_404_start;
  const char *favourites;       /* the UI catalog's word, to see the session's interface follow */
} Translation;

static const Translation translations[] = {
  { "de", "de_DE.UTF-8", SUMMARY_404_DE, "Der Server", "Favoriten" },
  { "fr", "fr_FR.UTF-8", SUMMARY_404_FR, "Le serveur n'a aucune", "Favoris" },
  { "es", "es_ES.UTF-8", SUMMARY_404_ES, "El servidor no tiene", "Favoritos" },
};

static char *home;
static char *initial_lc_all;

/* Whether a translated session can be had here: some locale other than C is installed. */
static gboolean have_locales;

/* FALSE when no locale but C is installed (gettext would then ignore @language). */
static gboolean
set_language (const char *language)
{
  /* gettext ignores LANGUAGE in the C locale, and glibc 2.35+ treats C.UTF-8 as C: a
   * session in another language has a real locale too. The first language's own locale
   * ("fr" -> fr_FR.UTF-8, "pt_BR" -> pt_BR.UTF-8) where it is installed, else any. */
  if (language != NULL)
    {
      g_autofree char *first = g_strndup (language, strcspn (language, ":"));
      g_autofree char *own = strchr (first, '_') != NULL
                               ? g_strdup_printf ("%s.UTF-8", first)
                               : g_strdup_printf ("%s_%c%c.UTF-8", first, g_ascii_toupper (first[0]),
                                                  first[0] ? g_ascii_toupper (first[1]) : 0);
      const char *candidates[] = { own, "en_US.UTF-8", "de_DE.UTF-8" };

      g_setenv ("LANGUAGE", language, TRUE);
      for (guint i = 0; i < G_N_ELEMENTS (candidates); i++)
        {
          g_setenv ("LC_ALL", candidates[i], TRUE);
          if (setlocale (LC_ALL, "") != NULL)
            return TRUE;
        }
      g_setenv ("LC_ALL", "C.UTF-8", TRUE);
      setlocale (LC_ALL, "");
      return FALSE;
    }

  g_unsetenv ("LANGUAGE");
  g_setenv ("LC_ALL", "C.UTF-8", TRUE);
  /* gettext caches by locale: setting it again makes it read LANGUAGE afresh. */
  setlocale (LC_ALL, "");
  return TRUE;
}

/* A session as the desktop starts it: LC_ALL (like LANG) names a locale, LANGUAGE is unset.
 * FALSE when that locale is not installed. */
static gboolean
set_session_locale (const char *locale)
{
  g_unsetenv ("LANGUAGE");
  g_setenv ("LC_ALL", locale, TRUE);
  return setlocale (LC_ALL, "") != NULL;
}

static void
restore_session_locale (void)
{
  if (initial_lc_all != NULL)
    g_setenv ("LC_ALL", initial_lc_all, TRUE);
  else
    g_unsetenv ("LC_ALL");
  set_language (NULL);
}

static const char *
summary_404 (const char *language)
{
  for (guint i = 0; language != NULL && i < G_N_ELEMENTS (translations); i++)
    if (g_str_equal (translations[i].language, language))
      return translations[i].summary_404;
  return SUMMARY_404_EN;
}

static TeapotStore *
new_store (void)
{
  g_autofree char *path = g_build_filename (home, "user.sqlite", NULL);
  g_autoptr(GError) error = NULL;
  TeapotStore *store;

  store = teapot_store_new (path, &error);
  g_assert_no_error (error);
  return store;
}

static TeapotStore *
open_store (const char *language)
{
  set_language (language);
  return new_store ();
}

static void
test_store_english (void)
{
  g_autoptr(TeapotStore) store = open_store (NULL);
  g_autoptr(TeapotEntry) entry = teapot_store_lookup_id (store, "404");

  g_assert_null (teapot_store_get_language (store));
  g_assert_cmpstr (teapot_entry_get_summary (entry), ==, SUMMARY_404_EN);
}

static void
test_store_translated (gconstpointer data)
{
  const Translation *translation = data;
  g_autoptr(TeapotStore) store = open_store (translation->language);
  g_autoptr(TeapotEntry) entry = teapot_store_lookup_id (store, "404");
  g_autoptr(GPtrArray) found = teapot_store_search (store, "404", NULL, 1, NULL);

  if (!have_locales)
    {
      g_test_skip ("no locale but C is installed: gettext would ignore LANGUAGE");
      return;
    }

  g_assert_cmpstr (teapot_store_get_language (store), ==, translation->language);
  g_assert_cmpstr (teapot_entry_get_summary (entry), ==, translation->summary_404);
  g_assert_true (g_str_has_prefix (teapot_entry_get_description (entry), translation->description_404_start));
  /* The protocol's own words stay as they are. */
  g_assert_cmpstr (teapot_entry_get_phrase (entry), ==, "Not Found");

  /* Search (English index) finds the entry and shows it translated. */
  g_assert_cmpuint (found->len, ==, 1);
  g_assert_cmpstr (teapot_entry_get_summary (g_ptr_array_index (found, 0)), ==, translation->summary_404);
  set_language (NULL);
}

/* No LANGUAGE, only the session's locale: the dataset and the interface both follow it. */
static void
test_store_session (gconstpointer data)
{
  const Translation *translation = data;
  g_autoptr(TeapotStore) store = NULL;
  g_autoptr(TeapotEntry) entry = NULL;

  if (!set_session_locale (translation->session_locale))
    {
      g_autofree char *message = g_strdup_printf ("the locale %s is not installed", translation->session_locale);

      restore_session_locale ();
      g_test_skip (message);
      return;
    }

  store = new_store ();
  entry = teapot_store_lookup_id (store, "404");
  g_assert_cmpstr (teapot_store_get_language (store), ==, translation->language);
  g_assert_cmpstr (teapot_entry_get_summary (entry), ==, translation->summary_404);
  g_assert_cmpstr (g_dgettext (GETTEXT_PACKAGE, "Favourites"), ==, translation->favourites);
  restore_session_locale ();
}

/* Every language of po/codes/LINGUAS translates the summary and the description of every
 * entry: a string missing from a catalogue (or left fuzzy, which msgfmt drops) shows in
 * English, and is named here. */
static void
test_store_complete (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *linguas = NULL;
  g_auto(GStrv) languages = NULL;
  g_autoptr(TeapotStore) english = open_store (NULL);
  g_autoptr(GPtrArray) originals = teapot_store_list (english, NULL, 0);
  guint n_languages = 0;

  if (!have_locales)
    {
      g_test_skip ("no locale but C is installed: gettext would ignore LANGUAGE");
      return;
    }

  g_file_get_contents (TEST_CODES_LINGUAS, &linguas, NULL, &error);
  g_assert_no_error (error);
  languages = g_strsplit_set (linguas, " \t\n", -1);
  g_assert_cmpuint (originals->len, >, 0);

  for (guint l = 0; languages[l] != NULL; l++)
    {
      const char *language = languages[l];
      g_autoptr(TeapotStore) store = NULL;
      g_autoptr(GPtrArray) entries = NULL;
      guint n_missing = 0;

      if (*language == '\0' || *language == '#')
        continue;
      n_languages++;
      store = open_store (language);
      entries = teapot_store_list (store, NULL, 0);
      g_assert_cmpstr (teapot_store_get_language (store), ==, language);
      g_assert_cmpuint (entries->len, ==, originals->len);

      for (guint i = 0; i < entries->len; i++)
        {
          TeapotEntry *entry = g_ptr_array_index (entries, i);
          TeapotEntry *original = g_ptr_array_index (originals, i);

          g_assert_cmpstr (teapot_entry_get_id (entry), ==, teapot_entry_get_id (original));
          g_assert_cmpstr (teapot_entry_get_summary (entry), !=, "");
          g_assert_cmpstr (teapot_entry_get_description (entry), !=, "");
          if (g_str_equal (teapot_entry_get_summary (entry), teapot_entry_get_summary (original)))
            {
              g_test_message ("%s: the summary of %s is not translated", language, teapot_entry_get_id (entry));
              n_missing++;
            }
          if (g_str_equal (teapot_entry_get_description (entry), teapot_entry_get_description (original)))
            {
              g_test_message ("%s: the description of %s is not translated", language, teapot_entry_get_id (entry));
              n_missing++;
            }
        }
      if (n_missing > 0)
        g_test_fail_printf ("po/codes/%s.po lacks %u of %u strings", language, n_missing, 2 * entries->len);
    }
  set_language (NULL);
  /* The shipped languages at least: a LINGUAS that lost one is a failure too. */
  g_assert_cmpuint (n_languages, >=, G_N_ELEMENTS (translations));
}

static void
test_store_fallback (void)
{
  struct { const char *language; const char *expected; } cases[] = {
    { "de_AT", "de" },           /* a region falls back to its language */
    { "fr_CA", "fr" },
    { "es_MX", "es" },
    { "fr:de", "fr" },           /* the first language with translations wins */
    { "pt_BR:es:de", "es" },
    { "pt_BR", NULL },           /* none: English */
    { "C", NULL },
  };

  if (!have_locales)
    {
      g_test_skip ("no locale but C is installed: gettext would ignore LANGUAGE");
      return;
    }

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(TeapotStore) store = open_store (cases[i].language);
      g_autoptr(TeapotEntry) entry = teapot_store_lookup_id (store, "404");

      g_assert_cmpstr (teapot_store_get_language (store), ==, cases[i].expected);
      g_assert_cmpstr (teapot_entry_get_summary (entry), ==, summary_404 (cases[i].expected));
    }
  set_language (NULL);
}

static void
test_ui_catalogs (void)
{
  struct { const char *language; const char *favourites; const char *one; const char *two; } cases[] = {
    { "de", "Favoriten", "1 Code", "2 Codes" },
    { "fr", "Favoris", "1 code", "2 codes" },
    { "es", "Favoritos", "1 código", "2 códigos" },
  };

  if (!have_locales)
    {
      g_test_skip ("no locale but C is installed: gettext would ignore LANGUAGE");
      return;
    }

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *one = NULL;
      g_autofree char *two = NULL;

      set_language (cases[i].language);
      one = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u code", "%u codes", 1), 1);
      two = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u code", "%u codes", 2), 2);
      g_assert_cmpstr (g_dgettext (GETTEXT_PACKAGE, "Favourites"), ==, cases[i].favourites);
      g_assert_cmpstr (one, ==, cases[i].one);
      g_assert_cmpstr (two, ==, cases[i].two);
    }
  set_language (NULL);
}

static void
collect_texts (GtkWidget *widget,
               GPtrArray *texts)
{
  /* Tooltips set as text, and those given when asked for (teapot_ui_set_tooltip()). */
  if (gtk_widget_get_tooltip_text (widget) != NULL)
    g_ptr_array_add (texts, (gpointer) gtk_widget_get_tooltip_text (widget));
  if (teapot_ui_get_tooltip (widget) != NULL)
    g_ptr_array_add (texts, (gpointer) teapot_ui_get_tooltip (widget));
  if (GTK_IS_LABEL (widget))
    g_ptr_array_add (texts, (gpointer) gtk_label_get_text (GTK_LABEL (widget)));

  for (GtkWidget *child = gtk_widget_get_first_child (widget); child; child = gtk_widget_get_next_sibling (child))
    collect_texts (child, texts);
}

static gboolean
contains (GPtrArray  *texts,
          const char *text)
{
  return g_ptr_array_find_with_equal_func (texts, text, g_str_equal, NULL);
}

static void
test_window_german (void)
{
  g_autoptr(TeapotApplication) application = NULL;
  g_autoptr(GPtrArray) texts = g_ptr_array_new ();
  TeapotWindow *window;

  if (!have_locales)
    {
      g_test_skip ("no locale but C is installed: gettext would ignore LANGUAGE");
      return;
    }

  if (g_getenv ("DISPLAY") == NULL && g_getenv ("WAYLAND_DISPLAY") == NULL)
    {
      g_test_skip ("no display");
      return;
    }

  set_language ("de");
  application = teapot_application_new ();
  g_application_set_flags (G_APPLICATION (application), G_APPLICATION_NON_UNIQUE);
  g_assert_true (g_application_register (G_APPLICATION (application), NULL, NULL));

  window = teapot_window_new (GTK_APPLICATION (application), teapot_application_get_store (application),
                              teapot_application_get_settings (application));
  teapot_window_show_entry (window, "404");
  collect_texts (GTK_WIDGET (window), texts);

  g_assert_true (contains (texts, "Hauptmenü"));
  g_assert_false (contains (texts, "Main Menu"));
  g_assert_true (contains (texts, SUMMARY_404_DE));

  gtk_window_destroy (GTK_WINDOW (window));
  while (g_main_context_iteration (NULL, FALSE))
    ;
  set_language (NULL);
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GFile) home_file = NULL;
  int status;

  /* Private user dirs, but not G_TEST_OPTION_ISOLATE_DIRS: that also hides XDG_DATA_DIRS, and
   * with it the MIME database GdkPixbuf needs to load the window's SVG icons. */
  home = g_dir_make_tmp ("teapot-i18n-XXXXXX", NULL);
  initial_lc_all = g_strdup (g_getenv ("LC_ALL"));
  g_setenv ("HOME", home, TRUE);
  g_setenv ("XDG_DATA_HOME", home, TRUE);
  g_setenv ("XDG_CONFIG_HOME", home, TRUE);
  g_setenv ("XDG_CACHE_HOME", home, TRUE);

  setlocale (LC_ALL, "");
  bindtextdomain (GETTEXT_PACKAGE, TEST_LOCALEDIR);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);
  /* g_dgettext() decides once per process whether to translate at all, from the default
   * domain's catalog for the locale at its first call: make that first call in German. */
  have_locales = set_language ("de");
  if (have_locales)
    g_assert_cmpstr (g_dgettext (GETTEXT_PACKAGE, "Favourites"), ==, "Favoriten");
  set_language (NULL);

  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/i18n/store/english", test_store_english);
  for (guint i = 0; i < G_N_ELEMENTS (translations); i++)
    {
      g_autofree char *path = g_strdup_printf ("/i18n/store/%s", translations[i].language);
      g_autofree char *session = g_strdup_printf ("/i18n/store/session-%s", translations[i].session_locale);

      g_test_add_data_func (path, &translations[i], test_store_translated);
      g_test_add_data_func (session, &translations[i], test_store_session);
    }
  g_test_add_func ("/i18n/store/complete", test_store_complete);
  g_test_add_func ("/i18n/store/fallback", test_store_fallback);
  g_test_add_func ("/i18n/ui/catalogs", test_ui_catalogs);
  g_test_add_func ("/i18n/ui/window-german", test_window_german);
  status = g_test_run ();

  home_file = g_file_new_for_path (home);
  teapot_test_remove_tree (home_file);
  g_free (home);
  g_free (initial_lc_all);
  return status;
}
