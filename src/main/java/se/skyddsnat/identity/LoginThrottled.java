package se.skyddsnat.identity;

import org.springframework.security.core.AuthenticationException;

/** Too many failed logins from one client address in a short time. */
class LoginThrottled extends AuthenticationException {
    LoginThrottled() {
        super("Too many failed logins from this address");
    }
}
