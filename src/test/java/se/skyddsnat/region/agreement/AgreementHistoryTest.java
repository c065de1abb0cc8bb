package se.skyddsnat.region.agreement;

import static org.assertj.core.api.Assertions.assertThat;
import static se.skyddsnat.region.RegionalOfferStatus.HOST;
import static se.skyddsnat.region.RegionalOfferStatus.JOINED;
import static se.skyddsnat.region.RegionalOfferStatus.NOT_JOINED;
import static se.skyddsnat.region.RegionalOfferStatus.UNKNOWN;

import java.time.LocalDate;
import java.util.EnumSet;
import java.util.List;

import org.junit.jupiter.api.Test;

import se.skyddsnat.shared.MunicipalityCode;

/**
 * "Had M joined on D?" at the edges of agreement periods. The same answers over HTTP:
 * RegionOfferTest.
 */
class AgreementHistoryTest {

	private static final MunicipalityCode M = MunicipalityCode.of("0115");

	@Test
	void shouldCountTheStartDayAndTheLastDayAsJoined() {
		var closed = List.of(agreement(d("2024-03-01"), null, d("2025-02-28")));
		assertThat(AgreementHistory.statusOn(NOT_JOINED, closed, d("2024-02-29"))).isEqualTo(NOT_JOINED);
		assertThat(AgreementHistory.statusOn(NOT_JOINED, closed, d("2024-03-01"))).isEqualTo(JOINED);
		assertThat(AgreementHistory.statusOn(NOT_JOINED, closed, d("2025-02-28"))).isEqualTo(JOINED);
		assertThat(AgreementHistory.statusOn(NOT_JOINED, closed, d("2025-03-01"))).isEqualTo(NOT_JOINED);
	}

	@Test
	void shouldKeepAnOpenAgreementInForceUntilItEnds() {
		var open = List.of(agreement(d("2024-03-01"), null, null));
		assertThat(AgreementHistory.statusOn(NOT_JOINED, open, d("2099-12-31"))).isEqualTo(JOINED);
		assertThat(AgreementHistory.joinedDuring(NOT_JOINED, open, 2023)).isFalse();
		assertThat(AgreementHistory.joinedDuring(NOT_JOINED, open, 2024)).isTrue();
	}

	@Test
	void shouldSayUnknownBeforeTheKnownPartOfAnAgreementWithUnknownStart() {
		var report2022 = List.of(agreement(null, d("2022-01-01"), null));
		assertThat(AgreementHistory.statusOn(JOINED, report2022, d("2021-12-31"))).isEqualTo(UNKNOWN);
		assertThat(AgreementHistory.statusOn(JOINED, report2022, d("2022-01-01"))).isEqualTo(JOINED);
		var ended = List.of(agreement(null, d("2022-01-01"), d("2023-06-30")));
		assertThat(AgreementHistory.statusOn(JOINED, ended, d("2023-07-01"))).isEqualTo(NOT_JOINED);
	}

	@Test
	void shouldNeverGuessForAMunicipalityTheSourcesDoNotPlaceAndAlwaysAnswerHostForTheCity() {
		assertThat(AgreementHistory.statusOn(UNKNOWN, List.of(), d("2026-01-01"))).isEqualTo(UNKNOWN);
		var later = List.of(agreement(d("2027-01-01"), null, null));
		assertThat(AgreementHistory.statusOn(UNKNOWN, later, d("2027-01-01"))).isEqualTo(JOINED);
		assertThat(AgreementHistory.statusOn(UNKNOWN, later, d("2026-12-31"))).isEqualTo(UNKNOWN);
		assertThat(AgreementHistory.statusOn(HOST, List.of(), d("2000-01-01"))).isEqualTo(HOST);
		assertThat(AgreementHistory.joinedDuring(HOST, List.of(), 2000)).isTrue();
	}

	private static Agreement agreement(LocalDate startsOn, LocalDate knownFrom, LocalDate endsOn) {
		return new Agreement(1, M, startsOn, knownFrom, endsOn, EnumSet.allOf(OfferService.class), null, "test");
	}

	private static LocalDate d(String s) {
		return LocalDate.parse(s);
	}

}
