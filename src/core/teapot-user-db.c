/* teapot-user-db.c
 *
 * Copyright The Teapot authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <errno.h>
#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>

#include "teapot-sql.h"
#include "teapot-write.h"
#include "teapot-user-db.h"

/* One step per schema version; each runs in its own transaction. */
static const char * const migrations[TEAPOT_USER_DB_VERSION] = {
  /* 0 -> 1 */
  "CREATE TABLE user.favourites ("
  "  id TEXT PRIMARY KEY NOT NULL,"
  "  added INTEGER NOT NULL"
  ") WITHOUT ROWID;",

  /* 1 -> 2: study mode. A card per entry ever reviewed (absent: new), FSRS memory state and
   * schedule; times in Unix seconds, stability in days. The log keeps every answer for
   * progress figures (and for refitting parameters one day). Favourites are untouched. */
  "CREATE TABLE user.cards ("
  "  id TEXT PRIMARY KEY NOT NULL,"
  "  state INTEGER NOT NULL,"
  "  stability REAL NOT NULL,"
  "  difficulty REAL NOT NULL,"
  "  step INTEGER NOT NULL,"
  "  due INTEGER NOT NULL,"
  "  last_review INTEGER NOT NULL,"
  "  reps INTEGER NOT NULL,"
  "  lapses INTEGER NOT NULL"
  ") WITHOUT ROWID;"
  "CREATE INDEX user.cards_due ON cards (due);"
  "CREATE TABLE user.reviews ("
  "  id INTEGER PRIMARY KEY,"
  "  entry TEXT NOT NULL,"
  "  rating INTEGER NOT NULL,"
  "  reviewed_at INTEGER NOT NULL,"
  "  elapsed INTEGER NOT NULL,"       /* seconds since the previous review, 0 for the first */
  "  state_before INTEGER NOT NULL,"
  "  stability REAL NOT NULL,"        /* after the review */
  "  difficulty REAL NOT NULL,"
  "  interval INTEGER NOT NULL"       /* seconds until due */
  ");"
  "CREATE INDEX user.reviews_time ON reviews (reviewed_at);"
  "CREATE INDEX user.reviews_entry ON reviews (entry, rating);",
};

/* What each schema version must contain for the file to be ours. */
static const char * const expected_tables[TEAPOT_USER_DB_VERSION + 1] = {
  NULL,
  "favourites",
  "reviews",
};

typedef enum
{
  FILE_MISSING,
  FILE_OK,
  FILE_DAMAGED,
  FILE_NEWER,
  FILE_UNREADABLE,
  FILE_NEEDS_RECOVERY,
} FileHealth;

char *
_teapot_user_db_default_path (void)
{
  return g_build_filename (g_get_user_data_dir (), "teapot", "user.sqlite", NULL);
}

static gboolean
has_table (sqlite3    *db,
           const char *schema,
           const char *table)
{
  g_autoptr(sqlite3_stmt) stmt =
    _teapot_sql_prepare (db, "SELECT 1 FROM pragma_table_list WHERE schema = ?1 AND name = ?2 AND type = 'table'",
                         NULL);

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, schema, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 2, table, -1, SQLITE_STATIC);
  return _teapot_sql_step (stmt, NULL);
}

static int
count_tables (sqlite3 *db)
{
  g_autoptr(sqlite3_stmt) stmt = _teapot_sql_prepare (db, "SELECT count(*) FROM sqlite_schema", NULL);

  return stmt != NULL && _teapot_sql_step (stmt, NULL) ? sqlite3_column_int (stmt, 0) : -1;
}

static int
single_int (sqlite3    *db,
            const char *sql,
            int        *rc)
{
  sqlite3_stmt *stmt = NULL;
  int value = -1;

  *rc = sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL);
  if (*rc == SQLITE_OK)
    {
      *rc = sqlite3_step (stmt);
      if (*rc == SQLITE_ROW)
        {
          value = sqlite3_column_int (stmt, 0);
          *rc = SQLITE_OK;
        }
    }
  sqlite3_finalize (stmt);
  return value;
}

static gboolean
quick_check_ok (sqlite3 *db)
{
  g_autoptr(sqlite3_stmt) stmt = _teapot_sql_prepare (db, "PRAGMA quick_check", NULL);

  return stmt != NULL && _teapot_sql_step (stmt, NULL)
         && g_strcmp0 ((const char *) sqlite3_column_text (stmt, 0), "ok") == 0;
}

static char *
file_uri (const char *path,
          const char *mode)
{
  g_autofree char *escaped = g_uri_escape_string (path, "/", FALSE);

  return g_strdup_printf ("file:%s?mode=%s", escaped, mode);
}

/* A WAL database can only be read where its -shm file exists or can be created. In a
 * read-only folder (a read-only mount, a sandbox) after a clean shutdown there is neither
 * -wal nor -shm, and the file alone is the whole database: it may be read as immutable.
 * With a -wal left behind that would hide its writes, so then there is no second try. */
static char *
immutable_uri (const char *path)
{
  g_autofree char *wal = g_strconcat (path, "-wal", NULL);

  if (g_file_test (wal, G_FILE_TEST_EXISTS))
    return NULL;
  return file_uri (path, "ro&immutable=1");
}

static FileHealth
examine_uri (const char *uri,
             int        *version)
{
  g_auto(TeapotSqlTransaction) snapshot = { 0 };
  sqlite3 *db = NULL;
  FileHealth health = FILE_OK;
  int rc;

  rc = sqlite3_open_v2 (uri, &db, SQLITE_OPEN_READONLY | SQLITE_OPEN_URI, NULL);
  if (rc != SQLITE_OK)
    {
      sqlite3_close (db);
      return FILE_UNREADABLE;
    }
  sqlite3_busy_timeout (db, TEAPOT_BUSY_TIMEOUT_MS);

  /* Every check reads one snapshot: another Teapot migrating the file between two of them
   * (version 0 read, then its new table seen) would look like a foreign file. */
  _teapot_sql_transaction_begin (&snapshot, db, FALSE, NULL);

  *version = single_int (db, "PRAGMA user_version", &rc);
  if (rc == SQLITE_NOTADB || rc == SQLITE_CORRUPT)
    health = FILE_DAMAGED;
  else if ((rc & 0xff) == SQLITE_READONLY)
    health = FILE_NEEDS_RECOVERY;
  else if (rc != SQLITE_OK)
    health = FILE_UNREADABLE;
  else if (*version > TEAPOT_USER_DB_VERSION)
    health = FILE_NEWER;
  else if (*version < 0)
    health = FILE_DAMAGED;
  else if (*version == 0 ? count_tables (db) != 0 : !has_table (db, "main", expected_tables[*version]))
    health = FILE_DAMAGED;
  else if (!quick_check_ok (db))
    health = FILE_DAMAGED;

  _teapot_sql_transaction_clear (&snapshot);
  sqlite3_close (db);
  return health;
}

/* Looks at an existing file on its own connection before it is attached, so that a
 * damaged or foreign file is never written to. */
/* A process killed mid-write leaves a write-ahead log whose index a reader cannot rebuild
 * (SQLITE_READONLY_RECOVERY): the first read of a read-write connection replays it, as any
 * SQLite client would on opening the file. Nothing is written but the replay itself. */
static void
recover_wal (const char *path)
{
  sqlite3 *db = NULL;

  if (sqlite3_open_v2 (path, &db, SQLITE_OPEN_READWRITE, NULL) == SQLITE_OK)
    {
      sqlite3_busy_timeout (db, TEAPOT_BUSY_TIMEOUT_MS);
      _teapot_sql_exec (db, "SELECT count(*) FROM sqlite_schema", NULL);
    }
  sqlite3_close (db);
}

static FileHealth
examine (const char *path,
         int        *version)
{
  g_autofree char *uri = NULL;
  g_autofree char *immutable = NULL;
  FileHealth health;

  *version = 0;
  if (!g_file_test (path, G_FILE_TEST_EXISTS))
    return FILE_MISSING;

  uri = file_uri (path, "ro");
  health = examine_uri (uri, version);
  if (health == FILE_NEEDS_RECOVERY)
    {
      recover_wal (path);
      health = examine_uri (uri, version);
      if (health == FILE_NEEDS_RECOVERY)
        health = FILE_UNREADABLE;
    }
  if (health == FILE_UNREADABLE && (immutable = immutable_uri (path)) != NULL)
    health = examine_uri (immutable, version);
  return health;
}

static char *
move_aside (const char  *path,
            GError     **error)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autofree char *stamp = g_date_time_format (now, "%Y%m%d-%H%M%S");
  g_autofree char *target = NULL;
  const char *suffixes[] = { "-wal", "-shm", "-journal" };

  for (guint n = 0; target == NULL || g_file_test (target, G_FILE_TEST_EXISTS); n++)
    {
      g_free (target);
      target = n == 0 ? g_strdup_printf ("%s.damaged-%s", path, stamp)
                      : g_strdup_printf ("%s.damaged-%s-%u", path, stamp, n);
    }

  if (g_rename (path, target) != 0)
    {
      int saved = errno;

      g_set_error (error, G_FILE_ERROR, g_file_error_from_errno (saved),
                   _("Cannot move the damaged file %s aside: %s"), path, g_strerror (saved));
      return NULL;
    }

  /* The journal files belong to the damaged database: keep them beside it. */
  for (guint i = 0; i < G_N_ELEMENTS (suffixes); i++)
    {
      g_autofree char *from = g_strconcat (path, suffixes[i], NULL);
      g_autofree char *to = g_strconcat (target, suffixes[i], NULL);

      if (g_file_test (from, G_FILE_TEST_EXISTS))
        g_rename (from, to);
    }

  return g_steal_pointer (&target);
}

/* Runs @sql, trying again while another process holds the lock. The busy handler does not
 * cover every case: switching a new file to WAL while another first start does the same
 * fails with SQLITE_BUSY at once (seen in the concurrency test's creation race). */
static gboolean
exec (sqlite3     *db,
      const char  *sql,
      GError     **error)
{
  gint64 deadline = g_get_monotonic_time () + TEAPOT_BUSY_TIMEOUT_MS * G_TIME_SPAN_MILLISECOND;
  g_autoptr(GError) local_error = NULL;

  while (!_teapot_sql_exec (db, sql, &local_error))
    {
      if (!g_error_matches (local_error, TEAPOT_STORE_ERROR, TEAPOT_STORE_ERROR_BUSY)
          || g_get_monotonic_time () >= deadline)
        {
          g_propagate_prefixed_error (error, g_steal_pointer (&local_error), "%s: ",
                                      _("Cannot update your saved data"));
          return FALSE;
        }
      g_clear_error (&local_error);
      g_usleep (5 * G_TIME_SPAN_MILLISECOND);
    }
  return TRUE;
}

/* One migration step in its own transaction. The reference database is attached read-only,
 * which rules out BEGIN IMMEDIATE (it would lock every schema): the transaction starts
 * deferred, and a writer that got there first makes us start over. */
static gboolean
migrate_step (sqlite3  *db,
              int      *version,
              GError  **error)
{
  g_auto(TeapotSqlTransaction) transaction = { 0 };
  g_autofree char *set_version = NULL;
  int rc;

  if (!_teapot_sql_transaction_begin (&transaction, db, FALSE, error))
    return FALSE;
  *version = single_int (db, "PRAGMA user.user_version", &rc);
  if (rc != SQLITE_OK)
    return _teapot_sql_set_error (error, db, rc);
  if (*version < TEAPOT_USER_DB_VERSION)
    {
      /* A pragma takes no parameters; the value is our own integer. */
      set_version = g_strdup_printf ("PRAGMA user.user_version = %d", *version + 1);
      if (!_teapot_sql_exec (db, migrations[*version], error) || !_teapot_sql_exec (db, set_version, error))
        return FALSE;
    }
  return _teapot_sql_transaction_commit (&transaction, error);
}

static gboolean
migrate (sqlite3  *db,
         GError  **error)
{
  gint64 deadline = g_get_monotonic_time () + TEAPOT_BUSY_TIMEOUT_MS * G_TIME_SPAN_MILLISECOND;
  int version = 0;

  while (version < TEAPOT_USER_DB_VERSION || version < 0)
    {
      g_autoptr(GError) local_error = NULL;

      if (!migrate_step (db, &version, &local_error))
        {
          if (g_error_matches (local_error, TEAPOT_STORE_ERROR, TEAPOT_STORE_ERROR_BUSY)
              && g_get_monotonic_time () < deadline)
            {
              g_usleep (5 * G_TIME_SPAN_MILLISECOND);
              continue;
            }
          g_propagate_prefixed_error (error, g_steal_pointer (&local_error), "%s: ",
                                      _("Cannot update your saved data"));
          return FALSE;
        }
      if (version >= TEAPOT_USER_DB_VERSION)
        break;
    }
  return TRUE;
}

static gboolean
attach (sqlite3     *db,
        const char  *uri,
        GError     **error)
{
  g_autoptr(sqlite3_stmt) stmt = _teapot_sql_prepare (db, "ATTACH DATABASE ?1 AS user", error);

  if (stmt != NULL)
    sqlite3_bind_text (stmt, 1, uri, -1, SQLITE_TRANSIENT);
  if (stmt == NULL || !_teapot_sql_run (stmt, error))
    {
      g_prefix_error (error, "%s: ", _("Cannot open your saved data"));
      return FALSE;
    }
  return TRUE;
}

/* Favourites stay browsable but cannot change: memory only, for this run. */
static gboolean
attach_in_memory (sqlite3            *db,
                  TeapotUserDbState  *state,
                  GError            **error)
{
  state->read_only = TRUE;
  return attach (db, "file:teapot-user?mode=memory", error) && migrate (db, error);
}

static gboolean
attach_read_only_file (sqlite3            *db,
                       const char         *path,
                       TeapotUserDbState  *state,
                       GError            **error)
{
  g_autofree char *uri = file_uri (path, "ro");
  g_autofree char *immutable = immutable_uri (path);

  state->read_only = TRUE;
  if (attach (db, uri, NULL) && has_table (db, "user", "favourites"))
    return TRUE;
  _teapot_sql_exec (db, "DETACH DATABASE user", NULL);
  if (immutable != NULL && attach (db, immutable, NULL) && has_table (db, "user", "favourites"))
    return TRUE;
  _teapot_sql_exec (db, "DETACH DATABASE user", NULL);
  return attach_in_memory (db, state, error);
}

gboolean
_teapot_user_db_attach (sqlite3            *db,
                        const char         *path,
                        TeapotUserDbState  *state,
                        GError            **error)
{
  g_autofree char *dir = g_path_get_dirname (path);
  g_autofree char *uri = NULL;
  g_autoptr(GError) local_error = NULL;
  int version;

  g_return_val_if_fail (db != NULL, FALSE);
  g_return_val_if_fail (path != NULL, FALSE);

  sqlite3_busy_timeout (db, TEAPOT_BUSY_TIMEOUT_MS);

  /* No saved data at all (the shell completions): nothing on disk is read, moved or made. */
  if (g_str_equal (path, ":memory:"))
    return attach_in_memory (db, state, error);

  switch (examine (path, &version))
    {
    case FILE_NEWER:
      state->notice = g_strdup_printf (_("Your saved data (%s) was written by a newer version of Teapot "
                                         "(schema %d); it is opened read-only so that nothing in it is lost."),
                                       path, version);
      return attach_read_only_file (db, path, state, error);

    case FILE_DAMAGED:
      {
        g_autofree char *aside = move_aside (path, &local_error);

        if (aside == NULL)
          {
            state->notice = g_strdup_printf (_("Your saved data is damaged and cannot be repaired here: %s. "
                                               "Favourites will not be saved."), local_error->message);
            return attach_in_memory (db, state, error);
          }
        state->notice = g_strdup_printf (_("Your saved data was damaged. It was moved to %s and a fresh "
                                           "file was created."), aside);
      }
      break;

    case FILE_UNREADABLE:
      state->notice = g_strdup_printf (_("Your saved data (%s) cannot be read. Favourites will not be saved."),
                                       path);
      return attach_in_memory (db, state, error);

    case FILE_MISSING:
    case FILE_OK:
    default:
      break;
    }

  if (g_mkdir_with_parents (dir, 0700) != 0)
    {
      int saved = errno;

      state->notice = g_strdup_printf (_("Cannot create %s (%s). Favourites will not be saved."),
                                       dir, g_strerror (saved));
      return attach_in_memory (db, state, error);
    }

  uri = file_uri (path, "rwc");
  if (!attach (db, uri, &local_error)
      || !exec (db, "PRAGMA user.journal_mode = WAL", &local_error)
      || !migrate (db, &local_error))
    {
      _teapot_sql_exec (db, "DETACH DATABASE user", NULL);
      state->notice = g_strdup_printf (_("Cannot write your saved data (%s). Favourites will not be saved."),
                                       local_error->message);
      if (g_file_test (path, G_FILE_TEST_EXISTS))
        return attach_read_only_file (db, path, state, error);
      return attach_in_memory (db, state, error);
    }

  return TRUE;
}
