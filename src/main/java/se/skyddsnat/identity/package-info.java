/**
 * Users, units, roles and login: the one place where people are authenticated (form login
 * and API tokens, through {@code Authenticator}, with a second factor — TOTP and recovery
 * codes — for those who read personal data; or the organisation's identity provider over
 * OIDC, mapped to a Skyddsnät user), with lockout and throttling, and where the current
 * user's roles and unit memberships come from
 * ({@link se.skyddsnat.identity.CurrentUser}). What a role may do is written down once,
 * in {@link se.skyddsnat.identity.Permission} ({@code user.may(...)}); the units are
 * listed by {@link se.skyddsnat.identity.UnitDirectory}. Also the administration of users
 * and units, and the security configuration, and the demo ({@code SKYDDSNAT_DEMO=true}):
 * its users for each role and the runner that fills every module's
 * {@link se.skyddsnat.shared.DemoContribution} as those users. Schema {@code identity}.
 */
package se.skyddsnat.identity;
