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
#include "teapot-compare-command.h"
#include "teapot-comparison.h"
#include "teapot-explain-command.h"
#include "teapot-launcher.h"
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
  { "compare", 0, 0, G_OPTION_ARG_STRING, NULL, N_("Compare codes side by side: ids, or a comparison (redirects, auth, gateway, rejected, success, conditional)"), N_("ID,ID…") },
  { "explain", 0, 0, G_OPTION_ARG_STRING, NULL, N_("Count and explain every status in a log, a HAR file or a pasted response (- for standard input)"), N_("FILE") },
  { "json", 'j', 0, G_OPTION_ARG_NONE, NULL, N_("Print JSON: an array of entry objects (with --compare, with their facts; with --explain, one summary object)"), NULL },
  { "version", 'v', 0, G_OPTION_ARG_NONE, NULL, N_("Print the version and exit"), NULL },
  /* For the shell completions (data/completions/): "ids", "tags" or "comparisons", one per line. */
  { "complete", 0, G_OPTION_FLAG_HIDDEN, G_OPTION_ARG_STRING, NULL, NULL, NULL },
  { G_OPTION_REMAINING, 0, 0, G_OPTION_ARG_STRING_ARRAY, NULL, NULL, N_("[CODE…]") },
  { NULL }
};

const GOptionEntry *
teapot_cli_get_option_entries (void)
{
  return option_entries;
}

/* Every message on stderr: "teapot: ", a capital, no full stop (as GLib's own option
 * errors and the core's messages, which come here too). */
int
teapot_cli_complain (int         status,
                     const char *format,
                     ...)
{
  g_autofree char *message = NULL;
  va_list args;

  va_start (args, format);
  message = g_strdup_vprintf (format, args);
  va_end (args);

  if (g_str_has_suffix (message, ".") && !g_str_has_suffix (message, ".."))
    message[strlen (message) - 1] = '\0';

  if (*message != '\0' && g_utf8_validate (message, -1, NULL))
    {
      const char *rest = g_utf8_next_char (message);
      g_autofree char *first = g_utf8_strup (message, rest - message);

      fprintf (stderr, "teapot: %s%s\n", first, rest);
    }
  else
    fprintf (stderr, "teapot: %s\n", message);
  return status;
}

/* Where the parser puts an option's value, by its kind. */
typedef union
{
  char *string;   /* G_OPTION_ARG_STRING, G_OPTION_ARG_FILENAME */
  gboolean flag;  /* G_OPTION_ARG_NONE */
  int number;     /* G_OPTION_ARG_INT */
  char **strv;    /* G_OPTION_ARG_STRING_ARRAY */
} OptionValue;

/* Into @options as GApplication packs it: the same keys and types, so that teapot_cli_run()
 * reads the `teapot` program's options and the window program's alike. */
static void
pack_option (GVariantDict       *options,
             const GOptionEntry *entry,
             const OptionValue  *value)
{
  switch (entry->arg)
    {
    case G_OPTION_ARG_STRING:
      if (value->string != NULL)
        g_variant_dict_insert (options, entry->long_name, "s", value->string);
      break;
    case G_OPTION_ARG_FILENAME:
      if (value->string != NULL)
        g_variant_dict_insert (options, entry->long_name, "^ay", value->string);
      break;
    case G_OPTION_ARG_NONE:
      if (value->flag)
        g_variant_dict_insert (options, entry->long_name, "b", TRUE);
      break;
    case G_OPTION_ARG_INT:
      /* GApplication cannot tell 0 from absent either. */
      if (value->number != 0)
        g_variant_dict_insert (options, entry->long_name, "i", value->number);
      break;
    case G_OPTION_ARG_STRING_ARRAY:
      if (value->strv != NULL)
        g_variant_dict_insert (options, entry->long_name, "^as", value->strv);
      break;
    default:
      g_assert_not_reached ();
    }
}

/* Parses @argv against the option table as GApplication would, into @options when it is
 * not NULL; GApplication's --gapplication-service sets *@service. With @options, --help is
 * answered here (and exits); without, it is left to GApplication. */
static gboolean
parse_arguments (char         **argv,
                 GVariantDict  *options,
                 gboolean      *service,
                 GError       **error)
{
  g_autoptr(GOptionContext) context = g_option_context_new (NULL);
  g_auto(GStrv) copy = g_strdupv (argv);
  char **args = copy;
  const GOptionEntry gapplication_entries[] = {
    { "gapplication-service", 0, G_OPTION_FLAG_HIDDEN, G_OPTION_ARG_NONE, service, NULL, NULL },
    { NULL }
  };
  g_autofree GOptionEntry *entries = NULL;
  g_autofree OptionValue *values = NULL;
  gsize n = 0;
  gboolean parsed;

  while (option_entries[n].long_name != NULL)
    n++;
  entries = g_memdup2 (option_entries, sizeof (GOptionEntry) * (n + 1));
  values = g_new0 (OptionValue, n);
  for (gsize i = 0; i < n; i++)
    entries[i].arg_data = &values[i];

  g_option_context_set_help_enabled (context, options != NULL);
  g_option_context_set_summary (context, _("Look up HTTP status codes. Without arguments, open the window."));
  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  g_option_context_add_main_entries (context, gapplication_entries, NULL);

  parsed = g_option_context_parse_strv (context, &args, error);

  for (gsize i = 0; i < n; i++)
    {
      if (parsed && options != NULL)
        pack_option (options, &entries[i], &values[i]);
      if (entries[i].arg == G_OPTION_ARG_STRING || entries[i].arg == G_OPTION_ARG_FILENAME)
        g_free (values[i].string);
      else if (entries[i].arg == G_OPTION_ARG_STRING_ARRAY)
        g_strfreev (values[i].strv);
    }
  return parsed;
}

gboolean
teapot_cli_check_arguments (char **argv,
                            int   *exit_status)
{
  g_autoptr(GError) error = NULL;
  gboolean service = FALSE;

  /* --help is GApplication's to answer. */
  for (int i = 1; argv[i] != NULL; i++)
    if (g_str_equal (argv[i], "--"))
      break;
    else if (g_str_has_prefix (argv[i], "--help") || g_str_equal (argv[i], "-h") || g_str_equal (argv[i], "-?"))
      return TRUE;

  if (!parse_arguments (argv, NULL, &service, &error))
    {
      *exit_status = teapot_cli_complain (TEAPOT_EXIT_USAGE, _("%s (see “teapot --help”)"), error->message);
      return FALSE;
    }
  return TRUE;
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
digits_only (const char *text,
             gsize       len)
{
  for (gsize i = 0; i < len; i++)
    if (!g_ascii_isdigit (text[i]))
      return FALSE;
  return TRUE;
}

/* A status (404; 000, no response at all) or a vendor sub-code: "500.19" (IIS), "1020"
 * (Cloudflare). @subcode is TRUE for the latter. */
static gboolean
parse_code (const char *text,
            guint      *code,
            gboolean   *subcode)
{
  gsize len = strlen (text);
  const char *dot = strchr (text, '.');

  *subcode = FALSE;
  if (len == 3 && digits_only (text, 3) && (text[0] != '0' || g_str_equal (text, "000")))
    {
      *code = (guint) g_ascii_strtoull (text, NULL, 10);
      return TRUE;
    }
  *subcode = (len == 4 && digits_only (text, 4) && text[0] != '0')
             || (dot == text + 3 && digits_only (text, 3) && text[0] != '0' && len >= 5 && len <= 7
                 && digits_only (dot + 1, len - 4));
  return *subcode;
}

static gboolean
all_codes (const char * const *texts)
{
  for (guint i = 0; texts[i] != NULL; i++)
    {
      guint code;
      gboolean subcode;

      if (!parse_code (texts[i], &code, &subcode))
        return FALSE;
    }
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
      guint code = 0;
      gboolean subcode;

      if (!parse_code (codes[i], &code, &subcode))
        return teapot_cli_complain (TEAPOT_EXIT_USAGE, _("“%s” is not a three-digit status code or a vendor sub-code"), codes[i]);

      found = subcode ? teapot_store_lookup_subcode (store, codes[i]) : teapot_store_lookup_code (store, code);
      if (found->len == 0)
        status = teapot_cli_complain (TEAPOT_EXIT_NOT_FOUND, _("%s is not a known status code"), codes[i]);
      for (guint j = 0; j < found->len; j++)
        g_ptr_array_add (entries, g_object_ref (g_ptr_array_index (found, j)));
    }

  if (entries->len > 0 || json)
    print_entries (entries, json, TRUE);
  return status;
}

/* An id, or a number that has one meaning ("444" is 444-nginx). A number with several
 * meanings is a bad value: the person chooses among the ids listed. Returns -1 with *@id
 * set, or the exit status after saying why not. */
static int
resolve_id (TeapotStore  *store,
            const char   *text,
            const char  **id)
{
  g_autoptr(TeapotEntry) entry = teapot_store_lookup_id (store, text);
  g_autoptr(GPtrArray) found = NULL;
  g_autoptr(GString) ids = NULL;
  gboolean subcode;
  guint code;

  *id = text;
  if (entry != NULL || !parse_code (text, &code, &subcode))
    return -1;
  found = subcode ? teapot_store_lookup_subcode (store, text) : teapot_store_lookup_code (store, code);
  if (found->len == 0)
    return -1;
  if (found->len == 1)
    {
      *id = g_intern_string (teapot_entry_get_id (g_ptr_array_index (found, 0)));
      return -1;
    }

  ids = g_string_new (NULL);
  for (guint i = 0; i < found->len; i++)
    g_string_append_printf (ids, "%s%s", i > 0 ? ", " : "", teapot_entry_get_id (g_ptr_array_index (found, i)));
  return teapot_cli_complain (TEAPOT_EXIT_USAGE, _("%s has several meanings; choose one of the ids %s"), text, ids->str);
}

static int
set_favourite (TeapotStore *store,
               const char  *text,
               gboolean     favourite)
{
  g_autoptr(GError) error = NULL;
  const char *id;
  int status = resolve_id (store, text, &id);

  if (status >= 0)
    return status;

  if (!teapot_store_set_favourite (store, id, favourite, &error))
    return teapot_cli_complain (TEAPOT_EXIT_NOT_FOUND, "%s", error->message);
  return TEAPOT_EXIT_OK;
}

/* For the shell completions: the values an option takes, one per line; an id is followed by
 * a tab and its phrase, which zsh and fish show beside it. */
static int
print_completions (const char *what)
{
  g_autoptr(TeapotStore) store = NULL;
  g_autoptr(GString) out = g_string_new (NULL);

  if (g_str_equal (what, "comparisons"))
    {
      const TeapotComparisonSet *sets;
      guint n_sets;

      /* The ready-made comparisons need no database. */
      sets = teapot_comparison_get_sets (&n_sets);
      for (guint i = 0; i < n_sets; i++)
        g_string_append_printf (out, "%s\t%s\n", sets[i].id, teapot_comparison_set_get_name (&sets[i]));
      print (out);
      return TEAPOT_EXIT_OK;
    }
  if (!g_str_equal (what, "ids") && !g_str_equal (what, "tags"))
    return teapot_cli_complain (TEAPOT_EXIT_USAGE, _("--complete takes ids, tags or comparisons, not “%s”"), what);

  /* Saved data plays no part: a Tab must not move a damaged file aside unseen. */
  store = teapot_store_new (":memory:", NULL);
  if (store == NULL)
    return TEAPOT_EXIT_NOT_FOUND;

  if (g_str_equal (what, "ids"))
    {
      TeapotFilter all = { 0 };
      g_autoptr(GPtrArray) entries = teapot_store_list (store, &all, 0);

      for (guint i = 0; i < entries->len; i++)
        {
          TeapotEntry *entry = g_ptr_array_index (entries, i);

          g_string_append_printf (out, "%s\t%s\n", teapot_entry_get_id (entry), teapot_entry_get_phrase (entry));
        }
    }
  else
    {
      g_autoptr(GPtrArray) tags = teapot_store_list_tags (store);

      for (guint i = 0; i < tags->len; i++)
        g_string_append_printf (out, "%s\n", ((TeapotTagCount *) g_ptr_array_index (tags, i))->tag);
    }
  print (out);
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
  const char *star = NULL, *unstar = NULL, *complete = NULL;
  gboolean favourites = FALSE, list = FALSE, json = FALSE;
  TeapotFilter filter = { 0 };
  guint64 limit = 0;
  guint modes;

  if (g_variant_dict_contains (options, "version"))
    {
      printf ("teapot %s\n", PACKAGE_VERSION);
      return TEAPOT_EXIT_OK;
    }
  if (lookup_string (options, "complete", &complete))
    return print_completions (complete);

  if (g_variant_dict_contains (options, "explain") && g_variant_dict_contains (options, "compare"))
    return teapot_cli_complain (TEAPOT_EXIT_USAGE, _("--compare goes alone (or with --json)"));
  if (g_variant_dict_contains (options, "explain"))
    return teapot_explain_command_run (options);
  if (g_variant_dict_contains (options, "compare"))
    return teapot_compare_command_run (options);

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

  /* The shell split an unquoted --search=rate limit: "limit" came as a code. */
  if (search != NULL && codes != NULL && !all_codes (codes))
    {
      g_autofree char *rest = g_strjoinv (" ", (char **) codes);

      return teapot_cli_complain (TEAPOT_EXIT_USAGE, _("Quote a search of several words: --search=\"%s %s\""),
                                  search, rest);
    }
  if (search != NULL)
    {
      g_autofree char *stripped = g_strstrip (g_strdup (search));

      if (*stripped == '\0')
        return teapot_cli_complain (TEAPOT_EXIT_USAGE, _("--search needs a query (--list prints every entry)"));
    }

  modes = (codes != NULL && codes[0] != NULL) + (search != NULL || favourites || list) + (star != NULL)
          + (unstar != NULL) + (open != NULL);
  if (modes > 1)
    return teapot_cli_complain (TEAPOT_EXIT_USAGE,
                     _("Choose one of CODE…, --search/--favourites, --list, --star, --unstar, --open"));

  if ((class_text || tag || limit_text) && !(search || favourites || list))
    return teapot_cli_complain (TEAPOT_EXIT_USAGE, _("--class, --tag and --limit go with --search, --favourites or --list"));
  if (json && (star || unstar || open || modes == 0))
    return teapot_cli_complain (TEAPOT_EXIT_USAGE, _("--json goes with CODE…, --search, --favourites or --list"));
  if (!parse_class (class_text, &filter.class_digit))
    return teapot_cli_complain (TEAPOT_EXIT_USAGE, _("--class takes 1xx, 2xx, 3xx, 4xx or 5xx, not “%s”"), class_text);
  if (limit_text != NULL)
    {
      if (!g_ascii_string_to_unsigned (limit_text, 10, 1, MAX_LIMIT, &limit, NULL))
        return teapot_cli_complain (TEAPOT_EXIT_USAGE, _("--limit takes a whole number from 1 to %d, not “%s”"),
                         MAX_LIMIT, limit_text);
    }
  if (search != NULL && !g_utf8_validate (search, -1, NULL))
    return teapot_cli_complain (TEAPOT_EXIT_USAGE, _("--search needs text in UTF-8"));
  if (codes != NULL)
    for (guint i = 0; codes[i] != NULL; i++)
      {
        guint code;
        gboolean subcode;

        if (!parse_code (codes[i], &code, &subcode))
          return teapot_cli_complain (TEAPOT_EXIT_USAGE, _("“%s” is not a three-digit status code or a vendor sub-code"),
                           codes[i]);
      }

  if (modes == 0)
    return -1;

  store = teapot_store_new (NULL, &error);
  if (store == NULL)
    return teapot_cli_complain (TEAPOT_EXIT_NOT_FOUND, "%s", error->message);
  if (teapot_store_get_notice (store) != NULL)
    teapot_cli_complain (0, "%s", teapot_store_get_notice (store));

  if (tag != NULL && !tag_exists (store, tag))
    {
      g_autofree char *known = known_tags (store);
      return teapot_cli_complain (TEAPOT_EXIT_USAGE, _("Unknown tag “%s” (known tags: %s)"), tag, known);
    }
  filter.tag = tag;
  filter.favourites = favourites;

  if (open != NULL)
    {
      g_autoptr(TeapotEntry) entry = NULL;
      const char *id;
      int status = resolve_id (store, open, &id);

      if (status >= 0)
        return status;
      entry = teapot_store_lookup_id (store, id);
      if (entry == NULL)
        return teapot_cli_complain (TEAPOT_EXIT_NOT_FOUND, _("No entry has the id “%s”"), open);
      *open_id = g_strdup (id);
      return -1;
    }
  if (star != NULL)
    return set_favourite (store, star, TRUE);
  if (unstar != NULL)
    return set_favourite (store, unstar, FALSE);
  if (codes != NULL && codes[0] != NULL)
    return print_codes (store, codes, json);

  /* No query lists in code order. */
  entries = teapot_store_search (store, search, &filter,
                                 search != NULL && limit == 0 ? DEFAULT_SEARCH_LIMIT : limit, &error);
  if (entries == NULL)
    return teapot_cli_complain (TEAPOT_EXIT_NOT_FOUND, "%s", error->message);

  print_entries (entries, json, FALSE);
  if (entries->len == 0)
    {
      if (!json)
        teapot_cli_complain (0, search != NULL ? _("Nothing matches “%s”") : _("No entries"), search);
      return TEAPOT_EXIT_NOT_FOUND;
    }
  return TEAPOT_EXIT_OK;
}

int
teapot_cli_main (char **argv)
{
  g_auto(GVariantDict) options = G_VARIANT_DICT_INIT (NULL);
  g_autofree char *open_id = NULL;
  g_autoptr(GError) error = NULL;
  gboolean service = FALSE;

  if (!parse_arguments (argv, &options, &service, &error))
    return teapot_cli_complain (TEAPOT_EXIT_USAGE, _("%s (see “teapot --help”)"), error->message);

  if (!service)
    {
      int status = teapot_cli_run (&options, &open_id);

      if (status >= 0)
        return status;
    }

  /* Said here, before GTK is loaded only to find out (D-Bus activation needs no display). */
  if (!service && g_getenv ("DISPLAY") == NULL && g_getenv ("WAYLAND_DISPLAY") == NULL)
    return teapot_cli_complain (TEAPOT_EXIT_NOT_FOUND, _("No display to open the window on; to look a code up here, "
                                              "run “teapot 404” (see “teapot --help”)"));

  /* The window: its program parses the same arguments again, as a GApplication. */
  teapot_launcher_exec_window (argv, &error);
  return teapot_cli_complain (TEAPOT_EXIT_NOT_FOUND, "%s", error->message);
}
