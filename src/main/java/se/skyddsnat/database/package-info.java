/**
 * The embedded PostgreSQL that Skyddsnät runs when no datasource is configured: one
 * server per data directory, two database roles (the owner that migrates, the application
 * that may not rewrite the audit log), password authentication, durable commits, and a
 * clean start after the previous process was killed; and the consistent backup of such a
 * data directory and its restore into an empty one
 * ({@link se.skyddsnat.database.DataBackup}, a command-line tool run by
 * {@code scripts/backup.sh} and {@code scripts/restore.sh}). Nothing here is used by the
 * other modules; an external PostgreSQL replaces all of it.
 */
package se.skyddsnat.database;
