/* teapot-facts.c
 *
 * Copyright The Teapot authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n-lib.h>

#include "teapot-facts.h"
#include "teapot-store-private.h"

struct _TeapotFacts
{
  gatomicrefcount ref_count;
  GPtrArray *values[TEAPOT_N_FACTS];   /* char *, NULL-terminated; NULL when not stated */
  char *sections[TEAPOT_N_FACTS];
};

G_DEFINE_BOXED_TYPE (TeapotFacts, teapot_facts, teapot_facts_ref, teapot_facts_unref)

static const char select_facts[] =
  "SELECT f.key, coalesce(t.value, f.value), f.section FROM entries e"
  " JOIN facts f ON f.entry = e.rowid"
  " LEFT JOIN fact_translations t ON t.lang = ?2 AND t.entry = f.entry AND t.position = f.position"
  " WHERE e.id = ?1 ORDER BY f.position";

static const char *labels[TEAPOT_N_FACTS] = {
  [TEAPOT_FACT_PERMANENT] = N_("Permanent"),
  [TEAPOT_FACT_METHOD] = N_("Method"),
  [TEAPOT_FACT_CACHEABLE] = N_("Cacheable by default"),
  [TEAPOT_FACT_BODY] = N_("Content"),
  [TEAPOT_FACT_HEADERS] = N_("Headers"),
  [TEAPOT_FACT_SENDER] = N_("Typically sent by"),
  [TEAPOT_FACT_USE] = N_("Use it when"),
  [TEAPOT_FACT_AVOID] = N_("Not when"),
};

static const struct
{
  const char *value;
  const char *label;
} value_labels[] = {
  { "yes", N_("Yes") },
  { "no", N_("No") },
  { "kept", N_("Kept") },
  { "may-change", N_("May change to GET") },
  { "changed-to-get", N_("Changed to GET") },
  { "none", N_("None allowed") },
  { "optional", N_("Optional") },
  { "expected", N_("Expected") },
};

static TeapotFacts *
facts_new (void)
{
  TeapotFacts *self = g_new0 (TeapotFacts, 1);

  g_atomic_ref_count_init (&self->ref_count);
  return self;
}

static gboolean
key_from_name (const char    *name,
               TeapotFactKey *key)
{
  for (guint k = 0; k < TEAPOT_N_FACTS; k++)
    if (g_strcmp0 (teapot_fact_key_get_name (k), name) == 0)
      {
        *key = k;
        return TRUE;
      }
  return FALSE;
}

TeapotFacts *
teapot_store_get_facts (TeapotStore *store,
                        const char  *id)
{
  TeapotFacts *self = facts_new ();
  sqlite3_stmt *stmt;

  g_return_val_if_fail (TEAPOT_IS_STORE (store), self);
  g_return_val_if_fail (id != NULL, self);

  stmt = _teapot_store_statement (store, select_facts);
  if (stmt == NULL)
    return self;
  sqlite3_bind_text (stmt, 1, id, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 2, teapot_store_get_language (store), -1, SQLITE_STATIC);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    {
      TeapotFactKey key;

      /* A name this build does not know comes from a newer dataset: leave it out. */
      if (!key_from_name ((const char *) sqlite3_column_text (stmt, 0), &key))
        continue;
      if (self->values[key] == NULL)
        {
          self->values[key] = g_ptr_array_new_null_terminated (1, g_free, TRUE);
          self->sections[key] = g_strdup ((const char *) sqlite3_column_text (stmt, 2));
        }
      g_ptr_array_add (self->values[key], g_strdup ((const char *) sqlite3_column_text (stmt, 1)));
    }
  sqlite3_reset (stmt);
  sqlite3_clear_bindings (stmt);
  return self;
}

TeapotFacts *
teapot_facts_ref (TeapotFacts *self)
{
  g_return_val_if_fail (self != NULL, NULL);
  g_atomic_ref_count_inc (&self->ref_count);
  return self;
}

void
teapot_facts_unref (TeapotFacts *self)
{
  g_return_if_fail (self != NULL);
  if (!g_atomic_ref_count_dec (&self->ref_count))
    return;
  for (guint k = 0; k < TEAPOT_N_FACTS; k++)
    {
      g_clear_pointer (&self->values[k], g_ptr_array_unref);
      g_free (self->sections[k]);
    }
  g_free (self);
}

gboolean
teapot_facts_is_empty (TeapotFacts *self)
{
  g_return_val_if_fail (self != NULL, TRUE);
  for (guint k = 0; k < TEAPOT_N_FACTS; k++)
    if (self->values[k] != NULL)
      return FALSE;
  return TRUE;
}

gboolean
teapot_facts_has (TeapotFacts   *self,
                  TeapotFactKey  key)
{
  g_return_val_if_fail (self != NULL, FALSE);
  g_return_val_if_fail (key < TEAPOT_N_FACTS, FALSE);
  return self->values[key] != NULL;
}

const char *
teapot_facts_get_value (TeapotFacts   *self,
                        TeapotFactKey  key)
{
  g_return_val_if_fail (self != NULL, NULL);
  g_return_val_if_fail (key < TEAPOT_N_FACTS, NULL);
  return self->values[key] != NULL ? g_ptr_array_index (self->values[key], 0) : NULL;
}

const char * const *
teapot_facts_get_values (TeapotFacts   *self,
                         TeapotFactKey  key)
{
  static const char * const none[] = { NULL };

  g_return_val_if_fail (self != NULL, none);
  g_return_val_if_fail (key < TEAPOT_N_FACTS, none);
  return self->values[key] != NULL ? (const char * const *) self->values[key]->pdata : none;
}

gboolean
teapot_facts_get_boolean (TeapotFacts   *self,
                          TeapotFactKey  key)
{
  return g_strcmp0 (teapot_facts_get_value (self, key), "yes") == 0;
}

const char *
teapot_facts_get_section (TeapotFacts   *self,
                          TeapotFactKey  key)
{
  g_return_val_if_fail (self != NULL, NULL);
  g_return_val_if_fail (key < TEAPOT_N_FACTS, NULL);
  return self->sections[key];
}

char *
teapot_facts_format_value (TeapotFacts   *self,
                           TeapotFactKey  key)
{
  const char *value = teapot_facts_get_value (self, key);

  if (value == NULL)
    return NULL;
  switch (teapot_fact_key_get_kind (key))
    {
    case TEAPOT_FACT_KIND_BOOL:
    case TEAPOT_FACT_KIND_CHOICE:
      for (guint i = 0; i < G_N_ELEMENTS (value_labels); i++)
        if (g_str_equal (value_labels[i].value, value))
          return g_strdup (_(value_labels[i].label));
      return g_strdup (value);
    case TEAPOT_FACT_KIND_LIST:
      return g_strjoinv (", ", (char **) teapot_facts_get_values (self, key));
    case TEAPOT_FACT_KIND_TEXT:
    default:
      return g_strdup (value);
    }
}

const char *
teapot_fact_key_get_label (TeapotFactKey key)
{
  g_return_val_if_fail (key < TEAPOT_N_FACTS, NULL);
  return _(labels[key]);
}
