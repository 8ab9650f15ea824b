/* glue_quotes.c - placeholder until the quotes family lands (issue 4). */
#include "glue.h"
int kr_register_quotes(sqlite3 *db, char **pzErr){ (void)db; (void)pzErr; return SQLITE_OK; }
