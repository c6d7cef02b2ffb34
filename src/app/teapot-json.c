/* teapot-json.c
 *
 * Copyright The Teapot authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "teapot-json.h"

typedef enum
{
  MEMBER_STRING,   /* const char *(*) (TeapotEntry *), NULL becomes null */
  MEMBER_UINT,     /* guint (*) (TeapotEntry *) */
  MEMBER_DOUBLE,   /* double (*) (TeapotEntry *) */
  MEMBER_BOOLEAN,  /* gboolean (*) (TeapotEntry *) */
  MEMBER_STRV,     /* const char * const *(*) (TeapotEntry *), an array */
  MEMBER_NULL,     /* a key DESIGN.md names before the entry has the field */
  MEMBER_CUSTOM,   /* void (*) (JsonBuilder *, TeapotEntry *) adds the value */
} MemberKind;

typedef const char *(*StringGetter) (TeapotEntry *entry);
typedef guint (*UintGetter) (TeapotEntry *entry);
typedef double (*DoubleGetter) (TeapotEntry *entry);
typedef gboolean (*BooleanGetter) (TeapotEntry *entry);
typedef const char * const *(*StrvGetter) (TeapotEntry *entry);
typedef void (*CustomWriter) (JsonBuilder *builder, TeapotEntry *entry);

static void add_reference (JsonBuilder *builder, TeapotEntry *entry);
static void add_constants (JsonBuilder *builder, TeapotEntry *entry);
static void add_constant_history (JsonBuilder *builder, TeapotEntry *entry);

/* The entry object, key by key in the order scripts see them. Keys are a contract
 * (DESIGN.md): add rows, never change what a key means. */
static const struct
{
  const char *key;
  MemberKind kind;
  GCallback get;
} entry_members[] = {
  { "id", MEMBER_STRING, G_CALLBACK (teapot_entry_get_id) },
  { "code", MEMBER_UINT, G_CALLBACK (teapot_entry_get_code) },
  { "phrase", MEMBER_STRING, G_CALLBACK (teapot_entry_get_phrase) },
  { "class", MEMBER_STRING, G_CALLBACK (teapot_entry_get_class_name) },
  { "status", MEMBER_STRING, G_CALLBACK (teapot_entry_get_status) },
  { "tags", MEMBER_STRV, G_CALLBACK (teapot_entry_get_tags) },
  { "summary", MEMBER_STRING, G_CALLBACK (teapot_entry_get_summary) },
  { "description", MEMBER_STRING, G_CALLBACK (teapot_entry_get_description) },
  { "aliases", MEMBER_STRV, G_CALLBACK (teapot_entry_get_aliases) },
  { "keywords", MEMBER_STRV, G_CALLBACK (teapot_entry_get_keywords) },
  { "headers", MEMBER_STRV, G_CALLBACK (teapot_entry_get_headers) },
  { "related", MEMBER_STRV, G_CALLBACK (teapot_entry_get_related) },
  { "cacheable", MEMBER_BOOLEAN, G_CALLBACK (teapot_entry_get_cacheable) },
  { "reference", MEMBER_CUSTOM, G_CALLBACK (add_reference) },
  { "constants", MEMBER_CUSTOM, G_CALLBACK (add_constants) },
  { "favourite", MEMBER_BOOLEAN, G_CALLBACK (teapot_entry_get_favourite) },
  { "subcode", MEMBER_STRING, G_CALLBACK (teapot_entry_get_subcode) },
  { "phrase_is_ours", MEMBER_BOOLEAN, G_CALLBACK (teapot_entry_get_phrase_is_ours) },
  { "prevalence", MEMBER_UINT, G_CALLBACK (teapot_entry_get_prevalence) },
  { "prevalence_reason", MEMBER_STRING, G_CALLBACK (teapot_entry_get_prevalence_reason) },
  { "constant_history", MEMBER_CUSTOM, G_CALLBACK (add_constant_history) },
};

static void
add_nullable_string (JsonBuilder *builder,
                     const char  *value)
{
  if (value != NULL)
    json_builder_add_string_value (builder, value);
  else
    json_builder_add_null_value (builder);
}

static void
add_reference (JsonBuilder *builder,
               TeapotEntry *entry)
{
  const char *title = teapot_entry_get_reference_title (entry);
  const char *url = teapot_entry_get_reference_url (entry);

  if (title == NULL && url == NULL)
    {
      json_builder_add_null_value (builder);
      return;
    }
  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "title");
  add_nullable_string (builder, title);
  json_builder_set_member_name (builder, "section");
  add_nullable_string (builder, teapot_entry_get_reference_section (entry));
  json_builder_set_member_name (builder, "url");
  add_nullable_string (builder, url);
  json_builder_end_object (builder);
}

static void
add_constants (JsonBuilder *builder,
               TeapotEntry *entry)
{
  const char * const *languages = teapot_entry_get_constant_languages (entry);

  json_builder_begin_object (builder);
  for (guint i = 0; languages[i] != NULL; i++)
    {
      json_builder_set_member_name (builder, languages[i]);
      json_builder_add_string_value (builder, teapot_entry_get_constant (entry, languages[i]));
    }
  json_builder_end_object (builder);
}

/* language -> [{"name", "since", "until", "then"}, ...]: every name a library has had. */
static void
add_constant_history (JsonBuilder *builder,
                      TeapotEntry *entry)
{
  guint n = teapot_entry_get_n_constant_names (entry);
  const char *previous = NULL;

  json_builder_begin_object (builder);
  for (guint i = 0; i < n; i++)
    {
      const char *language, *name, *since, *until, *then;

      teapot_entry_get_constant_name (entry, i, &language, &name, &since, &until, &then);
      if (g_strcmp0 (previous, language) != 0)
        {
          if (previous != NULL)
            json_builder_end_array (builder);
          json_builder_set_member_name (builder, language);
          json_builder_begin_array (builder);
          previous = language;
        }
      json_builder_begin_object (builder);
      json_builder_set_member_name (builder, "name");
      add_nullable_string (builder, name);
      json_builder_set_member_name (builder, "since");
      add_nullable_string (builder, since);
      json_builder_set_member_name (builder, "until");
      add_nullable_string (builder, until);
      json_builder_set_member_name (builder, "then");
      add_nullable_string (builder, then);
      json_builder_end_object (builder);
    }
  if (previous != NULL)
    json_builder_end_array (builder);
  json_builder_end_object (builder);
}

static void
add_strv (JsonBuilder        *builder,
          const char * const *strv)
{
  json_builder_begin_array (builder);
  for (guint i = 0; strv != NULL && strv[i] != NULL; i++)
    json_builder_add_string_value (builder, strv[i]);
  json_builder_end_array (builder);
}

void
teapot_json_add_entry_members (JsonBuilder *builder,
                               TeapotEntry *entry)
{
  g_return_if_fail (JSON_IS_BUILDER (builder));
  g_return_if_fail (TEAPOT_IS_ENTRY (entry));

  for (guint i = 0; i < G_N_ELEMENTS (entry_members); i++)
    {
      GCallback get = entry_members[i].get;

      json_builder_set_member_name (builder, entry_members[i].key);
      switch (entry_members[i].kind)
        {
        case MEMBER_STRING:
          add_nullable_string (builder, ((StringGetter) get) (entry));
          break;
        case MEMBER_UINT:
          json_builder_add_int_value (builder, ((UintGetter) get) (entry));
          break;
        case MEMBER_DOUBLE:
          json_builder_add_double_value (builder, ((DoubleGetter) get) (entry));
          break;
        case MEMBER_BOOLEAN:
          json_builder_add_boolean_value (builder, ((BooleanGetter) get) (entry));
          break;
        case MEMBER_STRV:
          add_strv (builder, ((StrvGetter) get) (entry));
          break;
        case MEMBER_NULL:
          json_builder_add_null_value (builder);
          break;
        case MEMBER_CUSTOM:
          ((CustomWriter) get) (builder, entry);
          break;
        default:
          g_assert_not_reached ();
        }
    }
}

JsonNode *
teapot_json_entries (GPtrArray *entries)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();

  g_return_val_if_fail (entries != NULL, NULL);

  json_builder_begin_array (builder);
  for (guint i = 0; i < entries->len; i++)
    {
      json_builder_begin_object (builder);
      teapot_json_add_entry_members (builder, g_ptr_array_index (entries, i));
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);
  return json_builder_get_root (builder);
}

void
teapot_json_write (GString  *out,
                   JsonNode *root)
{
  g_autoptr(JsonGenerator) generator = json_generator_new ();

  g_return_if_fail (out != NULL);
  g_return_if_fail (root != NULL);

  json_generator_set_root (generator, root);
  json_generator_set_pretty (generator, TRUE);
  json_generator_set_indent (generator, 2);
  json_generator_to_gstring (generator, out);
  g_string_append_c (out, '\n');
}
