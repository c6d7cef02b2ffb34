/* teapot-entry.c
 *
 * Copyright The Teapot authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include "teapot-entry-private.h"
#include "teapot-refdb.h"

struct _TeapotEntry
{
  GObject parent_instance;

  gint64 rowid;
  char *id;
  guint code;
  char *subcode;
  char *vendor;
  char *phrase;
  gboolean phrase_ours;
  char class_name[4];
  char *status;
  char **tags;
  char *summary;
  char *description;
  char **aliases;
  char **keywords;
  char **search_keywords;
  char **headers;
  char **related;
  char **constant_languages;
  char **constant_values;
  char **constant_history;  /* lang, name, since, until, then: 5 strings each, "" unstated */
  guint n_constant_names;
  gboolean cacheable;
  guint prevalence;
  char *prevalence_reason;
  char *ref_title;
  char *ref_section;
  char *ref_url;
  gboolean favourite;
};

G_DEFINE_FINAL_TYPE (TeapotEntry, teapot_entry, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_ID,
  PROP_CODE,
  PROP_VENDOR,
  PROP_SUBCODE,
  PROP_PHRASE,
  PROP_CLASS_NAME,
  PROP_STATUS,
  PROP_SUMMARY,
  PROP_DESCRIPTION,
  PROP_REGISTERED,
  PROP_FAVOURITE,
  PROP_PREVALENCE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static char *
column_dup (sqlite3_stmt *stmt,
            int           column)
{
  return g_strdup ((const char *) sqlite3_column_text (stmt, column));
}

/* g_strsplit() for a one-byte separator, at most @max_tokens parts (the last keeps the
 * rest), an empty vector for empty text: one pass to count and one to copy. The first
 * screen's 163 entries split about 1,400 columns, and g_strsplit()'s list of parts cost
 * 2.9 M instructions of that frame. */
static char **
split_on (const char *text,
          char        sep,
          guint       max_tokens)
{
  const char *start = text;
  char **parts;
  guint n = 1;

  if (text == NULL || *text == '\0')
    return g_new0 (char *, 1);
  for (const char *p = text; *p != '\0' && n < max_tokens; p++)
    n += *p == sep;
  parts = g_new (char *, n + 1);
  for (guint i = 0; i < n; i++)
    {
      /* The first n - 1 parts end at a separator counted above. */
      const char *end = i + 1 < n ? strchr (start, sep) : start + strlen (start);

      parts[i] = g_strndup (start, end - start);
      start = end + 1;
    }
  parts[n] = NULL;
  return parts;
}

static char **
column_split (sqlite3_stmt *stmt,
              int           column)
{
  return split_on ((const char *) sqlite3_column_text (stmt, column), TEAPOT_REFDB_LIST_SEP[0], G_MAXUINT);
}

/* Flattens the history column into groups of five strings, so that getters hand out
 * pointers that live as long as the entry. */
static void
split_history (TeapotEntry *self,
               const char  *text)
{
  g_auto(GStrv) items = split_on (text, TEAPOT_REFDB_LIST_SEP[0], G_MAXUINT);
  GPtrArray *flat = g_ptr_array_new ();

  for (guint i = 0; items[i] != NULL; i++)
    {
      char **fields = split_on (items[i], TEAPOT_REFDB_PAIR_SEP[0], 5);
      guint n_fields = g_strv_length (fields);

      /* The parts move into the flat array; missing ones are unstated. */
      for (guint j = 0; j < 5; j++)
        g_ptr_array_add (flat, j < n_fields ? fields[j] : g_strdup (""));
      g_free (fields);
      self->n_constant_names++;
    }
  g_ptr_array_add (flat, NULL);
  self->constant_history = (char **) g_ptr_array_free (flat, FALSE);
}

static void
teapot_entry_finalize (GObject *object)
{
  TeapotEntry *self = (TeapotEntry *) object;

  g_free (self->id);
  g_free (self->subcode);
  g_free (self->vendor);
  g_free (self->phrase);
  g_free (self->status);
  g_strfreev (self->tags);
  g_free (self->summary);
  g_free (self->description);
  g_strfreev (self->aliases);
  g_strfreev (self->keywords);
  g_strfreev (self->search_keywords);
  g_strfreev (self->headers);
  g_strfreev (self->related);
  g_strfreev (self->constant_languages);
  g_strfreev (self->constant_values);
  g_strfreev (self->constant_history);
  g_free (self->prevalence_reason);
  g_free (self->ref_title);
  g_free (self->ref_section);
  g_free (self->ref_url);

  G_OBJECT_CLASS (teapot_entry_parent_class)->finalize (object);
}

static void
teapot_entry_get_property (GObject    *object,
                           guint       prop_id,
                           GValue     *value,
                           GParamSpec *pspec)
{
  TeapotEntry *self = TEAPOT_ENTRY (object);

  switch (prop_id)
    {
    case PROP_ID:
      g_value_set_string (value, self->id);
      break;
    case PROP_CODE:
      g_value_set_uint (value, self->code);
      break;
    case PROP_VENDOR:
      g_value_set_string (value, self->vendor);
      break;
    case PROP_SUBCODE:
      g_value_set_string (value, self->subcode);
      break;
    case PROP_PHRASE:
      g_value_set_string (value, self->phrase);
      break;
    case PROP_CLASS_NAME:
      g_value_set_string (value, self->class_name);
      break;
    case PROP_STATUS:
      g_value_set_string (value, self->status);
      break;
    case PROP_SUMMARY:
      g_value_set_string (value, self->summary);
      break;
    case PROP_DESCRIPTION:
      g_value_set_string (value, self->description);
      break;
    case PROP_REGISTERED:
      g_value_set_boolean (value, self->vendor == NULL);
      break;
    case PROP_FAVOURITE:
      g_value_set_boolean (value, self->favourite);
      break;
    case PROP_PREVALENCE:
      g_value_set_uint (value, self->prevalence);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
teapot_entry_class_init (TeapotEntryClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GParamFlags flags = G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY;

  object_class->finalize = teapot_entry_finalize;
  object_class->get_property = teapot_entry_get_property;

  properties[PROP_ID] = g_param_spec_string ("id", NULL, NULL, NULL, flags);
  properties[PROP_CODE] = g_param_spec_uint ("code", NULL, NULL, 0, 999, 0, flags);
  properties[PROP_VENDOR] = g_param_spec_string ("vendor", NULL, NULL, NULL, flags);
  properties[PROP_SUBCODE] = g_param_spec_string ("subcode", NULL, NULL, NULL, flags);
  properties[PROP_PHRASE] = g_param_spec_string ("phrase", NULL, NULL, NULL, flags);
  properties[PROP_CLASS_NAME] = g_param_spec_string ("class-name", NULL, NULL, NULL, flags);
  properties[PROP_STATUS] = g_param_spec_string ("status", NULL, NULL, NULL, flags);
  properties[PROP_SUMMARY] = g_param_spec_string ("summary", NULL, NULL, NULL, flags);
  properties[PROP_DESCRIPTION] = g_param_spec_string ("description", NULL, NULL, NULL, flags);
  properties[PROP_REGISTERED] = g_param_spec_boolean ("registered", NULL, NULL, FALSE, flags);
  properties[PROP_FAVOURITE] = g_param_spec_boolean ("favourite", NULL, NULL, FALSE, flags);
  properties[PROP_PREVALENCE] = g_param_spec_uint ("prevalence", NULL, NULL, 0, 5, 0, flags);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
teapot_entry_init (TeapotEntry *self)
{
}

TeapotEntry *
_teapot_entry_new_from_row (sqlite3_stmt *stmt)
{
  TeapotEntry *self = g_object_new (TEAPOT_TYPE_ENTRY, NULL);
  g_auto(GStrv) constants = NULL;
  guint n_constants;

  self->rowid = sqlite3_column_int64 (stmt, 0);
  self->id = column_dup (stmt, 1);
  self->code = sqlite3_column_int (stmt, 2);
  self->vendor = column_dup (stmt, 3);
  self->phrase = column_dup (stmt, 4);
  self->status = column_dup (stmt, 5);
  self->tags = column_split (stmt, 6);
  self->summary = column_dup (stmt, 7);
  self->description = column_dup (stmt, 8);
  self->aliases = column_split (stmt, 9);
  self->keywords = column_split (stmt, 10);
  self->headers = column_split (stmt, 11);
  self->related = column_split (stmt, 12);
  constants = column_split (stmt, 13);
  self->cacheable = sqlite3_column_int (stmt, 14) != 0;
  self->ref_title = column_dup (stmt, 15);
  self->ref_section = column_dup (stmt, 16);
  self->ref_url = column_dup (stmt, 17);
  self->favourite = sqlite3_column_int (stmt, 18) != 0;
  self->subcode = column_dup (stmt, 19);
  self->prevalence = sqlite3_column_int (stmt, 20);
  self->prevalence_reason = column_dup (stmt, 21);
  self->phrase_ours = sqlite3_column_int (stmt, 22) != 0;
  split_history (self, (const char *) sqlite3_column_text (stmt, 23));
  self->search_keywords = column_split (stmt, 24);

  g_snprintf (self->class_name, sizeof self->class_name, "%uxx", self->code / 100);

  n_constants = g_strv_length (constants);
  self->constant_languages = g_new0 (char *, n_constants + 1);
  self->constant_values = g_new0 (char *, n_constants + 1);
  for (guint i = 0; i < n_constants; i++)
    {
      const char *sep = strchr (constants[i], TEAPOT_REFDB_PAIR_SEP[0]);

      self->constant_languages[i] = sep ? g_strndup (constants[i], sep - constants[i]) : g_strdup (constants[i]);
      self->constant_values[i] = g_strdup (sep ? sep + 1 : "");
    }

  return self;
}

gint64
_teapot_entry_get_rowid (TeapotEntry *self)
{
  return self->rowid;
}

void
_teapot_entry_set_favourite (TeapotEntry *self,
                             gboolean     favourite)
{
  favourite = !!favourite;
  if (self->favourite == favourite)
    return;

  self->favourite = favourite;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_FAVOURITE]);
}

void
_teapot_entry_set_translation (TeapotEntry *self,
                               const char  *summary,
                               const char  *description)
{
  if (summary != NULL)
    {
      g_free (self->summary);
      self->summary = g_strdup (summary);
    }
  if (description != NULL)
    {
      g_free (self->description);
      self->description = g_strdup (description);
    }
}

const char *
teapot_entry_get_id (TeapotEntry *self)
{
  g_return_val_if_fail (TEAPOT_IS_ENTRY (self), NULL);
  return self->id;
}

guint
teapot_entry_get_code (TeapotEntry *self)
{
  g_return_val_if_fail (TEAPOT_IS_ENTRY (self), 0);
  return self->code;
}

const char *
teapot_entry_get_vendor (TeapotEntry *self)
{
  g_return_val_if_fail (TEAPOT_IS_ENTRY (self), NULL);
  return self->vendor;
}

gboolean
teapot_entry_is_registered (TeapotEntry *self)
{
  g_return_val_if_fail (TEAPOT_IS_ENTRY (self), FALSE);
  return self->vendor == NULL;
}

const char *
teapot_entry_get_subcode (TeapotEntry *self)
{
  g_return_val_if_fail (TEAPOT_IS_ENTRY (self), NULL);
  return self->subcode;
}

gboolean
teapot_entry_get_phrase_is_ours (TeapotEntry *self)
{
  g_return_val_if_fail (TEAPOT_IS_ENTRY (self), FALSE);
  return self->phrase_ours;
}

const char *
teapot_entry_get_phrase (TeapotEntry *self)
{
  g_return_val_if_fail (TEAPOT_IS_ENTRY (self), NULL);
  return self->phrase;
}

const char *
teapot_entry_get_class_name (TeapotEntry *self)
{
  g_return_val_if_fail (TEAPOT_IS_ENTRY (self), NULL);
  return self->class_name;
}

const char *
teapot_entry_get_status (TeapotEntry *self)
{
  g_return_val_if_fail (TEAPOT_IS_ENTRY (self), NULL);
  return self->status;
}

const char * const *
teapot_entry_get_tags (TeapotEntry *self)
{
  g_return_val_if_fail (TEAPOT_IS_ENTRY (self), NULL);
  return (const char * const *) self->tags;
}

const char *
teapot_entry_get_summary (TeapotEntry *self)
{
  g_return_val_if_fail (TEAPOT_IS_ENTRY (self), NULL);
  return self->summary;
}

const char *
teapot_entry_get_description (TeapotEntry *self)
{
  g_return_val_if_fail (TEAPOT_IS_ENTRY (self), NULL);
  return self->description;
}

const char * const *
teapot_entry_get_aliases (TeapotEntry *self)
{
  g_return_val_if_fail (TEAPOT_IS_ENTRY (self), NULL);
  return (const char * const *) self->aliases;
}

const char * const *
_teapot_entry_get_search_keywords (TeapotEntry *self)
{
  g_return_val_if_fail (TEAPOT_IS_ENTRY (self), NULL);
  return (const char * const *) self->search_keywords;
}

const char * const *
teapot_entry_get_keywords (TeapotEntry *self)
{
  g_return_val_if_fail (TEAPOT_IS_ENTRY (self), NULL);
  return (const char * const *) self->keywords;
}

const char * const *
teapot_entry_get_headers (TeapotEntry *self)
{
  g_return_val_if_fail (TEAPOT_IS_ENTRY (self), NULL);
  return (const char * const *) self->headers;
}

const char * const *
teapot_entry_get_related (TeapotEntry *self)
{
  g_return_val_if_fail (TEAPOT_IS_ENTRY (self), NULL);
  return (const char * const *) self->related;
}

const char * const *
teapot_entry_get_constant_languages (TeapotEntry *self)
{
  g_return_val_if_fail (TEAPOT_IS_ENTRY (self), NULL);
  return (const char * const *) self->constant_languages;
}

const char *
teapot_entry_get_constant (TeapotEntry *self,
                           const char  *language)
{
  g_return_val_if_fail (TEAPOT_IS_ENTRY (self), NULL);
  g_return_val_if_fail (language != NULL, NULL);

  for (guint i = 0; self->constant_languages[i] != NULL; i++)
    if (g_str_equal (self->constant_languages[i], language))
      return self->constant_values[i];
  return NULL;
}

guint
teapot_entry_get_n_constant_names (TeapotEntry *self)
{
  g_return_val_if_fail (TEAPOT_IS_ENTRY (self), 0);
  return self->n_constant_names;
}

static const char *
null_if_empty (const char *text)
{
  return text != NULL && *text != '\0' ? text : NULL;
}

void
teapot_entry_get_constant_name (TeapotEntry  *self,
                                guint         index,
                                const char  **language,
                                const char  **name,
                                const char  **since,
                                const char  **until,
                                const char  **then)
{
  char **fields;

  g_return_if_fail (TEAPOT_IS_ENTRY (self));
  g_return_if_fail (index < self->n_constant_names);

  fields = self->constant_history + 5 * index;
  if (language != NULL)
    *language = fields[0];
  if (name != NULL)
    *name = fields[1];
  if (since != NULL)
    *since = null_if_empty (fields[2]);
  if (until != NULL)
    *until = null_if_empty (fields[3]);
  if (then != NULL)
    *then = null_if_empty (fields[4]);
}

guint
teapot_entry_get_prevalence (TeapotEntry *self)
{
  g_return_val_if_fail (TEAPOT_IS_ENTRY (self), 0);
  return self->prevalence;
}

const char *
teapot_entry_get_prevalence_reason (TeapotEntry *self)
{
  g_return_val_if_fail (TEAPOT_IS_ENTRY (self), NULL);
  return self->prevalence_reason;
}

gboolean
teapot_entry_get_cacheable (TeapotEntry *self)
{
  g_return_val_if_fail (TEAPOT_IS_ENTRY (self), FALSE);
  return self->cacheable;
}

const char *
teapot_entry_get_reference_title (TeapotEntry *self)
{
  g_return_val_if_fail (TEAPOT_IS_ENTRY (self), NULL);
  return self->ref_title;
}

const char *
teapot_entry_get_reference_section (TeapotEntry *self)
{
  g_return_val_if_fail (TEAPOT_IS_ENTRY (self), NULL);
  return self->ref_section;
}

const char *
teapot_entry_get_reference_url (TeapotEntry *self)
{
  g_return_val_if_fail (TEAPOT_IS_ENTRY (self), NULL);
  return self->ref_url;
}

gboolean
teapot_entry_get_favourite (TeapotEntry *self)
{
  g_return_val_if_fail (TEAPOT_IS_ENTRY (self), FALSE);
  return self->favourite;
}
