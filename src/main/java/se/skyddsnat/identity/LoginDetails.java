package se.skyddsnat.identity;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.security.web.authentication.WebAuthenticationDetails;

/**
 * A form login's details: the client address, and the user name exactly as it was sent.
 * Spring Security trims the user name, which would silently drop a NUL byte at either
 * end; the {@link Authenticator} refuses it instead.
 */
class LoginDetails extends WebAuthenticationDetails {

	private final String sentUsername;

	LoginDetails(HttpServletRequest request) {
		super(request);
		this.sentUsername = request.getParameter("username");
	}

	String sentUsername() {
		return sentUsername;
	}

}
