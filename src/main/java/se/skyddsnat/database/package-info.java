/**
 * The embedded PostgreSQL that Skyddsnät runs when no datasource is configured: one server per data directory,
 * two database roles (the owner that migrates, the application that may not rewrite the audit log), password
 * authentication, durable commits, and a clean start after the previous process was killed. Nothing here is used
 * by the other modules; an external PostgreSQL replaces all of it.
 */
package se.skyddsnat.database;
