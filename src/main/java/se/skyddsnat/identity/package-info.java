/**
 * Users, units, roles and login: the one place where people are authenticated (form login,
 * API tokens; an external identity provider slots in here later) and where the current user's
 * roles and unit memberships come from ({@link se.skyddsnat.identity.CurrentUser}).
 */
package se.skyddsnat.identity;
