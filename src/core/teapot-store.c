/* teapot-store.c
 *
 * Copyright The Teapot authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n-lib.h>
#include <locale.h>

#include "teapot-store-private.h"
#include "teapot-fts.h"
#include "teapot-refdb.h"
#include "teapot-sql.h"
#include "teapot-user-db.h"

#define REFERENCE_RESOURCE "/io/github/teapot/Teapot/reference.sqlite"

struct _TeapotStore
{
  GObject parent_instance;

  sqlite3 *db;
  GBytes *reference;           /* keeps the deserialized pages alive */
  GHashTable *statements;      /* static SQL -> sqlite3_stmt */
  GHashTable *entries;         /* rowid -> TeapotEntry */
  TeapotSpeller *speller;
  char *user_db_path;
  TeapotUserDbState user_state;
  char *language;              /* of the translations shown; NULL for English */
};

G_DEFINE_FINAL_TYPE (TeapotStore, teapot_store, G_TYPE_OBJECT)

static const char select_by_id[] =
  "SELECT " TEAPOT_ENTRY_COLUMNS " FROM entries e WHERE e.id = ?1";
/* The registered meaning first, then the more common ones (nginx's 499 before Esri's), as
 * search ranks them. */
static const char select_by_code[] =
  "SELECT " TEAPOT_ENTRY_COLUMNS " FROM entries e WHERE e.code = ?1 AND e.subcode IS NULL"
  " ORDER BY e.vendor IS NOT NULL, e.prevalence DESC, e.rowid";
static const char select_by_subcode[] =
  "SELECT " TEAPOT_ENTRY_COLUMNS " FROM entries e WHERE e.subcode = ?1 ORDER BY e.rowid";
static const char select_subcodes[] =
  "SELECT " TEAPOT_ENTRY_COLUMNS " FROM entries e WHERE e.code = ?1 AND e.subcode IS NOT NULL ORDER BY e.rowid";
static const char select_by_rowid[] =
  "SELECT " TEAPOT_ENTRY_COLUMNS " FROM entries e WHERE e.rowid = ?1";
static const char select_list[] =
  "SELECT " TEAPOT_ENTRY_COLUMNS " FROM entries e WHERE" TEAPOT_FILTER_SQL
  " ORDER BY e.rowid LIMIT :limit";
static const char select_count[] =
  "SELECT count(*) FROM entries e WHERE" TEAPOT_FILTER_SQL;
/* Every source's count in one pass: the filter's :tag is left unbound, so it lets all through. */
static const char select_tag_counts[] =
  "SELECT t.tag, count(*) FROM entries e JOIN entry_tags t ON t.entry = e.rowid WHERE" TEAPOT_FILTER_SQL
  " GROUP BY t.tag";
static const char select_tags[] =
  "SELECT tag, count(*) FROM entry_tags GROUP BY tag ORDER BY tag = 'iana' DESC, tag";
static const char select_translation[] =
  "SELECT summary, description FROM translations WHERE lang = ?1 AND entry = ?2";

void
teapot_tag_count_free (TeapotTagCount *tag_count)
{
  if (tag_count == NULL)
    return;
  g_free (tag_count->tag);
  g_free (tag_count);
}

static void
finalize_statement (gpointer stmt)
{
  sqlite3_finalize (stmt);
}

static void
teapot_store_finalize (GObject *object)
{
  TeapotStore *self = (TeapotStore *) object;

  g_clear_pointer (&self->entries, g_hash_table_unref);
  g_clear_pointer (&self->statements, g_hash_table_unref);
  g_clear_pointer (&self->speller, teapot_speller_free);
  sqlite3_close (self->db);
  g_clear_pointer (&self->reference, g_bytes_unref);
  g_free (self->user_db_path);
  g_free (self->user_state.notice);
  g_free (self->language);

  G_OBJECT_CLASS (teapot_store_parent_class)->finalize (object);
}

static void
teapot_store_class_init (TeapotStoreClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = teapot_store_finalize;
}

static void
teapot_store_init (TeapotStore *self)
{
  self->statements = g_hash_table_new_full (g_direct_hash, g_direct_equal, NULL, finalize_statement);
  self->entries = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, g_object_unref);
}

static gboolean
reference_error (GError     **error,
                 const char  *detail)
{
  g_set_error (error, TEAPOT_STORE_ERROR, TEAPOT_STORE_ERROR_REFERENCE,
               _("The reference data in this build of Teapot is missing or damaged (%s). "
                 "Reinstall Teapot."), detail);
  return FALSE;
}

static gboolean
open_reference (TeapotStore  *self,
                const char   *path,
                GError      **error)
{
  g_autoptr(GError) local_error = NULL;
  g_autoptr(sqlite3_stmt) stmt = NULL;
  gsize size = 0;
  const void *data;
  int rc;

  if (path != NULL)
    {
      g_autoptr(GMappedFile) file = g_mapped_file_new (path, FALSE, &local_error);

      if (file == NULL)
        return reference_error (error, local_error->message);
      self->reference = g_mapped_file_get_bytes (file);
    }
  else
    self->reference = g_resources_lookup_data (REFERENCE_RESOURCE, G_RESOURCE_LOOKUP_FLAGS_NONE, NULL);

  if (self->reference == NULL)
    return reference_error (error, "no embedded database");

  /* The pages stay where the resource (or the mapping) has them: read-only, no copy. The
   * connection itself may create files, so that user.sqlite can be attached. */
  data = g_bytes_get_data (self->reference, &size);
  rc = sqlite3_open_v2 (":memory:", &self->db,
                        SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE | SQLITE_OPEN_URI | SQLITE_OPEN_NOMUTEX, NULL);
  if (rc == SQLITE_OK)
    rc = sqlite3_deserialize (self->db, "main", (unsigned char *) data, size, size, SQLITE_DESERIALIZE_READONLY);
  if (rc != SQLITE_OK)
    return reference_error (error, sqlite3_errstr (rc));

  stmt = _teapot_sql_prepare (self->db, "SELECT value FROM meta WHERE key = 'schema'", &local_error);
  if (stmt == NULL || !_teapot_sql_step (stmt, &local_error))
    return reference_error (error, local_error != NULL ? local_error->message : "unknown schema");
  if (sqlite3_column_int (stmt, 0) != TEAPOT_REFDB_SCHEMA_VERSION)
    return reference_error (error, "unknown schema");
  return TRUE;
}

/* The first of the user's languages (LANGUAGE, LC_ALL, LC_MESSAGES, LANG) that the reference
 * database has translations for; none means English. */
static void
choose_language (TeapotStore *self)
{
  const char * const *names = g_get_language_names ();
  const char *messages = setlocale (LC_MESSAGES, NULL);
  g_autoptr(sqlite3_stmt) stmt = NULL;

  /* As gettext does for the interface: in the C locale, LANGUAGE is not consulted. */
  if (messages == NULL || g_str_equal (messages, "C") || g_str_equal (messages, "POSIX"))
    return;

  stmt = _teapot_sql_prepare (self->db, "SELECT 1 FROM translations WHERE lang = ?1 LIMIT 1", NULL);
  if (stmt == NULL)
    return;

  for (guint i = 0; self->language == NULL && names[i] != NULL; i++)
    {
      sqlite3_bind_text (stmt, 1, names[i], -1, SQLITE_STATIC);
      if (_teapot_sql_step (stmt, NULL))
        self->language = g_strdup (names[i]);
      sqlite3_reset (stmt);
    }
}

static void
translate_entry (TeapotStore *self,
                 TeapotEntry *entry,
                 gint64       rowid)
{
  sqlite3_stmt *stmt;

  if (self->language == NULL)
    return;

  /* The translations are in the reference database, in memory: nothing there fails that
   * reading the entry itself did not. */
  stmt = _teapot_store_prepare (self, select_translation, NULL);
  if (stmt == NULL)
    return;
  sqlite3_bind_text (stmt, 1, self->language, -1, SQLITE_STATIC);
  sqlite3_bind_int64 (stmt, 2, rowid);
  if (_teapot_sql_step (stmt, NULL))
    _teapot_entry_set_translation (entry,
                                   (const char *) sqlite3_column_text (stmt, 0),
                                   (const char *) sqlite3_column_text (stmt, 1));
  sqlite3_reset (stmt);
}

TeapotStore *
teapot_store_new_for_reference (const char  *reference_path,
                                const char  *user_db_path,
                                GError     **error)
{
  g_autoptr(TeapotStore) self = g_object_new (TEAPOT_TYPE_STORE, NULL);

  self->user_db_path = user_db_path ? g_strdup (user_db_path) : _teapot_user_db_default_path ();

  if (!open_reference (self, reference_path, error)
      || !_teapot_user_db_attach (self->db, self->user_db_path, &self->user_state, error))
    return NULL;

  choose_language (self);
  /* Search weighs a match in the reader's language as one in English. */
  if (!_teapot_fts_register (self->db, self->language, error))
    return NULL;

  return g_steal_pointer (&self);
}

TeapotStore *
teapot_store_new (const char  *user_db_path,
                  GError     **error)
{
  return teapot_store_new_for_reference (NULL, user_db_path, error);
}

const char *
teapot_store_get_notice (TeapotStore *self)
{
  g_return_val_if_fail (TEAPOT_IS_STORE (self), NULL);
  return self->user_state.notice;
}

gboolean
teapot_store_is_read_only (TeapotStore *self)
{
  g_return_val_if_fail (TEAPOT_IS_STORE (self), TRUE);
  return self->user_state.read_only;
}

const char *
teapot_store_get_language (TeapotStore *self)
{
  g_return_val_if_fail (TEAPOT_IS_STORE (self), NULL);
  return self->language;
}

const char *
teapot_store_get_user_db_path (TeapotStore *self)
{
  g_return_val_if_fail (TEAPOT_IS_STORE (self), NULL);
  return self->user_db_path;
}

sqlite3_stmt *
_teapot_store_prepare (TeapotStore  *self,
                       const char   *sql,
                       GError      **error)
{
  sqlite3_stmt *stmt = g_hash_table_lookup (self->statements, sql);
  int rc;

  if (stmt != NULL)
    {
      sqlite3_reset (stmt);
      sqlite3_clear_bindings (stmt);
      return stmt;
    }

  /* A statement of ours that does not compile is a bug, but one that a damaged user file
   * (its schema unreadable) can also cause: an error either way, never a crash. */
  rc = sqlite3_prepare_v3 (self->db, sql, -1, SQLITE_PREPARE_PERSISTENT, &stmt, NULL);
  if (rc != SQLITE_OK)
    {
      sqlite3_finalize (stmt);
      _teapot_sql_set_error (error, self->db, rc);
      return NULL;
    }
  g_hash_table_insert (self->statements, (gpointer) sql, stmt);
  return stmt;
}

sqlite3_stmt *
_teapot_store_statement (TeapotStore *self,
                         const char  *sql)
{
  g_autoptr(GError) error = NULL;
  sqlite3_stmt *stmt = _teapot_store_prepare (self, sql, &error);

  if (stmt == NULL)
    g_critical ("Cannot prepare a statement: %s", error->message);
  return stmt;
}

void
_teapot_store_bind_filter (sqlite3_stmt       *stmt,
                           const TeapotFilter *filter)
{
  TeapotFilter none = { 0 };

  if (filter == NULL)
    filter = &none;

  sqlite3_bind_int (stmt, sqlite3_bind_parameter_index (stmt, ":class"), filter->class_digit);
  if (filter->tag != NULL)
    sqlite3_bind_text (stmt, sqlite3_bind_parameter_index (stmt, ":tag"), filter->tag, -1, SQLITE_TRANSIENT);
  sqlite3_bind_int (stmt, sqlite3_bind_parameter_index (stmt, ":favourites"), filter->favourites ? 1 : 0);
}

TeapotEntry *
_teapot_store_entry_from_row (TeapotStore  *self,
                              sqlite3_stmt *stmt)
{
  gint64 rowid = sqlite3_column_int64 (stmt, 0);
  TeapotEntry *entry = g_hash_table_lookup (self->entries, &rowid);

  if (entry == NULL)
    {
      entry = _teapot_entry_new_from_row (stmt);
      translate_entry (self, entry, rowid);
      g_hash_table_insert (self->entries, g_memdup2 (&rowid, sizeof rowid), entry);
    }
  else
    _teapot_entry_set_favourite (entry, sqlite3_column_int (stmt, 18) != 0);

  return g_object_ref (entry);
}

/* Every row of @stmt (NULL when it could not be prepared, with @error set), or NULL and
 * @error: a step that fails is never a shorter list. */
static GPtrArray *
collect_rows (TeapotStore   *self,
              sqlite3_stmt  *stmt,
              GError       **error)
{
  g_autoptr(GPtrArray) entries = NULL;
  GError *local_error = NULL;

  if (stmt == NULL)
    return NULL;

  entries = g_ptr_array_new_with_free_func (g_object_unref);
  while (_teapot_sql_step (stmt, &local_error))
    g_ptr_array_add (entries, _teapot_store_entry_from_row (self, stmt));
  if (local_error != NULL)
    {
      g_propagate_error (error, local_error);
      return NULL;
    }
  return g_steal_pointer (&entries);
}

/* The first row's entry; NULL with @error unset when there is none. */
static TeapotEntry *
collect_one (TeapotStore   *self,
             sqlite3_stmt  *stmt,
             GError       **error)
{
  g_autoptr(GPtrArray) found = collect_rows (self, stmt, error);

  return found != NULL && found->len > 0 ? g_object_ref (g_ptr_array_index (found, 0)) : NULL;
}

/* Where a lookup has no way to report an error: the caller sees "not found", the log why.
 * @entries and @error are what collect_rows() returned and set. */
static GPtrArray *
rows_or_warn (GPtrArray *entries,
              GError    *error)
{
  if (entries == NULL)
    {
      g_warning ("Cannot read the entries: %s", error->message);
      entries = g_ptr_array_new_with_free_func (g_object_unref);
    }
  return entries;
}

TeapotEntry *
_teapot_store_entry_by_rowid (TeapotStore  *self,
                              gint64        rowid,
                              GError      **error)
{
  TeapotEntry *entry = g_hash_table_lookup (self->entries, &rowid);
  g_autoptr(GError) local_error = NULL;
  sqlite3_stmt *stmt;

  if (entry != NULL)
    return g_object_ref (entry);

  stmt = _teapot_store_prepare (self, select_by_rowid, error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, rowid);
  entry = collect_one (self, stmt, &local_error);
  if (local_error != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return NULL;
    }
  /* The rowid came from the index of the same database. */
  if (entry == NULL)
    g_set_error (error, TEAPOT_STORE_ERROR, TEAPOT_STORE_ERROR_CORRUPT, "entry %" G_GINT64_FORMAT " is missing", rowid);
  return entry;
}

TeapotSpeller *
_teapot_store_get_speller (TeapotStore *self)
{
  g_autoptr(GError) error = NULL;

  if (self->speller == NULL)
    self->speller = teapot_speller_new_from_db (self->db, &error);
  if (self->speller == NULL)
    g_warning ("Search will not correct typos: %s", error->message);
  return self->speller;
}

sqlite3 *
_teapot_store_get_db (TeapotStore *self)
{
  return self->db;
}

TeapotEntry *
_teapot_store_lookup_id (TeapotStore  *self,
                         const char   *id,
                         GError      **error)
{
  sqlite3_stmt *stmt = _teapot_store_prepare (self, select_by_id, error);

  if (stmt != NULL)
    sqlite3_bind_text (stmt, 1, id, -1, SQLITE_TRANSIENT);
  return collect_one (self, stmt, error);
}

TeapotEntry *
teapot_store_lookup_id (TeapotStore *self,
                        const char  *id)
{
  g_autoptr(GError) error = NULL;
  TeapotEntry *entry;

  g_return_val_if_fail (TEAPOT_IS_STORE (self), NULL);
  g_return_val_if_fail (id != NULL, NULL);

  entry = _teapot_store_lookup_id (self, id, &error);
  if (error != NULL)
    g_warning ("Cannot read the entry %s: %s", id, error->message);
  return entry;
}

GPtrArray *
teapot_store_lookup_code (TeapotStore *self,
                          guint        code)
{
  g_autoptr(GError) error = NULL;
  GPtrArray *entries;
  sqlite3_stmt *stmt;

  g_return_val_if_fail (TEAPOT_IS_STORE (self), NULL);

  stmt = _teapot_store_prepare (self, select_by_code, &error);
  if (stmt != NULL)
    sqlite3_bind_int (stmt, 1, code);
  entries = collect_rows (self, stmt, &error);
  return rows_or_warn (entries, error);
}

GPtrArray *
teapot_store_lookup_subcode (TeapotStore *self,
                             const char  *subcode)
{
  g_autoptr(GError) error = NULL;
  GPtrArray *entries;
  sqlite3_stmt *stmt;

  g_return_val_if_fail (TEAPOT_IS_STORE (self), NULL);
  g_return_val_if_fail (subcode != NULL, NULL);

  stmt = _teapot_store_prepare (self, select_by_subcode, &error);
  if (stmt != NULL)
    sqlite3_bind_text (stmt, 1, subcode, -1, SQLITE_TRANSIENT);
  entries = collect_rows (self, stmt, &error);
  return rows_or_warn (entries, error);
}

GPtrArray *
teapot_store_list_subcodes (TeapotStore *self,
                            guint        code)
{
  g_autoptr(GError) error = NULL;
  GPtrArray *entries;
  sqlite3_stmt *stmt;

  g_return_val_if_fail (TEAPOT_IS_STORE (self), NULL);

  stmt = _teapot_store_prepare (self, select_subcodes, &error);
  if (stmt != NULL)
    sqlite3_bind_int (stmt, 1, code);
  entries = collect_rows (self, stmt, &error);
  return rows_or_warn (entries, error);
}

GPtrArray *
_teapot_store_list (TeapotStore         *self,
                    const TeapotFilter  *filter,
                    guint                limit,
                    GError             **error)
{
  sqlite3_stmt *stmt = _teapot_store_prepare (self, select_list, error);

  if (stmt == NULL)
    return NULL;
  _teapot_store_bind_filter (stmt, filter);
  sqlite3_bind_int64 (stmt, sqlite3_bind_parameter_index (stmt, ":limit"), limit > 0 ? (gint64) limit : -1);
  return collect_rows (self, stmt, error);
}

GPtrArray *
teapot_store_list (TeapotStore        *self,
                   const TeapotFilter *filter,
                   guint               limit)
{
  g_autoptr(GError) error = NULL;
  GPtrArray *entries;

  g_return_val_if_fail (TEAPOT_IS_STORE (self), NULL);

  entries = _teapot_store_list (self, filter, limit, &error);
  if (entries == NULL)
    {
      g_warning ("Cannot list the entries: %s", error->message);
      entries = g_ptr_array_new_with_free_func (g_object_unref);
    }
  return entries;
}

guint
teapot_store_count (TeapotStore        *self,
                    const TeapotFilter *filter)
{
  g_autoptr(GError) error = NULL;
  sqlite3_stmt *stmt;
  guint count = 0;

  g_return_val_if_fail (TEAPOT_IS_STORE (self), 0);

  stmt = _teapot_store_prepare (self, select_count, &error);
  if (stmt != NULL)
    {
      _teapot_store_bind_filter (stmt, filter);
      if (_teapot_sql_step (stmt, &error))
        count = sqlite3_column_int (stmt, 0);
      sqlite3_reset (stmt);
    }
  if (error != NULL)
    g_warning ("Cannot count the entries: %s", error->message);
  return count;
}

GHashTable *
teapot_store_count_by_tag (TeapotStore        *self,
                           const TeapotFilter *filter)
{
  GHashTable *counts = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autoptr(GError) error = NULL;
  TeapotFilter untagged = { 0 };
  sqlite3_stmt *stmt;

  g_return_val_if_fail (TEAPOT_IS_STORE (self), counts);

  if (filter != NULL)
    untagged = *filter;
  untagged.tag = NULL;
  stmt = _teapot_store_prepare (self, select_tag_counts, &error);
  if (stmt != NULL)
    _teapot_store_bind_filter (stmt, &untagged);
  while (stmt != NULL && _teapot_sql_step (stmt, &error))
    g_hash_table_insert (counts, g_strdup ((const char *) sqlite3_column_text (stmt, 0)),
                         GUINT_TO_POINTER (sqlite3_column_int (stmt, 1)));
  if (error != NULL)
    g_warning ("Cannot count the entries: %s", error->message);
  return counts;
}

GPtrArray *
teapot_store_search (TeapotStore         *self,
                     const char          *query,
                     const TeapotFilter  *filter,
                     guint                limit,
                     GError             **error)
{
  GPtrArray *entries;

  g_return_val_if_fail (TEAPOT_IS_STORE (self), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  entries = _teapot_search_run (self, query, filter, limit, error);
  if (entries == NULL)
    g_prefix_error (error, "%s: ", _("Cannot read your saved data"));
  return entries;
}

GPtrArray *
teapot_store_list_tags (TeapotStore *self)
{
  GPtrArray *tags = g_ptr_array_new_with_free_func ((GDestroyNotify) teapot_tag_count_free);
  g_autoptr(GError) error = NULL;
  sqlite3_stmt *stmt;

  g_return_val_if_fail (TEAPOT_IS_STORE (self), NULL);

  /* The reference database alone, in memory. */
  stmt = _teapot_store_prepare (self, select_tags, &error);
  while (stmt != NULL && _teapot_sql_step (stmt, &error))
    {
      TeapotTagCount *tag = g_new0 (TeapotTagCount, 1);

      tag->tag = g_strdup ((const char *) sqlite3_column_text (stmt, 0));
      tag->count = sqlite3_column_int (stmt, 1);
      g_ptr_array_add (tags, tag);
    }
  if (error != NULL)
    g_warning ("Cannot list the sources: %s", error->message);
  return tags;
}
