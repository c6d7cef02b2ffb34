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
#include "teapot-user-db.h"
#include "teapot-write.h"

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
static const char select_by_code[] =
  "SELECT " TEAPOT_ENTRY_COLUMNS " FROM entries e WHERE e.code = ?1 AND e.subcode IS NULL ORDER BY e.rowid";
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
static const char select_tags[] =
  "SELECT tag, count(*) FROM entry_tags GROUP BY tag ORDER BY tag = 'iana' DESC, tag";
static const char select_translation[] =
  "SELECT summary, description FROM translations WHERE lang = ?1 AND entry = ?2";
static const char insert_favourite[] =
  "INSERT OR IGNORE INTO user.favourites (id, added) VALUES (?1, strftime('%s', 'now'))";
static const char delete_favourite[] =
  "DELETE FROM user.favourites WHERE id = ?1";

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
  sqlite3_stmt *stmt = NULL;
  gboolean ok = FALSE;
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

  rc = sqlite3_prepare_v2 (self->db, "SELECT value FROM meta WHERE key = 'schema'", -1, &stmt, NULL);
  if (rc == SQLITE_OK && sqlite3_step (stmt) == SQLITE_ROW)
    ok = sqlite3_column_int (stmt, 0) == TEAPOT_REFDB_SCHEMA_VERSION;
  sqlite3_finalize (stmt);

  if (!ok)
    return reference_error (error, rc == SQLITE_OK ? "unknown schema" : sqlite3_errstr (rc));
  return TRUE;
}

/* The first of the user's languages (LANGUAGE, LC_ALL, LC_MESSAGES, LANG) that the reference
 * database has translations for; none means English. */
static void
choose_language (TeapotStore *self)
{
  const char * const *names = g_get_language_names ();
  const char *messages = setlocale (LC_MESSAGES, NULL);
  sqlite3_stmt *stmt = NULL;

  /* As gettext does for the interface: in the C locale, LANGUAGE is not consulted. */
  if (messages == NULL || g_str_equal (messages, "C") || g_str_equal (messages, "POSIX"))
    return;

  if (sqlite3_prepare_v2 (self->db, "SELECT 1 FROM translations WHERE lang = ?1 LIMIT 1", -1, &stmt, NULL) != SQLITE_OK)
    return;

  for (guint i = 0; self->language == NULL && names[i] != NULL; i++)
    {
      sqlite3_bind_text (stmt, 1, names[i], -1, SQLITE_STATIC);
      if (sqlite3_step (stmt) == SQLITE_ROW)
        self->language = g_strdup (names[i]);
      sqlite3_reset (stmt);
    }
  sqlite3_finalize (stmt);
}

static void
translate_entry (TeapotStore *self,
                 TeapotEntry *entry,
                 gint64       rowid)
{
  sqlite3_stmt *stmt;

  if (self->language == NULL)
    return;

  stmt = _teapot_store_statement (self, select_translation);
  if (stmt == NULL)
    return;
  sqlite3_bind_text (stmt, 1, self->language, -1, SQLITE_STATIC);
  sqlite3_bind_int64 (stmt, 2, rowid);
  if (sqlite3_step (stmt) == SQLITE_ROW)
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
_teapot_store_statement (TeapotStore *self,
                         const char  *sql)
{
  sqlite3_stmt *stmt = g_hash_table_lookup (self->statements, sql);

  if (stmt != NULL)
    {
      sqlite3_reset (stmt);
      sqlite3_clear_bindings (stmt);
      return stmt;
    }

  if (sqlite3_prepare_v3 (self->db, sql, -1, SQLITE_PREPARE_PERSISTENT, &stmt, NULL) != SQLITE_OK)
    {
      g_critical ("Cannot prepare a statement: %s", sqlite3_errmsg (self->db));
      return NULL;
    }
  g_hash_table_insert (self->statements, (gpointer) sql, stmt);
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

static GPtrArray *
collect_rows (TeapotStore  *self,
              sqlite3_stmt *stmt)
{
  GPtrArray *entries = g_ptr_array_new_with_free_func (g_object_unref);

  while (stmt != NULL && sqlite3_step (stmt) == SQLITE_ROW)
    g_ptr_array_add (entries, _teapot_store_entry_from_row (self, stmt));
  if (stmt != NULL)
    sqlite3_reset (stmt);

  return entries;
}

TeapotEntry *
_teapot_store_entry_by_rowid (TeapotStore *self,
                              gint64       rowid)
{
  TeapotEntry *entry = g_hash_table_lookup (self->entries, &rowid);
  sqlite3_stmt *stmt;
  g_autoptr(GPtrArray) found = NULL;

  if (entry != NULL)
    return g_object_ref (entry);

  stmt = _teapot_store_statement (self, select_by_rowid);
  sqlite3_bind_int64 (stmt, 1, rowid);
  found = collect_rows (self, stmt);
  return found->len > 0 ? g_object_ref (g_ptr_array_index (found, 0)) : NULL;
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
teapot_store_lookup_id (TeapotStore *self,
                        const char  *id)
{
  sqlite3_stmt *stmt;
  g_autoptr(GPtrArray) found = NULL;

  g_return_val_if_fail (TEAPOT_IS_STORE (self), NULL);
  g_return_val_if_fail (id != NULL, NULL);

  stmt = _teapot_store_statement (self, select_by_id);
  sqlite3_bind_text (stmt, 1, id, -1, SQLITE_TRANSIENT);
  found = collect_rows (self, stmt);
  return found->len > 0 ? g_object_ref (g_ptr_array_index (found, 0)) : NULL;
}

GPtrArray *
teapot_store_lookup_code (TeapotStore *self,
                          guint        code)
{
  sqlite3_stmt *stmt;

  g_return_val_if_fail (TEAPOT_IS_STORE (self), NULL);

  stmt = _teapot_store_statement (self, select_by_code);
  sqlite3_bind_int (stmt, 1, code);
  return collect_rows (self, stmt);
}

GPtrArray *
teapot_store_lookup_subcode (TeapotStore *self,
                             const char  *subcode)
{
  sqlite3_stmt *stmt;

  g_return_val_if_fail (TEAPOT_IS_STORE (self), NULL);
  g_return_val_if_fail (subcode != NULL, NULL);

  stmt = _teapot_store_statement (self, select_by_subcode);
  sqlite3_bind_text (stmt, 1, subcode, -1, SQLITE_TRANSIENT);
  return collect_rows (self, stmt);
}

GPtrArray *
teapot_store_list_subcodes (TeapotStore *self,
                            guint        code)
{
  sqlite3_stmt *stmt;

  g_return_val_if_fail (TEAPOT_IS_STORE (self), NULL);

  stmt = _teapot_store_statement (self, select_subcodes);
  sqlite3_bind_int (stmt, 1, code);
  return collect_rows (self, stmt);
}

GPtrArray *
teapot_store_list (TeapotStore        *self,
                   const TeapotFilter *filter,
                   guint               limit)
{
  sqlite3_stmt *stmt;

  g_return_val_if_fail (TEAPOT_IS_STORE (self), NULL);

  stmt = _teapot_store_statement (self, select_list);
  _teapot_store_bind_filter (stmt, filter);
  sqlite3_bind_int64 (stmt, sqlite3_bind_parameter_index (stmt, ":limit"), limit > 0 ? (gint64) limit : -1);
  return collect_rows (self, stmt);
}

guint
teapot_store_count (TeapotStore        *self,
                    const TeapotFilter *filter)
{
  sqlite3_stmt *stmt;
  guint count = 0;

  g_return_val_if_fail (TEAPOT_IS_STORE (self), 0);

  stmt = _teapot_store_statement (self, select_count);
  _teapot_store_bind_filter (stmt, filter);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    count = sqlite3_column_int (stmt, 0);
  sqlite3_reset (stmt);
  return count;
}

GPtrArray *
teapot_store_search (TeapotStore        *self,
                     const char         *query,
                     const TeapotFilter *filter,
                     guint               limit)
{
  g_return_val_if_fail (TEAPOT_IS_STORE (self), NULL);

  return _teapot_search_run (self, query, filter, limit);
}

GPtrArray *
teapot_store_list_tags (TeapotStore *self)
{
  GPtrArray *tags = g_ptr_array_new_with_free_func ((GDestroyNotify) teapot_tag_count_free);
  sqlite3_stmt *stmt;

  g_return_val_if_fail (TEAPOT_IS_STORE (self), NULL);

  stmt = _teapot_store_statement (self, select_tags);
  while (stmt != NULL && sqlite3_step (stmt) == SQLITE_ROW)
    {
      TeapotTagCount *tag = g_new0 (TeapotTagCount, 1);

      tag->tag = g_strdup ((const char *) sqlite3_column_text (stmt, 0));
      tag->count = sqlite3_column_int (stmt, 1);
      g_ptr_array_add (tags, tag);
    }
  if (stmt != NULL)
    sqlite3_reset (stmt);
  return tags;
}

typedef struct
{
  TeapotStore *store;
  TeapotEntry *entry;
  gboolean favourite;
} FavouriteWrite;

static void
favourite_write_free (FavouriteWrite *write)
{
  g_object_unref (write->store);
  g_object_unref (write->entry);
  g_free (write);
}

/* One attempt; the entry follows once the row is written. */
static int
write_favourite (gpointer data)
{
  FavouriteWrite *write = data;
  sqlite3_stmt *stmt = _teapot_store_statement (write->store,
                                                write->favourite ? insert_favourite : delete_favourite);
  int rc;

  if (stmt == NULL)
    return sqlite3_errcode (write->store->db);
  sqlite3_bind_text (stmt, 1, teapot_entry_get_id (write->entry), -1, SQLITE_TRANSIENT);
  rc = sqlite3_step (stmt);
  sqlite3_reset (stmt);
  if (rc == SQLITE_DONE)
    _teapot_entry_set_favourite (write->entry, write->favourite);
  return rc;
}

/* The entry to star, or NULL and @error: no such id, or favourites cannot be saved. */
static FavouriteWrite *
prepare_favourite (TeapotStore  *self,
                   const char   *id,
                   gboolean      favourite,
                   GError      **error)
{
  g_autoptr(TeapotEntry) entry = teapot_store_lookup_id (self, id);
  FavouriteWrite *write;

  if (entry == NULL)
    {
      g_set_error (error, TEAPOT_STORE_ERROR, TEAPOT_STORE_ERROR_NOT_FOUND,
                   _("No entry has the id “%s”"), id);
      return NULL;
    }
  if (self->user_state.read_only)
    {
      g_set_error (error, TEAPOT_STORE_ERROR, TEAPOT_STORE_ERROR_READ_ONLY,
                   _("Favourites cannot be saved: %s"),
                   self->user_state.notice ? self->user_state.notice : _("your saved data is read-only"));
      return NULL;
    }

  write = g_new0 (FavouriteWrite, 1);
  write->store = g_object_ref (self);
  write->entry = g_steal_pointer (&entry);
  write->favourite = favourite;
  return write;
}

/* Waits for another process's lock (up to TEAPOT_BUSY_TIMEOUT_MS): for the command line.
 * The window uses teapot_store_set_favourite_async(). */
gboolean
teapot_store_set_favourite (TeapotStore  *self,
                            const char   *id,
                            gboolean      favourite,
                            GError      **error)
{
  FavouriteWrite *write;
  int rc;

  g_return_val_if_fail (TEAPOT_IS_STORE (self), FALSE);
  g_return_val_if_fail (id != NULL, FALSE);

  write = prepare_favourite (self, id, favourite, error);
  if (write == NULL)
    return FALSE;
  rc = write_favourite (write);
  favourite_write_free (write);
  if (rc != SQLITE_DONE)
    return _teapot_set_sqlite_error (error, self->db, rc, _("Cannot save the favourite"));
  return TRUE;
}

/* Never waits on the main loop for another process's lock (see teapot-write.c). */
void
teapot_store_set_favourite_async (TeapotStore         *self,
                                  const char          *id,
                                  gboolean             favourite,
                                  GCancellable        *cancellable,
                                  GAsyncReadyCallback  callback,
                                  gpointer             user_data)
{
  GError *error = NULL;
  FavouriteWrite *write;

  g_return_if_fail (TEAPOT_IS_STORE (self));
  g_return_if_fail (id != NULL);

  write = prepare_favourite (self, id, favourite, &error);
  if (write == NULL)
    {
      g_task_report_error (self, callback, user_data, _teapot_write_async, error);
      return;
    }
  _teapot_write_async (self, self->db, write_favourite, write, (GDestroyNotify) favourite_write_free,
                       _("Cannot save the favourite"), cancellable, callback, user_data);
}

gboolean
teapot_store_set_favourite_finish (TeapotStore   *self,
                                   GAsyncResult  *result,
                                   GError       **error)
{
  g_return_val_if_fail (TEAPOT_IS_STORE (self), FALSE);
  return _teapot_write_finish (self, result, error);
}
