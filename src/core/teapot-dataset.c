/* teapot-dataset.c
 *
 * Copyright The Teapot authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include "teapot-dataset.h"
#include "teapot-markup.h"
#include "teapot-dataset-format.h"

G_DEFINE_QUARK (teapot-dataset-error-quark, teapot_dataset_error)

static const char * const registered_statuses[] = { "permanent", "temporary", "unused", "obsoleted", NULL };
static const char * const constant_languages[] = {
  "python", "go", "rust", "dotnet", "java", "aspnetcore", "symfony", "rack", "ktor", "jaxrs", NULL
};

/* Leaf elements whose text we collect, with the record field they fill. */
typedef enum
{
  LEAF_NONE,
  LEAF_PHRASE,
  LEAF_SUMMARY,
  LEAF_DESCRIPTION,
  LEAF_ALIAS,
  LEAF_KEYWORD,
  LEAF_MESSAGE,
  LEAF_HEADER,
  LEAF_RELATED,
  LEAF_TAG,
  LEAF_CONSTANT,
  LEAF_PREVALENCE,
} Leaf;

static const struct
{
  const char *name;
  Leaf leaf;
} leaves[] = {
  { "phrase", LEAF_PHRASE },
  { "summary", LEAF_SUMMARY },
  { "description", LEAF_DESCRIPTION },
  { "alias", LEAF_ALIAS },
  { "keyword", LEAF_KEYWORD },
  { "message", LEAF_MESSAGE },
  { "header", LEAF_HEADER },
  { "related", LEAF_RELATED },
  { "tag", LEAF_TAG },
  { "constant", LEAF_CONSTANT },
  { "prevalence", LEAF_PREVALENCE },
};

typedef struct
{
  const char *filename;
  GPtrArray *records;
  TeapotRecord *current;
  gboolean in_root;
  Leaf leaf;
  int leaf_line;
  GString *text;
  TeapotConstant *constant;
} ParseState;

/* Source files are pretty-printed: runs of white space inside a text are one space. */
static char *
collapse_space (const char *text)
{
  GString *out = g_string_new (NULL);
  gboolean pending_space = FALSE;

  for (const char *p = text; *p; p++)
    {
      if (g_ascii_isspace (*p))
        {
          pending_space = out->len > 0;
          continue;
        }
      if (pending_space)
        g_string_append_c (out, ' ');
      pending_space = FALSE;
      g_string_append_c (out, *p);
    }

  return g_string_free (out, FALSE);
}

static gboolean
start_entry (ParseState           *state,
             GMarkupParseContext  *context,
             const char          **names,
             const char          **values,
             GError              **error)
{
  const char *code = NULL, *status = NULL, *vendor = NULL, *cacheable = NULL, *subcode = NULL;
  int line = _teapot_markup_line (context);
  TeapotRecord *record;

  if (!g_markup_collect_attributes ("entry", names, values, error,
                                    G_MARKUP_COLLECT_STRING, "code", &code,
                                    G_MARKUP_COLLECT_STRING, "status", &status,
                                    G_MARKUP_COLLECT_STRING | G_MARKUP_COLLECT_OPTIONAL, "vendor", &vendor,
                                    G_MARKUP_COLLECT_STRING | G_MARKUP_COLLECT_OPTIONAL, "cacheable", &cacheable,
                                    G_MARKUP_COLLECT_STRING | G_MARKUP_COLLECT_OPTIONAL, "subcode", &subcode,
                                    G_MARKUP_COLLECT_INVALID))
    return FALSE;

  record = teapot_record_new ();
  record->file = g_strdup (state->filename);
  record->line = line;
  g_ptr_array_add (state->records, record);
  state->current = record;

  if (!teapot_dataset_parse_code (code, &record->code))
    return _teapot_markup_fail (error, state->filename, line, "code \"%s\" is not a three-digit status code (100-999, or 000)", code);

  if (g_strcmp0 (status, "unofficial") == 0)
    {
      if (!teapot_dataset_is_vendor_id (vendor))
        return _teapot_markup_fail (error, state->filename, line,
                     "an unofficial code needs vendor=\"...\" (lowercase letters, digits, '-')");
      record->vendor = g_strdup (vendor);
    }
  else if (g_strv_contains (registered_statuses, status))
    {
      if (vendor != NULL)
        return _teapot_markup_fail (error, state->filename, line,
                     "vendor=\"%s\" on a registered code: use status=\"unofficial\"", vendor);
    }
  else
    return _teapot_markup_fail (error, state->filename, line,
                 "status \"%s\" is not one of permanent, temporary, unused, obsoleted, unofficial", status);

  if (cacheable != NULL && g_strcmp0 (cacheable, "yes") != 0 && g_strcmp0 (cacheable, "no") != 0)
    return _teapot_markup_fail (error, state->filename, line, "cacheable must be \"yes\" or \"no\"");

  if (subcode != NULL && record->vendor == NULL)
    return _teapot_markup_fail (error, state->filename, line, "subcode=\"%s\" on a registered code: a sub-code is a vendor's", subcode);
  if (subcode != NULL && !teapot_dataset_is_subcode (subcode, record->code))
    return _teapot_markup_fail (error, state->filename, line,
                 "subcode \"%s\" is neither %s.N (1 to 3 digits) nor a four-digit vendor number",
                 subcode, code);

  record->status = g_strdup (status);
  record->cacheable = g_strcmp0 (cacheable, "yes") == 0;
  record->subcode = g_strdup (subcode);
  record->id = subcode != NULL ? teapot_record_derive_subcode_id (subcode, record->vendor)
                               : teapot_record_derive_id (record->code, record->vendor);

  return TRUE;
}

static gboolean
is_http_url (const char *url)
{
  return g_uri_is_valid (url, G_URI_FLAGS_NONE, NULL)
         && (g_str_has_prefix (url, "https://") || g_str_has_prefix (url, "http://"));
}

static gboolean
start_reference (ParseState           *state,
                 GMarkupParseContext  *context,
                 const char          **names,
                 const char          **values,
                 GError              **error)
{
  const char *title = NULL, *section = NULL, *url = NULL;
  int line = _teapot_markup_line (context);
  TeapotRecord *record = state->current;

  if (!g_markup_collect_attributes ("reference", names, values, error,
                                    G_MARKUP_COLLECT_STRING, "title", &title,
                                    G_MARKUP_COLLECT_STRING | G_MARKUP_COLLECT_OPTIONAL, "section", &section,
                                    G_MARKUP_COLLECT_STRING, "url", &url,
                                    G_MARKUP_COLLECT_INVALID))
    return FALSE;

  if (record->ref_url != NULL)
    return _teapot_markup_fail (error, state->filename, line, "entry %s has a second <reference>", record->id);
  if (*title == '\0')
    return _teapot_markup_fail (error, state->filename, line, "<reference> has an empty title");
  if (!is_http_url (url))
    return _teapot_markup_fail (error, state->filename, line, "reference url \"%s\" is not a well-formed http(s) URL", url);

  record->ref_title = g_strdup (title);
  record->ref_section = g_strdup (section != NULL ? section : "");
  record->ref_url = g_strdup (url);

  return TRUE;
}

static gboolean
start_constant (ParseState   *state,
                int           line,
                const char  **names,
                const char  **values,
                GError      **error)
{
  const char *lang = NULL, *since = NULL, *until = NULL, *then = NULL;
  g_autofree char *known = NULL;
  TeapotConstant *constant;

  if (!g_markup_collect_attributes ("constant", names, values, error,
                                    G_MARKUP_COLLECT_STRING, "lang", &lang,
                                    G_MARKUP_COLLECT_STRING | G_MARKUP_COLLECT_OPTIONAL, "since", &since,
                                    G_MARKUP_COLLECT_STRING | G_MARKUP_COLLECT_OPTIONAL, "until", &until,
                                    G_MARKUP_COLLECT_STRING | G_MARKUP_COLLECT_OPTIONAL, "then", &then,
                                    G_MARKUP_COLLECT_INVALID))
    return FALSE;

  known = g_strjoinv (", ", (char **) constant_languages);
  if (!g_strv_contains (constant_languages, lang))
    return _teapot_markup_fail (error, state->filename, line, "constant language \"%s\" is not one of %s", lang, known);
  if (since != NULL && !teapot_dataset_is_version (since))
    return _teapot_markup_fail (error, state->filename, line, "since=\"%s\" is not a version such as 3.13 or 6.0.5", since);
  if (until != NULL && !teapot_dataset_is_version (until))
    return _teapot_markup_fail (error, state->filename, line, "until=\"%s\" is not a version such as 3.13 or 6.0.5", until);
  if (since != NULL && until != NULL && teapot_dataset_compare_versions (since, until) >= 0)
    return _teapot_markup_fail (error, state->filename, line, "since=\"%s\" is not before until=\"%s\"", since, until);
  if ((until != NULL) != (then != NULL))
    return _teapot_markup_fail (error, state->filename, line, "until= and then= go together");
  if (then != NULL && !g_str_equal (then, "alias") && !g_str_equal (then, "removed"))
    return _teapot_markup_fail (error, state->filename, line, "then=\"%s\" is not alias or removed", then);

  constant = g_new0 (TeapotConstant, 1);
  constant->lang = g_strdup (lang);
  constant->since = g_strdup (since);
  constant->until = g_strdup (until);
  constant->then = g_strdup (then);
  state->constant = constant;
  return TRUE;
}

static gboolean
start_prevalence (ParseState   *state,
                  int           line,
                  const char  **names,
                  const char  **values,
                  GError      **error)
{
  const char *level = NULL;

  if (!g_markup_collect_attributes ("prevalence", names, values, error,
                                    G_MARKUP_COLLECT_STRING, "level", &level,
                                    G_MARKUP_COLLECT_INVALID))
    return FALSE;
  if (strlen (level) != 1 || level[0] < '1' || level[0] > '5')
    return _teapot_markup_fail (error, state->filename, line, "prevalence level \"%s\" is not 1 (rare) to 5 (everyday)", level);
  if (state->current->prevalence != 0)
    return _teapot_markup_fail (error, state->filename, line, "entry %s has a second <prevalence>", state->current->id);
  state->current->prevalence = level[0] - '0';
  return TRUE;
}

/* An optional attribute whose one value is "yes": <phrase ours="yes">, <keyword translate="yes">. */
static gboolean
collect_flag (ParseState   *state,
              int           line,
              const char   *element,
              const char   *attribute,
              const char  **names,
              const char  **values,
              gboolean     *flag,
              GError      **error)
{
  const char *value = NULL;

  if (!g_markup_collect_attributes (element, names, values, error,
                                    G_MARKUP_COLLECT_STRING | G_MARKUP_COLLECT_OPTIONAL, attribute, &value,
                                    G_MARKUP_COLLECT_INVALID))
    return FALSE;
  if (value != NULL && !g_str_equal (value, "yes"))
    return _teapot_markup_fail (error, state->filename, line, "<%s %s=\"...\"> takes only \"yes\"", element, attribute);
  *flag = value != NULL;
  return TRUE;
}

static void
on_start_element (GMarkupParseContext  *context,
                  const char           *element,
                  const char          **names,
                  const char          **values,
                  gpointer              user_data,
                  GError              **error)
{
  ParseState *state = user_data;
  int line = _teapot_markup_line (context);

  if (state->leaf != LEAF_NONE)
    {
      _teapot_markup_fail (error, state->filename, line, "<%s> cannot contain <%s>", leaves[state->leaf - 1].name, element);
      return;
    }

  if (!state->in_root)
    {
      if (g_strcmp0 (element, "codes") != 0)
        _teapot_markup_fail (error, state->filename, line, "the root element must be <codes>, not <%s>", element);
      else
        state->in_root = TRUE;
      return;
    }

  if (state->current == NULL)
    {
      if (g_strcmp0 (element, "entry") != 0)
        _teapot_markup_fail (error, state->filename, line, "<codes> holds only <entry> elements, not <%s>", element);
      else
        start_entry (state, context, names, values, error);
      return;
    }

  if (g_strcmp0 (element, "reference") == 0)
    {
      start_reference (state, context, names, values, error);
      return;
    }

  for (guint i = 0; i < G_N_ELEMENTS (leaves); i++)
    {
      if (g_strcmp0 (element, leaves[i].name) != 0)
        continue;

      if (leaves[i].leaf == LEAF_CONSTANT)
        {
          if (!start_constant (state, line, names, values, error))
            return;
        }
      else if (leaves[i].leaf == LEAF_PREVALENCE)
        {
          if (!start_prevalence (state, line, names, values, error))
            return;
        }
      else if (leaves[i].leaf == LEAF_PHRASE)
        {
          if (!collect_flag (state, line, element, "ours", names, values, &state->current->phrase_ours, error))
            return;
        }
      else if (leaves[i].leaf == LEAF_KEYWORD)
        {
          /* Only marks the keyword for translation (teapot-codes.its); the refdb writer
           * looks every keyword up in the catalogs. */
          gboolean translate;

          if (!collect_flag (state, line, element, "translate", names, values, &translate, error))
            return;
        }
      else if (leaves[i].leaf == LEAF_MESSAGE)
        {
          const char *source = NULL;

          /* What a program prints is a fact about that program: say where it is printed. */
          if (!g_markup_collect_attributes (element, names, values, error,
                                            G_MARKUP_COLLECT_STRING, "source", &source,
                                            G_MARKUP_COLLECT_INVALID))
            return;
          if (!is_http_url (source))
            {
              _teapot_markup_fail (error, state->filename, line, "message source \"%s\" is not a well-formed http(s) URL", source);
              return;
            }
        }
      else if (!g_markup_collect_attributes (element, names, values, error, G_MARKUP_COLLECT_INVALID, NULL))
        return;

      state->leaf = leaves[i].leaf;
      state->leaf_line = line;
      g_string_truncate (state->text, 0);
      return;
    }

  _teapot_markup_fail (error, state->filename, line, "unknown element <%s> in an entry", element);
}

static gboolean
set_once (char       **field,
          char        *value,
          ParseState  *state,
          const char  *name,
          GError     **error)
{
  if (*field != NULL)
    {
      g_free (value);
      return _teapot_markup_fail (error, state->filename, state->leaf_line, "entry %s has a second <%s>", state->current->id, name);
    }
  *field = value;
  return TRUE;
}

/* A library has one current name for a status (the one without until=); the others are its
 * history. */
static gboolean
add_constant (ParseState      *state,
              TeapotConstant  *constant,
              GError         **error)
{
  TeapotRecord *record = state->current;
  guint at = record->constant_history->len;

  for (guint i = 0; i < record->constant_history->len; i++)
    {
      TeapotConstant *other = g_ptr_array_index (record->constant_history, i);

      if (!g_str_equal (other->lang, constant->lang))
        continue;
      if (g_str_equal (other->name, constant->name) || (other->until == NULL && constant->until == NULL))
        {
          if (g_str_equal (other->name, constant->name))
            _teapot_markup_fail (error, state->filename, state->leaf_line, "entry %s names the %s constant %s twice",
                  record->id, constant->lang, constant->name);
          else
            _teapot_markup_fail (error, state->filename, state->leaf_line,
                  "entry %s has two current %s constants (mark the older one until=\"VERSION\")",
                  record->id, constant->lang);
          teapot_constant_free (constant);
          return FALSE;
        }
      at = i + 1;
    }

  /* A language's names stay together, oldest first as written. */
  g_ptr_array_insert (record->constant_history, at, constant);
  if (constant->until == NULL)
    {
      g_ptr_array_add (record->constant_langs, g_strdup (constant->lang));
      g_ptr_array_add (record->constant_values, g_strdup (constant->name));
    }
  return TRUE;
}

static gboolean
finish_leaf (ParseState  *state,
             GError     **error)
{
  TeapotRecord *record = state->current;
  const char *name = leaves[state->leaf - 1].name;
  char *value = collapse_space (state->text->str);

  if (*value == '\0')
    {
      g_free (value);
      return _teapot_markup_fail (error, state->filename, state->leaf_line, "<%s> is empty", name);
    }

  switch (state->leaf)
    {
    case LEAF_PHRASE:
      return set_once (&record->phrase, value, state, name, error);
    case LEAF_SUMMARY:
      return set_once (&record->summary, value, state, name, error);
    case LEAF_DESCRIPTION:
      return set_once (&record->description, value, state, name, error);
    case LEAF_ALIAS:
      g_ptr_array_add (record->aliases, value);
      return TRUE;
    case LEAF_KEYWORD:
    case LEAF_MESSAGE:
      /* A message is searched as a keyword: found by its words, and as a phrase in a paste. */
      g_ptr_array_add (record->keywords, value);
      return TRUE;
    case LEAF_HEADER:
      g_ptr_array_add (record->headers, value);
      return TRUE;
    case LEAF_RELATED:
      g_ptr_array_add (record->related, value);
      return TRUE;
    case LEAF_TAG:
      if (!teapot_dataset_is_vendor_id (value) || g_strcmp0 (value, "iana") == 0)
        {
          _teapot_markup_fail (error, state->filename, state->leaf_line, "tag \"%s\" is not a lowercase topical tag", value);
          g_free (value);
          return FALSE;
        }
      g_ptr_array_add (record->tags, value);
      return TRUE;
    case LEAF_CONSTANT:
      state->constant->name = value;
      return add_constant (state, g_steal_pointer (&state->constant), error);
    case LEAF_PREVALENCE:
      return set_once (&record->prevalence_reason, value, state, name, error);
    case LEAF_NONE:
    default:
      g_assert_not_reached ();
    }
}

static gboolean
finish_entry (ParseState           *state,
              GMarkupParseContext  *context,
              GError              **error)
{
  TeapotRecord *record = state->current;
  int line = record->line;

  if (record->phrase == NULL)
    return _teapot_markup_fail (error, state->filename, line, "entry %s has no <phrase>", record->id);
  if (record->summary == NULL)
    return _teapot_markup_fail (error, state->filename, line, "entry %s has no <summary>", record->id);
  if (record->description == NULL)
    return _teapot_markup_fail (error, state->filename, line, "entry %s has no <description>", record->id);
  if (record->ref_url == NULL)
    return _teapot_markup_fail (error, state->filename, line, "entry %s has no <reference>", record->id);
  if (record->prevalence == 0)
    return _teapot_markup_fail (error, state->filename, line, "entry %s has no <prevalence level=\"1..5\">reason</prevalence>",
                 record->id);

  return TRUE;
}

static void
on_end_element (GMarkupParseContext  *context,
                const char           *element,
                gpointer              user_data,
                GError              **error)
{
  ParseState *state = user_data;

  if (state->leaf != LEAF_NONE)
    {
      finish_leaf (state, error);
      state->leaf = LEAF_NONE;
      g_clear_pointer (&state->constant, teapot_constant_free);
    }
  else if (g_strcmp0 (element, "entry") == 0)
    {
      finish_entry (state, context, error);
      state->current = NULL;
    }
}

static void
on_text (GMarkupParseContext  *context,
         const char           *text,
         gsize                 length,
         gpointer              user_data,
         GError              **error)
{
  ParseState *state = user_data;

  if (state->leaf != LEAF_NONE)
    {
      g_string_append_len (state->text, text, length);
      return;
    }

  _teapot_markup_only_space (context, state->filename, text, length, "text outside of a field element", error);
}

static const GMarkupParser parser = {
  on_start_element,
  on_end_element,
  on_text,
  NULL,
  NULL,
};

gboolean
teapot_dataset_parse (const char  *filename,
                      const char  *text,
                      gssize       length,
                      GPtrArray   *records,
                      GError     **error)
{
  ParseState state = { 0 };
  gboolean ok;

  g_return_val_if_fail (filename != NULL, FALSE);
  g_return_val_if_fail (text != NULL, FALSE);
  g_return_val_if_fail (records != NULL, FALSE);

  state.filename = filename;
  state.records = records;
  state.text = g_string_new (NULL);

  ok = _teapot_markup_parse (&parser, &state, filename, text, length, error);
  if (ok && !state.in_root)
    ok = _teapot_markup_fail (error, filename, 1, "no <codes> element");

  g_string_free (state.text, TRUE);
  teapot_constant_free (state.constant);

  return ok;
}

static int
compare_records (gconstpointer a,
                 gconstpointer b)
{
  const TeapotRecord *ra = *(TeapotRecord * const *) a;
  const TeapotRecord *rb = *(TeapotRecord * const *) b;

  if (ra->code != rb->code)
    return ra->code < rb->code ? -1 : 1;
  if ((ra->vendor == NULL) != (rb->vendor == NULL))
    return ra->vendor == NULL ? -1 : 1;
  /* A status's own meanings first, then the vendors' details on it. */
  if ((ra->subcode == NULL) != (rb->subcode == NULL))
    return ra->subcode == NULL ? -1 : 1;
  if (ra->subcode != NULL && !g_str_equal (ra->subcode, rb->subcode))
    return teapot_dataset_compare_versions (ra->subcode, rb->subcode);
  return g_strcmp0 (ra->vendor, rb->vendor);
}

gboolean
teapot_dataset_validate (GPtrArray  *records,
                         GError    **error)
{
  g_autoptr(GHashTable) ids = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(GHashTable) statuses = g_hash_table_new (g_direct_hash, g_direct_equal);

  g_return_val_if_fail (records != NULL, FALSE);

  for (guint i = 0; i < records->len; i++)
    {
      TeapotRecord *record = g_ptr_array_index (records, i);

      if (record->subcode == NULL)
        g_hash_table_add (statuses, GUINT_TO_POINTER (record->code));
    }

  for (guint i = 0; i < records->len; i++)
    {
      TeapotRecord *record = g_ptr_array_index (records, i);
      TeapotRecord *other = g_hash_table_lookup (ids, record->id);

      if (other != NULL)
        return _teapot_markup_fail (error, record->file, record->line, "id %s is already defined at %s:%d",
                     record->id, other->file, other->line);
      g_hash_table_insert (ids, record->id, record);

      /* The detail page of the status lists its sub-codes: the status must be there. */
      if (record->subcode != NULL && !g_hash_table_contains (statuses, GUINT_TO_POINTER (record->code)))
        return _teapot_markup_fail (error, record->file, record->line, "sub-code %s is served with %03u, which has no entry",
                     record->id, record->code);
    }

  for (guint i = 0; i < records->len; i++)
    {
      TeapotRecord *record = g_ptr_array_index (records, i);

      for (guint j = 0; j < record->related->len; j++)
        {
          const char *related = g_ptr_array_index (record->related, j);

          if (!g_hash_table_contains (ids, related))
            return _teapot_markup_fail (error, record->file, record->line, "entry %s: related id %s does not exist",
                         record->id, related);
          if (g_strcmp0 (related, record->id) == 0)
            return _teapot_markup_fail (error, record->file, record->line, "entry %s is related to itself", record->id);
        }
    }

  g_ptr_array_sort (records, compare_records);
  return TRUE;
}
