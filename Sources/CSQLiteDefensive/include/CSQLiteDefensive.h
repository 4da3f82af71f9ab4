#ifndef CSQLITE_DEFENSIVE_H
#define CSQLITE_DEFENSIVE_H
#include <sqlite3.h>

/// Turns on SQLITE_DBCONFIG_DEFENSIVE (no writable_schema edits, no shadow-table
/// writes) on a connection. Returns an SQLite result code.
int claimledger_enable_defensive(sqlite3 *db);

/// Reads the current SQLITE_DBCONFIG_DEFENSIVE setting (1 on, 0 off, -1 error).
int claimledger_defensive_enabled(sqlite3 *db);

#endif
