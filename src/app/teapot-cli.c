/* teapot-cli.c
 *
 * Copyright The Teapot authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>
#include <sys/ioctl.h>

#include "teapot-cli.h"
#include "teapot-explain-command.h"
#include "teapot-output.h"
#include "teapot-store.h"

#define DEFAULT_SEARCH_LIMIT 20
#define MAX_LIMIT 100000

static const GOptionEntry option_entries[] = {
  { "open", 0, 0, G_OPTION_ARG_STRING, NULL, N_("Open the window on an entry"), N_("ID") },
  { "search", 's', 0, G_OPTION_ARG_STRING, NULL, N_("Print the entries that match a query, best first"), N_("QUERY") },
  { "class", 'c', 0, G_OPTION_ARG_STRING, NULL, N_("Only entries of one class (1xx to 5xx)"), N_("CLASS") },
  { "tag", 't', 0, G_OPTION_ARG_STRING, NULL, N_("Only entries with a tag (iana, a vendor such as nginx, webdav)"), N_("TAG") },
  { "favourites", 'f', 0, G_OPTION_ARG_NONE, NULL, N_("Only favourites"), NULL },
  { "favorites", 0, G_OPTION_FLAG_HIDDEN, G_OPTION_ARG_NONE, NULL, NULL, NULL },
  { "list", 'l', 0, G_OPTION_ARG_NONE, NULL, N_("Print every entry in code order"), NULL },
  { "limit", 'n', 0, G_OPTION_ARG_STRING, NULL, N_("Print at most N entries"), N_("N") },
  { "star", 0, 0, G_OPTION_ARG_STRING, NULL, N_("Add an entry to the favourites"), N_("ID") },
  { "unstar", 0, 0, G_OPTION_ARG_STRING, NULL, N_("Remove an entry from the favourites"), N_("ID") },
  { "explain", 0, 0, G_OPTION_ARG_STRING, NULL, N_("Count and explain every status in a log, a HAR file or a pasted response (- for standard input)"), N_("FILE") },
  { "json", 'j', 0, G_OPTION_ARG_NONE, NULL, N_("Print a JSON array of entry objects"), NULL },
  { "version", 'v', 0, G_OPTION_ARG_NONE, NULL, N_("Print the version and exit"), NULL },
  { G_OPTION_REMAINING, 0, 0, G_OPTION_ARG_STRING_ARRAY, NULL, NULL, N_("[CODE…]") },
  { NULL }
};

const GOptionEntry *
teapot_cli_get_option_entries (void)
{
  return option_entries;
}

static int G_GNUC_PRINTF (2, 3)
complain (int         status,
          const char *format,
          ...)
{
  g_autofree char *message = NULL;
  va_list args;

  va_start (args, format);
  message = g_strdup_vprintf (format, args);
  va_end (args);

  fprintf (stderr, "teapot: %s\n", message);
  return status;
}

gboolean
teapot_cli_check_arguments (char **argv,
                            int   *exit_status)
{
  g_autoptr(GOptionContext) context = g_option_context_new (NULL);
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) copy = g_strdupv (argv);
  char **args = copy;
  /* GApplication's own switch, which this first pass must not reject. */
  gboolean service = FALSE;
  const GOptionEntry gapplication_entries[] = {
    { "gapplication-service", 0, G_OPTION_FLAG_HIDDEN, G_OPTION_ARG_NONE, &service, NULL, NULL },
    { NULL }
  };
  g_autofree GOptionEntry *entries = NULL;
  gsize n = 0;
  /* Storage the first pass parses into and throws away. */
  char *strings[16] = { NULL };
  gboolean flags[16] = { FALSE };
  char **remaining = NULL;

  while (option_entries[n].long_name != NULL)
    n++;
  entries = g_memdup2 (option_entries, sizeof (GOptionEntry) * (n + 1));
  for (gsize i = 0; i < n; i++)
    {
      if (entries[i].arg == G_OPTION_ARG_STRING)
        entries[i].arg_data = &strings[i];
      else if (entries[i].arg == G_OPTION_ARG_NONE)
        entries[i].arg_data = &flags[i];
      else
        entries[i].arg_data = &remaining;
    }

  g_option_context_set_help_enabled (context, FALSE);
  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  g_option_context_add_main_entries (context, gapplication_entries, NULL);

  /* --help is GApplication's to answer. */
  for (int i = 1; argv[i] != NULL; i++)
    if (g_str_equal (argv[i], "--"))
      break;
    else if (g_str_has_prefix (argv[i], "--help") || g_str_equal (argv[i], "-h") || g_str_equal (argv[i], "-?"))
      return TRUE;

  if (!g_option_context_parse_strv (context, &args, &error))
    {
      *exit_status = complain (TEAPOT_EXIT_USAGE, _("%s (see “teapot --help”)"), error->message);
    }

  for (gsize i = 0; i < G_N_ELEMENTS (strings); i++)
    g_free (strings[i]);
  g_strfreev (remaining);

  return error == NULL;
}

static TeapotOutputStyle
terminal_style (void)
{
  TeapotOutputStyle style = { FALSE, 0 };

  if (isatty (STDOUT_FILENO))
    {
      struct winsize size;

      style.color = g_getenv ("NO_COLOR") == NULL || *g_getenv ("NO_COLOR") == '\0';
      style.width = ioctl (STDOUT_FILENO, TIOCGWINSZ, &size) == 0 && size.ws_col > 0 ? size.ws_col : 80;
    }
  return style;
}

static void
print (GString *out)
{
  fwrite (out->str, 1, out->len, stdout);
  fflush (stdout);
}

static gboolean
parse_class (const char *text,
             guint      *digit)
{
  if (text == NULL)
    return TRUE;
  if ((strlen (text) == 1 || (strlen (text) == 3 && g_ascii_tolower (text[1]) == 'x'
                              && g_ascii_tolower (text[2]) == 'x'))
      && text[0] >= '1' && text[0] <= '5')
    {
      *digit = text[0] - '0';
      return TRUE;
    }
  return FALSE;
}

static gboolean
parse_code (const char *text,
            guint      *code)
{
  if (strlen (text) != 3 || text[0] < '1' || text[0] > '9' || !g_ascii_isdigit (text[1])
      || !g_ascii_isdigit (text[2]))
    return FALSE;
  *code = (guint) g_ascii_strtoull (text, NULL, 10);
  return TRUE;
}

static gboolean
tag_exists (TeapotStore *store,
            const char  *tag)
{
  g_autoptr(GPtrArray) tags = teapot_store_list_tags (store);

  for (guint i = 0; i < tags->len; i++)
    if (g_str_equal (((TeapotTagCount *) g_ptr_array_index (tags, i))->tag, tag))
      return TRUE;
  return FALSE;
}

static char *
known_tags (TeapotStore *store)
{
  g_autoptr(GPtrArray) tags = teapot_store_list_tags (store);
  GString *out = g_string_new (NULL);

  for (guint i = 0; i < tags->len; i++)
    g_string_append_printf (out, "%s%s", i > 0 ? ", " : "", ((TeapotTagCount *) g_ptr_array_index (tags, i))->tag);
  return g_string_free (out, FALSE);
}

static int
print_entries (GPtrArray *entries,
               gboolean   json,
               gboolean   detail)
{
  g_autoptr(GString) out = g_string_new (NULL);
  TeapotOutputStyle style = terminal_style ();

  if (json)
    teapot_output_json (out, entries);
  else if (detail)
    for (guint i = 0; i < entries->len; i++)
      {
        if (i > 0)
          g_string_append_c (out, '\n');
        teapot_output_detail (out, g_ptr_array_index (entries, i), &style);
      }
  else
    teapot_output_table (out, entries, &style);

  print (out);
  return TEAPOT_EXIT_OK;
}

static int
print_codes (TeapotStore  *store,
             const char  **codes,
             gboolean      json)
{
  g_autoptr(GPtrArray) entries = g_ptr_array_new_with_free_func (g_object_unref);
  int status = TEAPOT_EXIT_OK;

  for (guint i = 0; codes[i] != NULL; i++)
    {
      g_autoptr(GPtrArray) found = NULL;
      guint code;

      if (!parse_code (codes[i], &code))
        return complain (TEAPOT_EXIT_USAGE, _("“%s” is not a three-digit status code"), codes[i]);

      found = teapot_store_lookup_code (store, code);
      if (found->len == 0)
        status = complain (TEAPOT_EXIT_NOT_FOUND, _("%u is not a known status code"), code);
      for (guint j = 0; j < found->len; j++)
        g_ptr_array_add (entries, g_object_ref (g_ptr_array_index (found, j)));
    }

  if (entries->len > 0 || json)
    print_entries (entries, json, TRUE);
  return status;
}

static int
set_favourite (TeapotStore *store,
               const char  *id,
               gboolean     favourite)
{
  g_autoptr(GError) error = NULL;

  if (!teapot_store_set_favourite (store, id, favourite, &error))
    return complain (TEAPOT_EXIT_NOT_FOUND, "%s", error->message);
  return TEAPOT_EXIT_OK;
}

static gboolean
lookup_string (GVariantDict  *options,
               const char    *key,
               const char   **value)
{
  *value = NULL;
  return g_variant_dict_lookup (options, key, "&s", value);
}

int
teapot_cli_run (GVariantDict  *options,
                char         **open_id)
{
  g_autoptr(TeapotStore) store = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) entries = NULL;
  g_autofree const char **codes = NULL;
  const char *open = NULL, *search = NULL, *class_text = NULL, *tag = NULL, *limit_text = NULL;
  const char *star = NULL, *unstar = NULL;
  gboolean favourites = FALSE, list = FALSE, json = FALSE;
  TeapotFilter filter = { 0 };
  guint64 limit = 0;
  guint modes;

  if (g_variant_dict_contains (options, "version"))
    {
      printf ("teapot %s\n", PACKAGE_VERSION);
      return TEAPOT_EXIT_OK;
    }

  if (g_variant_dict_contains (options, "explain"))
    return teapot_explain_command_run (options);

  lookup_string (options, "open", &open);
  lookup_string (options, "search", &search);
  lookup_string (options, "class", &class_text);
  lookup_string (options, "tag", &tag);
  lookup_string (options, "limit", &limit_text);
  lookup_string (options, "star", &star);
  lookup_string (options, "unstar", &unstar);
  favourites = g_variant_dict_contains (options, "favourites") || g_variant_dict_contains (options, "favorites");
  list = g_variant_dict_contains (options, "list");
  json = g_variant_dict_contains (options, "json");
  g_variant_dict_lookup (options, G_OPTION_REMAINING, "^a&s", &codes);

  modes = (codes != NULL && codes[0] != NULL) + (search != NULL || favourites || list) + (star != NULL)
          + (unstar != NULL) + (open != NULL);
  if (modes > 1)
    return complain (TEAPOT_EXIT_USAGE,
                     _("choose one of CODE…, --search/--favourites, --list, --star, --unstar, --open"));

  if ((class_text || tag || limit_text) && !(search || favourites || list))
    return complain (TEAPOT_EXIT_USAGE, _("--class, --tag and --limit go with --search, --favourites or --list"));
  if (json && (star || unstar || open || modes == 0))
    return complain (TEAPOT_EXIT_USAGE, _("--json goes with CODE…, --search, --favourites or --list"));
  if (!parse_class (class_text, &filter.class_digit))
    return complain (TEAPOT_EXIT_USAGE, _("--class takes 1xx, 2xx, 3xx, 4xx or 5xx, not “%s”"), class_text);
  if (limit_text != NULL)
    {
      if (!g_ascii_string_to_unsigned (limit_text, 10, 1, MAX_LIMIT, &limit, NULL))
        return complain (TEAPOT_EXIT_USAGE, _("--limit takes a whole number from 1 to %d, not “%s”"),
                         MAX_LIMIT, limit_text);
    }
  if (search != NULL && !g_utf8_validate (search, -1, NULL))
    return complain (TEAPOT_EXIT_USAGE, _("--search needs text in UTF-8"));
  if (codes != NULL)
    for (guint i = 0; codes[i] != NULL; i++)
      {
        guint code;

        if (!parse_code (codes[i], &code))
          return complain (TEAPOT_EXIT_USAGE, _("“%s” is not a three-digit status code"), codes[i]);
      }

  if (modes == 0)
    return -1;

  store = teapot_store_new (NULL, &error);
  if (store == NULL)
    return complain (TEAPOT_EXIT_NOT_FOUND, "%s", error->message);
  if (teapot_store_get_notice (store) != NULL)
    complain (0, "%s", teapot_store_get_notice (store));

  if (tag != NULL && !tag_exists (store, tag))
    {
      g_autofree char *known = known_tags (store);
      return complain (TEAPOT_EXIT_USAGE, _("unknown tag “%s” (known tags: %s)"), tag, known);
    }
  filter.tag = tag;
  filter.favourites = favourites;

  if (open != NULL)
    {
      g_autoptr(TeapotEntry) entry = teapot_store_lookup_id (store, open);

      if (entry == NULL)
        return complain (TEAPOT_EXIT_NOT_FOUND, _("no entry has the id “%s”"), open);
      *open_id = g_strdup (open);
      return -1;
    }
  if (star != NULL)
    return set_favourite (store, star, TRUE);
  if (unstar != NULL)
    return set_favourite (store, unstar, FALSE);
  if (codes != NULL && codes[0] != NULL)
    return print_codes (store, codes, json);

  if (search != NULL)
    entries = teapot_store_search (store, search, &filter, limit > 0 ? limit : DEFAULT_SEARCH_LIMIT);
  else
    entries = teapot_store_list (store, &filter, limit);

  print_entries (entries, json, FALSE);
  if (entries->len == 0)
    {
      if (!json)
        complain (0, search != NULL ? _("nothing matches “%s”") : _("no entries"), search);
      return TEAPOT_EXIT_NOT_FOUND;
    }
  return TEAPOT_EXIT_OK;
}
