package se.skyddsnat.identity;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.springframework.stereotype.Component;

/**
 * Limits failed logins in a window, in two parts, so that one shared address (a municipality's NAT) is not locked
 * out as a whole by one person's mistakes:
 * <ul>
 * <li>per client address, the number of <em>different</em> user names that failed ({@code throttleMaxFailures}):
 * one machine trying many names (password spraying) is stopped, while many failures for one name are not the
 * address's problem;</li>
 * <li>per user name, from any address ({@code throttleMaxFailuresPerUser}): many tries at one name are stopped
 * for that name only (for a name that exists the lockout comes first; the same limit holds for names that do not
 * exist, so the answer tells nothing about which do).</li>
 * </ul>
 * Per node and in memory: the per-account lockout (in the database) is what holds across nodes.
 */
@Component
class LoginThrottle {

    /** Why a login is refused before the password is looked at. */
    enum Block {
        ADDRESS, USER_NAME
    }

    private record Failure(Instant at, String username) {
    }

    private static final int MAX_REMEMBERED = 1_000;

    private final Map<String, Deque<Failure>> byAddress = new ConcurrentHashMap<>();
    private final Map<String, Deque<Failure>> byUsername = new ConcurrentHashMap<>();
    private final SecurityProperties properties;
    private final Clock clock;

    LoginThrottle(SecurityProperties properties, Clock clock) {
        this.properties = properties;
        this.clock = clock;
    }

    /** Null when the attempt may go on; else what blocks it. */
    Block blocked(String client, String username) {
        if (distinctNames(byAddress.get(key(client))) >= properties.throttleMaxFailures()) {
            return Block.ADDRESS;
        }
        if (count(byUsername.get(username)) >= properties.throttleMaxFailuresPerUser()) {
            return Block.USER_NAME;
        }
        return null;
    }

    void recordFailure(String client, String username) {
        if (byAddress.size() + byUsername.size() > 100_000) {
            forgetOld(byAddress);
            forgetOld(byUsername);
        }
        var failure = new Failure(clock.instant(), username);
        add(byAddress.computeIfAbsent(key(client), k -> new ArrayDeque<>()), failure);
        add(byUsername.computeIfAbsent(username, k -> new ArrayDeque<>()), failure);
    }

    private void add(Deque<Failure> recent, Failure failure) {
        synchronized (recent) {
            prune(recent);
            recent.addLast(failure);
            if (recent.size() > MAX_REMEMBERED) {
                recent.removeFirst();
            }
        }
    }

    private long distinctNames(Deque<Failure> recent) {
        if (recent == null) {
            return 0;
        }
        synchronized (recent) {
            prune(recent);
            return recent.stream().map(Failure::username).distinct().count();
        }
    }

    private int count(Deque<Failure> recent) {
        if (recent == null) {
            return 0;
        }
        synchronized (recent) {
            prune(recent);
            return recent.size();
        }
    }

    private void forgetOld(Map<String, Deque<Failure>> failures) {
        failures.values().removeIf(d -> {
            synchronized (d) {
                prune(d);
                return d.isEmpty();
            }
        });
    }

    private void prune(Deque<Failure> recent) {
        Instant horizon = clock.instant().minus(properties.throttleWindow());
        while (!recent.isEmpty() && recent.peekFirst().at().isBefore(horizon)) {
            recent.removeFirst();
        }
    }

    private static String key(String client) {
        return client == null ? "unknown" : client;
    }
}
