package se.skyddsnat.identity;

import java.net.URI;
import java.time.Instant;
import java.util.List;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import lombok.RequiredArgsConstructor;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.AuthenticationException;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import se.skyddsnat.idempotency.IdempotencyKey;

/** Tokens for API clients, and user administration for automation (ADMIN). */
@RestController
@RequestMapping("/api/v1")
@Tag(name = "identity", description = "Tokens and users")
@RequiredArgsConstructor
class IdentityApi {

	/**
	 * {@code code}: the six digits of the authenticator app, for accounts that need a
	 * second factor.
	 */
	record TokenRequest(String username, String password, String code) {
	}

	record TokenResponse(String token, String tokenType, Instant expiresAt) {
	}

	/**
	 * {@code externalId}: the user's identity at the organisation's identity provider
	 * (OIDC login), optional.
	 */
	record NewUserRequest(String username, String displayName, String password, List<String> roles, List<String> units,
			String externalId) {
	}

	record UserResponse(long id, String username, String displayName, List<String> roles, List<String> units,
			boolean enabled, boolean locked, boolean mustChangePassword, String externalId) {
		static UserResponse of(UserAccount a, Instant now) {
			return new UserResponse(a.id(), a.username(), a.displayName(), a.roles().stream().map(Role::name).toList(),
					a.units().stream().map(u -> u.value()).toList(), a.enabled(), a.lockedAt(now),
					a.mustChangePassword(), a.externalId());
		}
	}

	private final Authenticator authenticator;

	private final ApiTokens tokens;

	private final UserService users;

	private final java.time.Clock clock;

	@PostMapping("/tokens")
	@Operation(summary = "Exchange user name and password for a short-lived bearer token",
			description = "Refused (401, problem+json) for wrong credentials, locked or disabled accounts and "
					+ "accounts that must change a one-time password first — an unknown user name, a wrong password "
					+ "and a locked account answer alike; 429 after too many failures from the address or for the "
					+ "user name; 400 naming the field for a control character (such as NUL) in either. An account "
					+ "that can read personal data (and every ADMIN) must also send `code`, the current six-digit "
					+ "code of its authenticator app (enrolled at its first login in the browser), when the second "
					+ "factor is required; a wrong code counts like a wrong password.")
	TokenResponse token(@RequestBody TokenRequest request, HttpServletRequest http) {
		CurrentUser user;
		try {
			user = authenticator.authenticate(request.username(), request.password(), http.getRemoteAddr(), "api");
			if (authenticator.secondFactorRequired(user)) {
				if (request.code() == null || request.code().isBlank()) {
					throw new SecondFactorCodeRequired();
				}
				user = authenticator.secondFactor(user.id(), request.code(), http.getRemoteAddr(), "api");
			}
		}
		catch (AuthenticationException e) {
			throw LoginRefused.of(e); // an unknown user name, a wrong password and a
										// locked account answer alike
		}
		var issued = tokens.issue(user);
		return new TokenResponse(issued.token(), "Bearer", issued.expiresAt());
	}

	@GetMapping("/users")
	@Operation(summary = "All users with roles and units (ADMIN)", security = @SecurityRequirement(name = "bearer"))
	List<UserResponse> users() {
		Instant now = clock.instant();
		return users.all().stream().map(a -> UserResponse.of(a, now)).toList();
	}

	@PostMapping("/users")
	@Operation(summary = "Create a user whose password is usable at once (ADMIN)",
			description = "Passwords: at least 12 characters, not a common password. Roles: ADMIN, COORDINATOR, "
					+ "MANAGER, CASEWORKER, ANALYST. Units: unit codes such as MIKA.",
			security = @SecurityRequirement(name = "bearer"))
	ResponseEntity<UserResponse> create(@RequestBody NewUserRequest request, IdempotencyKey key) {
		// the key's fingerprint (a SHA-256 of the request) leaves the password out:
		// unsalted, it could be guessed
		var withoutPassword = new NewUserRequest(request.username(), request.displayName(), null, request.roles(),
				request.units(), request.externalId());
		return key.once("user.create", withoutPassword, () -> {
			var account = users.createWithPassword(new UserService.UserDetails(request.username(),
					request.displayName(), request.roles(), request.units(), request.externalId()), request.password());
			return ResponseEntity.created(URI.create("/api/v1/users/" + account.id()))
				.body(UserResponse.of(account, clock.instant()));
		});
	}

	@GetMapping("/users/{id}")
	@Operation(summary = "One user (ADMIN)", security = @SecurityRequirement(name = "bearer"))
	ResponseEntity<UserResponse> user(@org.springframework.web.bind.annotation.PathVariable long id) {
		return users.find(id)
			.map(a -> ResponseEntity.ok(UserResponse.of(a, clock.instant())))
			.orElseThrow(() -> new org.springframework.web.server.ResponseStatusException(HttpStatus.NOT_FOUND));
	}

}
