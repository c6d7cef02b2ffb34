/* teapot-refdb.c
 *
 * Copyright The Teapot authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <errno.h>
#include <string.h>
#include <glib/gstdio.h>
#include <sqlite3.h>

#include "teapot-error.h"
#include "teapot-record.h"
#include "teapot-refdb.h"
#include "teapot-refdb-facts.h"
#include "teapot-text.h"

/* Row order is code order, registered meaning first: listing is "ORDER BY rowid". */
static const char schema[] =
  "PRAGMA journal_mode=OFF;"
  "PRAGMA synchronous=OFF;"
  "PRAGMA page_size=4096;"
  "CREATE TABLE entries ("
  "  rowid INTEGER PRIMARY KEY,"
  "  id TEXT NOT NULL UNIQUE,"
  "  code INTEGER NOT NULL,"
  "  vendor TEXT,"
  "  phrase TEXT NOT NULL,"
  "  status TEXT NOT NULL,"
  "  tags TEXT NOT NULL,"
  "  summary TEXT NOT NULL,"
  "  description TEXT NOT NULL,"
  "  aliases TEXT NOT NULL,"
  "  keywords TEXT NOT NULL,"
  "  headers TEXT NOT NULL,"
  "  related TEXT NOT NULL,"
  "  constants TEXT NOT NULL,"
  "  cacheable INTEGER NOT NULL,"
  "  ref_title TEXT NOT NULL,"
  "  ref_section TEXT NOT NULL,"
  "  ref_url TEXT NOT NULL,"
  "  subcode TEXT,"
  "  prevalence INTEGER NOT NULL,"
  "  prevalence_reason TEXT NOT NULL,"
  "  phrase_ours INTEGER NOT NULL,"
  "  constant_history TEXT NOT NULL);"
  "CREATE INDEX entries_by_code ON entries (code);"
  "CREATE INDEX entries_by_subcode ON entries (subcode) WHERE subcode IS NOT NULL;"
  "CREATE TABLE entry_tags (tag TEXT NOT NULL, entry INTEGER NOT NULL, PRIMARY KEY (tag, entry)) WITHOUT ROWID;"
  "CREATE VIRTUAL TABLE entries_fts USING fts5 ("
  "  phrase, aliases, keywords, tags, summary, description,"
  "  content='entries', content_rowid='rowid',"
  "  tokenize='porter unicode61 remove_diacritics 2');"
  "CREATE TABLE terms (term TEXT PRIMARY KEY, df INTEGER NOT NULL) WITHOUT ROWID;"
  /* Translated text by language; NULL where a field has no translation (English shows). */
  "CREATE TABLE translations ("
  "  lang TEXT NOT NULL,"
  "  entry INTEGER NOT NULL,"
  "  summary TEXT,"
  "  description TEXT,"
  "  PRIMARY KEY (lang, entry)) WITHOUT ROWID;"
  TEAPOT_REFDB_FACTS_SCHEMA
  "CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL) WITHOUT ROWID;";

static char *
join (GPtrArray *items)
{
  GString *out = g_string_new (NULL);

  for (guint i = 0; i < items->len; i++)
    {
      if (i > 0)
        g_string_append (out, TEAPOT_REFDB_LIST_SEP);
      g_string_append (out, g_ptr_array_index (items, i));
    }
  return g_string_free (out, FALSE);
}

static char *
join_constants (TeapotRecord *record)
{
  GString *out = g_string_new (NULL);

  for (guint i = 0; i < record->constant_langs->len; i++)
    {
      if (i > 0)
        g_string_append (out, TEAPOT_REFDB_LIST_SEP);
      g_string_append_printf (out, "%s" TEAPOT_REFDB_PAIR_SEP "%s",
                              (char *) g_ptr_array_index (record->constant_langs, i),
                              (char *) g_ptr_array_index (record->constant_values, i));
    }
  return g_string_free (out, FALSE);
}

/* Every constant with its versions: fields lang, name, since, until, then (empty when not
 * stated) joined by TEAPOT_REFDB_PAIR_SEP, constants by TEAPOT_REFDB_LIST_SEP. */
static char *
join_constant_history (TeapotRecord *record)
{
  GString *out = g_string_new (NULL);

  for (guint i = 0; i < record->constant_history->len; i++)
    {
      TeapotConstant *constant = g_ptr_array_index (record->constant_history, i);
      const char *fields[] = { constant->lang, constant->name, constant->since, constant->until, constant->then };

      if (i > 0)
        g_string_append (out, TEAPOT_REFDB_LIST_SEP);
      for (guint j = 0; j < G_N_ELEMENTS (fields); j++)
        {
          if (j > 0)
            g_string_append (out, TEAPOT_REFDB_PAIR_SEP);
          g_string_append (out, fields[j] != NULL ? fields[j] : "");
        }
    }
  return g_string_free (out, FALSE);
}

/* Tags as the entry shows them: "iana" or the vendor first, then topical tags. */
static GPtrArray *
all_tags (TeapotRecord *record)
{
  GPtrArray *tags = g_ptr_array_new ();

  g_ptr_array_add (tags, record->vendor != NULL ? record->vendor : (char *) "iana");
  for (guint i = 0; i < record->tags->len; i++)
    g_ptr_array_add (tags, g_ptr_array_index (record->tags, i));
  return tags;
}

static void
count_terms (GHashTable   *df,
             TeapotRecord *record)
{
  g_autoptr(GHashTable) seen = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  GPtrArray *fields[] = { record->aliases, record->keywords, record->tags };
  const char *texts[] = { record->phrase, record->summary, record->description, record->vendor };
  GHashTableIter iter;
  gpointer word;

  for (guint i = 0; i < G_N_ELEMENTS (texts); i++)
    {
      g_autoptr(GPtrArray) words = texts[i] ? teapot_text_split_words (texts[i]) : NULL;

      for (guint j = 0; words != NULL && j < words->len; j++)
        g_hash_table_add (seen, g_strdup (g_ptr_array_index (words, j)));
    }
  for (guint i = 0; i < G_N_ELEMENTS (fields); i++)
    for (guint k = 0; k < fields[i]->len; k++)
      {
        g_autoptr(GPtrArray) words = teapot_text_split_words (g_ptr_array_index (fields[i], k));

        for (guint j = 0; j < words->len; j++)
          g_hash_table_add (seen, g_strdup (g_ptr_array_index (words, j)));
      }

  g_hash_table_iter_init (&iter, seen);
  while (g_hash_table_iter_next (&iter, &word, NULL))
    {
      /* Digits are codes, never typos of words. */
      if (g_ascii_isdigit (*(char *) word))
        continue;
      g_hash_table_insert (df, g_strdup (word),
                           GUINT_TO_POINTER (GPOINTER_TO_UINT (g_hash_table_lookup (df, word)) + 1));
    }
}

static gboolean
exec (sqlite3     *db,
      const char  *sql,
      GError     **error)
{
  int rc = sqlite3_exec (db, sql, NULL, NULL, NULL);

  return rc == SQLITE_OK || _teapot_set_sqlite_error (error, db, rc, "Cannot build the reference database");
}

static gboolean
step_done (sqlite3_stmt  *stmt,
           GError       **error)
{
  int rc = sqlite3_step (stmt);

  sqlite3_reset (stmt);
  sqlite3_clear_bindings (stmt);
  return rc == SQLITE_DONE
         || _teapot_set_sqlite_error (error, sqlite3_db_handle (stmt), rc, "Cannot write an entry");
}

static gboolean
write_entries (sqlite3    *db,
               GPtrArray  *records,
               GHashTable *df,
               GError    **error)
{
  sqlite3_stmt *entry = NULL, *tag = NULL;
  gboolean ok = TRUE;

  sqlite3_prepare_v2 (db,
                      "INSERT INTO entries VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16, ?17, ?18,"
                      " ?19, ?20, ?21, ?22, ?23)",
                      -1, &entry, NULL);
  sqlite3_prepare_v2 (db, "INSERT INTO entry_tags VALUES (?1, ?2)", -1, &tag, NULL);
  if (entry == NULL || tag == NULL)
    ok = _teapot_set_sqlite_error (error, db, sqlite3_errcode (db), "Cannot build the reference database");

  for (guint i = 0; ok && i < records->len; i++)
    {
      TeapotRecord *record = g_ptr_array_index (records, i);
      g_autoptr(GPtrArray) tags = all_tags (record);
      char *lists[] = { join (tags), join (record->aliases), join (record->keywords),
                        join (record->headers), join (record->related), join_constants (record),
                        join_constant_history (record) };
      gint64 rowid = i + 1;

      sqlite3_bind_int64 (entry, 1, rowid);
      sqlite3_bind_text (entry, 2, record->id, -1, SQLITE_STATIC);
      sqlite3_bind_int (entry, 3, record->code);
      sqlite3_bind_text (entry, 4, record->vendor, -1, SQLITE_STATIC);
      sqlite3_bind_text (entry, 5, record->phrase, -1, SQLITE_STATIC);
      sqlite3_bind_text (entry, 6, record->status, -1, SQLITE_STATIC);
      sqlite3_bind_text (entry, 7, lists[0], -1, SQLITE_STATIC);
      sqlite3_bind_text (entry, 8, record->summary, -1, SQLITE_STATIC);
      sqlite3_bind_text (entry, 9, record->description, -1, SQLITE_STATIC);
      sqlite3_bind_text (entry, 10, lists[1], -1, SQLITE_STATIC);
      sqlite3_bind_text (entry, 11, lists[2], -1, SQLITE_STATIC);
      sqlite3_bind_text (entry, 12, lists[3], -1, SQLITE_STATIC);
      sqlite3_bind_text (entry, 13, lists[4], -1, SQLITE_STATIC);
      sqlite3_bind_text (entry, 14, lists[5], -1, SQLITE_STATIC);
      sqlite3_bind_int (entry, 15, record->cacheable ? 1 : 0);
      sqlite3_bind_text (entry, 16, record->ref_title, -1, SQLITE_STATIC);
      sqlite3_bind_text (entry, 17, record->ref_section, -1, SQLITE_STATIC);
      sqlite3_bind_text (entry, 18, record->ref_url, -1, SQLITE_STATIC);
      sqlite3_bind_text (entry, 19, record->subcode, -1, SQLITE_STATIC);
      sqlite3_bind_int (entry, 20, record->prevalence);
      sqlite3_bind_text (entry, 21, record->prevalence_reason != NULL ? record->prevalence_reason : "", -1,
                         SQLITE_STATIC);
      sqlite3_bind_int (entry, 22, record->phrase_ours ? 1 : 0);
      sqlite3_bind_text (entry, 23, lists[6], -1, SQLITE_STATIC);
      ok = step_done (entry, error);

      for (guint j = 0; ok && j < tags->len; j++)
        {
          sqlite3_bind_text (tag, 1, g_ptr_array_index (tags, j), -1, SQLITE_STATIC);
          sqlite3_bind_int64 (tag, 2, rowid);
          ok = step_done (tag, error);
        }

      for (guint j = 0; j < G_N_ELEMENTS (lists); j++)
        g_free (lists[j]);
      count_terms (df, record);
    }

  sqlite3_finalize (entry);
  sqlite3_finalize (tag);
  return ok;
}

static gboolean
write_terms (sqlite3    *db,
             GHashTable *df,
             GError    **error)
{
  sqlite3_stmt *stmt = NULL;
  GHashTableIter iter;
  gpointer term, count;
  gboolean ok = TRUE;

  if (sqlite3_prepare_v2 (db, "INSERT INTO terms VALUES (?1, ?2)", -1, &stmt, NULL) != SQLITE_OK)
    return _teapot_set_sqlite_error (error, db, sqlite3_errcode (db), "Cannot build the reference database");

  g_hash_table_iter_init (&iter, df);
  while (ok && g_hash_table_iter_next (&iter, &term, &count))
    {
      sqlite3_bind_text (stmt, 1, term, -1, SQLITE_STATIC);
      sqlite3_bind_int (stmt, 2, GPOINTER_TO_UINT (count));
      ok = step_done (stmt, error);
    }

  sqlite3_finalize (stmt);
  return ok;
}

static int
compare_strings (gconstpointer a,
                 gconstpointer b,
                 gpointer      user_data)
{
  return strcmp (*(const char * const *) a, *(const char * const *) b);
}

static gboolean
write_translations (sqlite3     *db,
                    GPtrArray   *records,
                    GHashTable  *catalogs,
                    GError     **error)
{
  sqlite3_stmt *stmt = NULL;
  g_autofree const char **langs = NULL;
  guint n_langs = 0;
  gboolean ok = TRUE;

  if (catalogs == NULL)
    return TRUE;
  if (sqlite3_prepare_v2 (db, "INSERT INTO translations VALUES (?1, ?2, ?3, ?4)", -1, &stmt, NULL) != SQLITE_OK)
    return _teapot_set_sqlite_error (error, db, sqlite3_errcode (db), "Cannot build the reference database");

  /* In a fixed order, so that the same sources give the same database. */
  langs = (const char **) g_hash_table_get_keys_as_array (catalogs, &n_langs);
  g_sort_array (langs, n_langs, sizeof (char *), (GCompareDataFunc) compare_strings, NULL);

  for (guint l = 0; ok && l < n_langs; l++)
    for (guint i = 0; ok && i < records->len; i++)
      {
        const char *lang = langs[l];
        GHashTable *catalog = g_hash_table_lookup (catalogs, lang);
        TeapotRecord *record = g_ptr_array_index (records, i);
        const char *summary = g_hash_table_lookup (catalog, record->summary);
        const char *description = g_hash_table_lookup (catalog, record->description);

        if (summary == NULL && description == NULL)
          continue;
        sqlite3_bind_text (stmt, 1, lang, -1, SQLITE_STATIC);
        sqlite3_bind_int64 (stmt, 2, i + 1);
        sqlite3_bind_text (stmt, 3, summary, -1, SQLITE_STATIC);
        sqlite3_bind_text (stmt, 4, description, -1, SQLITE_STATIC);
        ok = step_done (stmt, error);
      }

  sqlite3_finalize (stmt);
  return ok;
}

gboolean
teapot_refdb_write (GPtrArray   *records,
                    const char  *path,
                    GError     **error)
{
  return teapot_refdb_write_translated (records, NULL, path, error);
}

gboolean
teapot_refdb_write_translated (GPtrArray   *records,
                               GHashTable  *catalogs,
                               const char  *path,
                               GError     **error)
{
  g_autoptr(GHashTable) df = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autofree char *meta = NULL;
  sqlite3 *db = NULL;
  gboolean ok;
  int rc;

  g_return_val_if_fail (records != NULL, FALSE);
  g_return_val_if_fail (path != NULL, FALSE);

  if (g_unlink (path) != 0 && errno != ENOENT)
    {
      g_set_error (error, G_FILE_ERROR, g_file_error_from_errno (errno),
                   "Cannot replace %s: %s", path, g_strerror (errno));
      return FALSE;
    }

  rc = sqlite3_open_v2 (path, &db, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE, NULL);
  if (rc != SQLITE_OK)
    {
      ok = _teapot_set_sqlite_error (error, db, rc, "Cannot create the reference database");
      sqlite3_close (db);
      return ok;
    }

  meta = g_strdup_printf ("INSERT INTO meta VALUES ('schema', '%d');"
                          "INSERT INTO meta VALUES ('entries', '%u');",
                          TEAPOT_REFDB_SCHEMA_VERSION, records->len);

  ok = exec (db, schema, error)
       && exec (db, "BEGIN", error)
       && write_entries (db, records, df, error)
       && write_terms (db, df, error)
       && write_translations (db, records, catalogs, error)
       && _teapot_refdb_write_facts (db, records, catalogs, error)
       && exec (db, meta, error)
       && exec (db, "INSERT INTO entries_fts (entries_fts) VALUES ('rebuild');"
                    "INSERT INTO entries_fts (entries_fts) VALUES ('optimize');", error)
       /* What search needs to know is how many entries the index finds for a word, stemmed
        * as the index stems it ("requests" finds "request" too). Terms are letters and
        * digits only, so quoting them makes a plain FTS5 string. */
       && exec (db, "UPDATE terms SET df = (SELECT count(*) FROM entries_fts"
                    " WHERE entries_fts MATCH '\"' || term || '\"')", error)
       && exec (db, "COMMIT", error)
       && exec (db, "VACUUM", error);

  sqlite3_close (db);
  return ok;
}
