package se.skyddsnat.identity;

import java.time.Clock;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpMethod;
import org.springframework.security.authentication.DisabledException;
import org.springframework.security.config.annotation.method.configuration.EnableMethodSecurity;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AbstractHttpConfigurer;
import org.springframework.security.config.annotation.web.configurers.HeadersConfigurer;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.intercept.AuthorizationFilter;
import org.springframework.security.web.authentication.AnonymousAuthenticationFilter;
import org.springframework.security.web.authentication.AuthenticationFailureHandler;
import org.springframework.security.web.authentication.logout.LogoutHandler;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter.ReferrerPolicy;
import org.springframework.security.web.util.matcher.AnyRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;

import se.skyddsnat.audit.AuditEvent;
import se.skyddsnat.audit.AuditKind;
import se.skyddsnat.audit.AuditLog;
import se.skyddsnat.audit.AuditSubject;

/**
 * Two ways in: API clients with bearer tokens (stateless, no CSRF since no cookies),
 * browsers with a session and CSRF. Both authenticate through {@link Authenticator}.
 * Strict headers everywhere: no inline script (CSP), no framing, no sniffing, no referrer
 * outside the site; over HTTPS (as the TLS proxy reports it, or when configured) HSTS and
 * Secure cookies.
 */
@Configuration(proxyBeanMethods = false)
@EnableMethodSecurity
class SecurityConfiguration {

	/**
	 * HSTS for a year, subdomains included: sent on HTTPS answers, or on all with
	 * {@code https-only}.
	 */
	private final RequestMatcher hsts;

	/**
	 * The CSP; with an identity provider, forms may also lead there (logout redirects to
	 * its end-session page).
	 */
	private final String csp;

	SecurityConfiguration(SecurityProperties properties, OidcProperties oidc) {
		this.hsts = properties.httpsOnly() ? AnyRequestMatcher.INSTANCE : HttpServletRequest::isSecure;
		this.csp = oidc.enabled() ? CSP.replace("form-action 'self'", "form-action 'self' " + origin(oidc.issuer()))
				: CSP;
	}

	private static String origin(String issuer) {
		var uri = java.net.URI.create(issuer.strip());
		return uri.getScheme() + "://" + uri.getAuthority();
	}

	/**
	 * After the forwarded headers are applied (framework strategy), before security and
	 * everything else.
	 */
	@Bean
	FilterRegistrationBean<SecureCookies> secureCookies(SecurityProperties properties) {
		var registration = new FilterRegistrationBean<>(new SecureCookies(properties.httpsOnly()));
		registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 10);
		return registration;
	}

	static final String CSP = "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
			+ "font-src 'self'; connect-src 'self'; object-src 'none'; base-uri 'self'; form-action 'self'; "
			+ "frame-ancestors 'none'";

	@Bean
	PasswordEncoder passwordEncoder() {
		// bcrypt today, with the {id} prefix so that hashes can move to Argon2id without
		// a reset
		return PasswordEncoderFactories.createDelegatingPasswordEncoder();
	}

	@Bean
	@Order(1)
	SecurityFilterChain api(HttpSecurity http, ApiTokens tokens, ProblemResponses problems) {
		http.securityMatcher("/api/**")
			.csrf(AbstractHttpConfigurer::disable)
			.sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
			.requestCache(AbstractHttpConfigurer::disable)
			.formLogin(AbstractHttpConfigurer::disable)
			.httpBasic(AbstractHttpConfigurer::disable)
			.logout(AbstractHttpConfigurer::disable)
			.addFilterBefore(new BearerTokenFilter(tokens, problems), AnonymousAuthenticationFilter.class)
			.authorizeHttpRequests(a -> a.requestMatchers(HttpMethod.POST, "/api/v1/tokens")
				.permitAll()
				.requestMatchers("/api/v1/users", "/api/v1/users/**")
				.hasRole(Role.ADMIN.name())
				.anyRequest()
				.authenticated())
			.exceptionHandling(e -> e.authenticationEntryPoint(problems).accessDeniedHandler(problems))
			.headers(this::strictHeaders);
		return http.build();
	}

	@Bean
	@Order(2)
	SecurityFilterChain actuator(HttpSecurity http, ApiTokens tokens, ProblemResponses problems) {
		// Health is public (load balancers); metrics need an ADMIN session or bearer
		// token (Prometheus).
		http.securityMatcher("/actuator/**")
			.csrf(AbstractHttpConfigurer::disable)
			.requestCache(AbstractHttpConfigurer::disable)
			.addFilterBefore(new BearerTokenFilter(tokens, problems), AnonymousAuthenticationFilter.class)
			.authorizeHttpRequests(a -> a.requestMatchers("/actuator/health", "/actuator/health/**")
				.permitAll()
				.anyRequest()
				.hasRole(Role.ADMIN.name()))
			.exceptionHandling(e -> e.authenticationEntryPoint(problems).accessDeniedHandler(problems))
			.headers(this::strictHeaders);
		return http.build();
	}

	@Bean
	@Order(3)
	SecurityFilterChain web(HttpSecurity http, UserAccounts accounts, AuditLog audit, Clock clock, OidcProperties oidc,
			Authenticator authenticator) {
		// Form login uses the global AuthenticationManager, built from the one
		// PasswordAuthenticationProvider
		// bean. (Adding the provider here too would make a failed login count twice:
		// local, then parent.)
		http.authorizeHttpRequests(a -> a
			.requestMatchers("/login", LoginController.REFUSED, OidcLogin.REFUSED, "/css/**", "/js/**", "/webjars/**",
					"/favicon.ico", "/favicon.svg", "/error", "/v3/api-docs", "/v3/api-docs/**")
			.permitAll()
			// the public training pages: booking without an account (CSRF as on every
			// form)
			.requestMatchers("/public/training", "/public/training/**")
			.permitAll()
			.requestMatchers("/admin/**")
			.hasRole(Role.ADMIN.name())
			.anyRequest()
			.authenticated())
			.logout(l -> l.logoutUrl("/logout")
				.logoutSuccessUrl("/login?logout")
				.deleteCookies("JSESSIONID")
				.addLogoutHandler(auditLogout(audit)))
			.sessionManagement(s -> s.sessionFixation(f -> f.changeSessionId()))
			// an htmx request (e.g. a journal autosave) after the session ended gets 401,
			// not the login page
			// swapped into a status line, so the page can tell the user that nothing was
			// saved
			.exceptionHandling(e -> e.defaultAuthenticationEntryPointFor(
					new org.springframework.security.web.authentication.HttpStatusEntryPoint(
							org.springframework.http.HttpStatus.UNAUTHORIZED),
					request -> "true".equals(request.getHeader("HX-Request"))))
			.addFilterBefore(new SecondFactorGate(), AuthorizationFilter.class)
			.addFilterBefore(new AccountStateFilter(accounts, clock), AuthorizationFilter.class)
			.headers(this::strictHeaders);
		if (!(oidc.enabled() && oidc.only())) {
			http.formLogin(f -> f.loginPage("/login")
				.defaultSuccessUrl("/", false)
				.failureHandler(loginFailure())
				.authenticationDetailsSource(LoginDetails::new));
		}
		if (oidc.enabled()) {
			// identity from the organisation's provider, authorisation from Skyddsnät
			// (OidcLogin, Authenticator)
			var login = new OidcLogin(oidc);
			http.oauth2Login(o -> o.loginPage("/login")
				.clientRegistrationRepository(login.registrations())
				.userInfoEndpoint(u -> u.oidcUserService(login.userService(authenticator)))
				.successHandler(OidcLogin.success())
				.failureHandler(OidcLogin.failure())
				.withObjectPostProcessor(
						new org.springframework.security.config.ObjectPostProcessor<org.springframework.security.oauth2.client.web.OAuth2AuthorizationRequestRedirectFilter>() {
							@Override
							public <F extends org.springframework.security.oauth2.client.web.OAuth2AuthorizationRequestRedirectFilter> F postProcess(
									F filter) {
								// the provider unreachable (its discovery document): the
								// login page says so, no 500
								filter.setAuthenticationFailureHandler(OidcLogin.unavailable());
								return filter;
							}
						}))
				.logout(l -> l.logoutSuccessHandler(login.logoutSuccess()));
		}
		return http.build();
	}

	private void strictHeaders(HeadersConfigurer<HttpSecurity> headers) {
		headers.contentSecurityPolicy(c -> c.policyDirectives(csp))
			.httpStrictTransportSecurity(
					h -> h.requestMatcher(hsts).includeSubDomains(true).maxAgeInSeconds(365L * 24 * 60 * 60))
			.frameOptions(HeadersConfigurer.FrameOptionsConfig::deny)
			.referrerPolicy(r -> r.policy(ReferrerPolicy.SAME_ORIGIN))
			.contentTypeOptions(c -> {
			})
			.permissionsPolicyHeader(p -> p.policy("camera=(), microphone=(), geolocation=()"));
	}

	/**
	 * The login page says why, without telling whether a user name exists or is locked:
	 * those are "bad" like a wrong password. A control character in a field is 400 with
	 * the login page naming the field.
	 */
	private static AuthenticationFailureHandler loginFailure() {
		return (request, response, e) -> {
			if (e instanceof LoginInputRefused refused) {
				request.setAttribute(LoginController.REFUSED_FIELD, refused.field());
				request.getRequestDispatcher(LoginController.REFUSED).forward(request, response);
				return;
			}
			String reason = switch (e) {
				case DisabledException d -> "disabled";
				case LoginThrottled t when t.block() == LoginThrottle.Block.USER_NAME -> "throttledUser";
				case LoginThrottled t -> "throttled";
				default -> "bad";
			};
			response.sendRedirect(request.getContextPath() + "/login?error=" + reason);
		};
	}

	private static LogoutHandler auditLogout(AuditLog audit) {
		return (request, response, authentication) -> {
			if (authentication != null && authentication.getPrincipal() instanceof CurrentUser user) {
				audit.record(
						AuditEvent.of(AuditKind.LOGOUT).actor(user.username()).subject(AuditSubject.USER, user.id()));
			}
		};
	}

}
