/*
 * Opens a vault with upstream SQLCipher 4 (the registry's amalgamation) and a raw key, as an
 * expert would in a disaster: prints the unit name and SQLCipher's own integrity verdict.
 * usage: open-vault <ledger.db> <64-hex key>
 */
#include <stdio.h>
#include <string.h>
#include "sqlite3.h"

static int print_row(void *label, int n, char **values, char **names) {
  (void)names;
  for (int i = 0; i < n; i++) printf("%s: %s\n", (const char *)label, values[i] ? values[i] : "NULL");
  return 0;
}

int main(int argc, char **argv) {
  if (argc != 3 || strlen(argv[2]) != 64) {
    fprintf(stderr, "usage: open-vault <ledger.db> <64-hex key>\n");
    return 2;
  }
  sqlite3 *db;
  if (sqlite3_open_v2(argv[1], &db, SQLITE_OPEN_READONLY, NULL) != SQLITE_OK) return 3;
  char sql[256];
  snprintf(sql, sizeof sql, "PRAGMA key = \"x'%s'\";", argv[2]);
  char *err = NULL;
  if (sqlite3_exec(db, sql, NULL, NULL, &err) != SQLITE_OK) goto fail;
  if (sqlite3_exec(db, "PRAGMA cipher_version;", print_row, "cipher_version", &err) != SQLITE_OK) goto fail;
  if (sqlite3_exec(db, "SELECT unit_name FROM vault_meta;", print_row, "unit_name", &err) != SQLITE_OK) goto fail;
  if (sqlite3_exec(db, "SELECT count(*) FROM audit_log;", print_row, "audit_entries", &err) != SQLITE_OK) goto fail;
  /* cipher_integrity_check prints one row per bad page and nothing when all are sound. */
  if (sqlite3_exec(db, "PRAGMA cipher_integrity_check;", print_row, "cipher_error", &err) != SQLITE_OK) goto fail;
  printf("done\n");
  sqlite3_close(db);
  return 0;
fail:
  fprintf(stderr, "sqlcipher: %s\n", err ? err : "error");
  sqlite3_close(db);
  return 1;
}
