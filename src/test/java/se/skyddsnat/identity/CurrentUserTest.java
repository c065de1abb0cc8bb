package se.skyddsnat.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Set;
import java.util.TreeSet;

import org.junit.jupiter.api.Test;

/** A template asks the same question as a service: may this user do the work? */
class CurrentUserTest {

	@Test
	void shouldAnswerAPermissionByNameAsTheServicesAskIt() {
		var coordinator = new CurrentUser(1, "c", "C", Set.of(Role.COORDINATOR), new TreeSet<>(), false);
		var analyst = new CurrentUser(2, "a", "A", Set.of(Role.ANALYST), new TreeSet<>(), false);

		assertThat(coordinator.mayNamed("MANAGE_REGIONAL_OFFER")).isTrue();
		assertThat(coordinator.mayNamed("HANDLE_NOTICES")).isTrue();
		assertThat(analyst.mayNamed("MANAGE_REGIONAL_OFFER")).isFalse();
		assertThat(analyst.mayNamed("READ_REGIONAL_OFFER")).isTrue();
		assertThatThrownBy(() -> analyst.mayNamed("MANAGE_EVERYTHING")).isInstanceOf(IllegalArgumentException.class);
	}

}
