/* glue_dates.c - placeholder until the dates family lands (issue 3). */
#include "glue.h"
int kr_register_dates(sqlite3 *db, char **pzErr){ (void)db; (void)pzErr; return SQLITE_OK; }
