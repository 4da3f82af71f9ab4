#include "CSQLiteDefensive.h"

int claimledger_enable_defensive(sqlite3 *db) {
    return sqlite3_db_config(db, SQLITE_DBCONFIG_DEFENSIVE, 1, (int *)0);
}

int claimledger_defensive_enabled(sqlite3 *db) {
    int on = -1;
    if (sqlite3_db_config(db, SQLITE_DBCONFIG_DEFENSIVE, -1, &on) != SQLITE_OK) return -1;
    return on;
}
