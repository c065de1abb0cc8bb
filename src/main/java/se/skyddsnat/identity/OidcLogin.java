package se.skyddsnat.identity;

import java.io.Serializable;
import java.util.Collection;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import lombok.RequiredArgsConstructor;
import org.springframework.security.authentication.DisabledException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.client.oidc.userinfo.OidcUserRequest;
import org.springframework.security.oauth2.client.oidc.userinfo.OidcUserService;
import org.springframework.security.oauth2.client.registration.ClientRegistration;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;
import org.springframework.security.oauth2.client.registration.ClientRegistrations;
import org.springframework.security.oauth2.client.userinfo.OAuth2UserService;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.oidc.user.DefaultOidcUser;
import org.springframework.security.oauth2.core.oidc.user.OidcUser;
import org.springframework.security.web.authentication.AuthenticationFailureHandler;
import org.springframework.security.web.authentication.AuthenticationSuccessHandler;
import org.springframework.security.web.authentication.logout.LogoutSuccessHandler;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * The pieces of the OIDC login (authorization code flow, Spring Security's OAuth2
 * client): the provider's registration, read from its discovery document at the first
 * login (so the application starts while the provider is away); the mapping of the
 * configured claim to a Skyddsnät user through
 * {@link Authenticator#authenticateExternal}; the session then holds that
 * {@link CurrentUser} (with the ID token, kept for the logout only); logout ends the
 * provider's session too where the provider offers RP-initiated logout
 * ({@code end_session_endpoint}).
 */
@RequiredArgsConstructor
final class OidcLogin {

	static final String REFUSED = "/login/oidc-refused";

	private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(OidcLogin.class);

	private static final String UNKNOWN = "skyddsnat_unknown_identity";

	private static final String DISABLED = "skyddsnat_disabled";

	/** Kept as the session's authentication details: what RP-initiated logout needs. */
	record LoginDetails(String idToken) implements Serializable {
		@Override
		public String toString() {
			return "OidcLogin.LoginDetails[...]";
		}
	}

	/**
	 * The provider's user carrying the Skyddsnät user it maps to, until the success
	 * handler puts that in the session.
	 */
	static final class MappedUser extends DefaultOidcUser {

		private final CurrentUser user;

		MappedUser(OidcUser provider, CurrentUser user, Collection<? extends GrantedAuthority> authorities) {
			super(authorities, provider.getIdToken(), provider.getUserInfo());
			this.user = user;
		}

	}

	private final OidcProperties properties;

	private volatile ClientRegistration registration;

	ClientRegistrationRepository registrations() {
		return id -> OidcProperties.REGISTRATION_ID.equals(id) ? registration() : null;
	}

	private ClientRegistration registration() {
		if (registration == null) {
			synchronized (this) {
				if (registration == null) {
					registration = ClientRegistrations.fromIssuerLocation(properties.issuer())
						.registrationId(OidcProperties.REGISTRATION_ID)
						.clientId(properties.clientId())
						.clientSecret(properties.clientSecret())
						.scope("openid", "profile")
						.redirectUri("{baseUrl}/login/oauth2/code/{registrationId}")
						.userNameAttributeName(properties.userClaim())
						.build();
				}
			}
		}
		return registration;
	}

	OAuth2UserService<OidcUserRequest, OidcUser> userService(Authenticator authenticator) {
		var delegate = new OidcUserService();
		return request -> {
			OidcUser provider = delegate.loadUser(request);
			Object claim = provider.getClaims().get(properties.userClaim());
			try {
				CurrentUser user = authenticator.authenticateExternal(claim == null ? null : claim.toString(), "oidc");
				return new MappedUser(provider, user, user.authorities());
			}
			catch (ExternalIdentityUnknown e) {
				throw new OAuth2AuthenticationException(new OAuth2Error(UNKNOWN), e);
			}
			catch (DisabledException e) {
				throw new OAuth2AuthenticationException(new OAuth2Error(DISABLED), e);
			}
			catch (AuthenticationException e) {
				throw new OAuth2AuthenticationException(new OAuth2Error("skyddsnat_refused"), e);
			}
		};
	}

	static AuthenticationSuccessHandler success() {
		var sessions = new HttpSessionSecurityContextRepository();
		return (request, response, authentication) -> {
			if (!(authentication.getPrincipal() instanceof MappedUser mapped)) {
				throw new IllegalStateException("An OIDC login without a Skyddsnät user");
			}
			var token = UsernamePasswordAuthenticationToken.authenticated(mapped.user, null, mapped.user.authorities());
			token.setDetails(new LoginDetails(mapped.getIdToken().getTokenValue()));
			var context = SecurityContextHolder.createEmptyContext();
			context.setAuthentication(token);
			SecurityContextHolder.setContext(context);
			sessions.saveContext(context, request, response);
			response.sendRedirect(request.getContextPath() + "/");
		};
	}

	static AuthenticationFailureHandler failure() {
		return (request, response, e) -> {
			String code = e instanceof OAuth2AuthenticationException o ? o.getError().getErrorCode() : "";
			response.sendRedirect(request.getContextPath() + switch (code) {
				case UNKNOWN -> REFUSED;
				case DISABLED -> "/login?error=disabled";
				case "skyddsnat_refused" -> "/login?error=bad";
				default -> "/login?error=oidc";
			});
		};
	}

	/**
	 * The way to the provider could not be built (it did not answer): the login page says
	 * so, the log says why.
	 */
	static AuthenticationFailureHandler unavailable() {
		return (request, response, e) -> {
			log.warn("The identity provider is not reachable: {}",
					e.getCause() == null ? e.toString() : e.getCause().toString());
			response.sendRedirect(request.getContextPath() + "/login?error=oidcUnavailable");
		};
	}

	/**
	 * After the local session ended: to the provider's end-session endpoint when the user
	 * came from there.
	 */
	LogoutSuccessHandler logoutSuccess() {
		return (HttpServletRequest request, HttpServletResponse response, Authentication authentication) -> {
			String back = ServletUriComponentsBuilder.fromContextPath(request)
				.path("/login")
				.query("logout")
				.build()
				.toUriString();
			String target = request.getContextPath() + "/login?logout";
			if (authentication != null && authentication.getDetails() instanceof LoginDetails details) {
				Object endpoint = registration().getProviderDetails()
					.getConfigurationMetadata()
					.get("end_session_endpoint");
				if (endpoint != null) {
					target = UriComponentsBuilder.fromUriString(endpoint.toString())
						.queryParam("client_id", properties.clientId())
						.queryParam("id_token_hint", details.idToken())
						.queryParam("post_logout_redirect_uri", back)
						.encode()
						.build()
						.toUriString();
				}
			}
			response.sendRedirect(target);
		};
	}

}
