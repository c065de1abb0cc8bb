package se.skyddsnat.region.agreement;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.EnumSet;

import org.junit.jupiter.api.Test;

import se.skyddsnat.shared.InvalidInput;
import se.skyddsnat.shared.MunicipalityCode;

/**
 * An agreement ends itself, and refuses what its state does not allow; its periods'
 * overlap rule at the edges.
 */
class AgreementTest {

	private static final LocalDate START = LocalDate.of(2024, 3, 1);

	@Test
	void shouldEndOnTheLastDayGivenAndStayInForceThatDay() {
		Agreement ended = agreement(START, null).endedOn(LocalDate.of(2025, 2, 28));

		assertThat(ended.open()).isFalse();
		assertThat(ended.inForceOn(LocalDate.of(2025, 2, 28))).isTrue();
		assertThat(ended.inForceOn(LocalDate.of(2025, 3, 1))).isFalse();
		assertThat(agreement(START, null).endedOn(START).inForceOn(START)).as("a one-day agreement").isTrue();
	}

	@Test
	void shouldRefuseToEndAnAgreementThatHasEndedOrBeforeItStarted() {
		assertThatThrownBy(() -> agreement(START, LocalDate.of(2025, 2, 28)).endedOn(LocalDate.of(2025, 6, 30)))
			.isInstanceOfSatisfying(InvalidInput.class,
					e -> assertThat(e.violations())
						.extracting(InvalidInput.Violation::field, InvalidInput.Violation::messageKey)
						.containsExactly(org.assertj.core.groups.Tuple.tuple("endsOn", "agreement.error.notOpen")));
		assertThatThrownBy(() -> agreement(START, null).endedOn(START.minusDays(1))).isInstanceOfSatisfying(
				InvalidInput.class,
				e -> assertThat(e.violations().getFirst().messageKey()).isEqualTo("agreement.error.endsBeforeStart"));
	}

	@Test
	void shouldOverlapWhenOneDayIsShared() {
		Agreement closed = agreement(START, LocalDate.of(2025, 2, 28));

		assertThat(closed.overlaps(LocalDate.of(2025, 2, 28), null)).isTrue();
		assertThat(closed.overlaps(LocalDate.of(2025, 3, 1), null)).isFalse();
		assertThat(closed.overlaps(LocalDate.of(2023, 1, 1), START)).isTrue();
		assertThat(closed.overlaps(LocalDate.of(2023, 1, 1), START.minusDays(1))).isFalse();
		assertThat(agreement(START, null).overlaps(LocalDate.of(2099, 1, 1), null)).as("open: no end").isTrue();
	}

	private static Agreement agreement(LocalDate startsOn, LocalDate endsOn) {
		return new Agreement(1, MunicipalityCode.of("0115"), startsOn, null, endsOn, EnumSet.allOf(OfferService.class),
				null, "test");
	}

}
