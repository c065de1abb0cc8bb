package se.skyddsnat.identity;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Login through the organisation's identity provider (OIDC): the provider's
 * {@code issuer} (its discovery document is read at the first login, not at start), this
 * client's {@code clientId} and {@code clientSecret}, the {@code userClaim} whose value
 * is matched against the users' external identity, and {@code only}: hide the password
 * form (the API's tokens still take passwords, for automation accounts). No issuer:
 * passwords only.
 */
@ConfigurationProperties("skyddsnat.oidc")
record OidcProperties(@DefaultValue("") String issuer, @DefaultValue("") String clientId,
		@DefaultValue("") String clientSecret, @DefaultValue("preferred_username") String userClaim,
		@DefaultValue("false") boolean only) {

	static final String REGISTRATION_ID = "oidc";

	boolean enabled() {
		return issuer != null && !issuer.isBlank();
	}
}
