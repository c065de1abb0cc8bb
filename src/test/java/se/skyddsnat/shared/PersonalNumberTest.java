package se.skyddsnat.shared;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Skatteverket's rules, on made-up numbers (valid check digits, nobody's identity). */
class PersonalNumberTest {

	private static final LocalDate TODAY = LocalDate.of(2026, 11, 26);

	@ParameterizedTest(name = "{0} → {1}")
	@CsvSource({ "811228-9874, 198112289874", "8112289874, 198112289874", "19811228-9874, 198112289874",
			"198112289874, 198112289874", "' 811228 - 9874 ', 198112289874", "121212+1212, 191212121212", // '+':
																											// a
																											// hundred
																											// years
																											// old
																											// or
																											// more
			"121212-1212, 201212121212", // '-': the latest century that is not in the
											// future
			"701063-2391, 197010632391", // samordningsnummer: day 3 + 60
	})
	void shouldAcceptValidNumbersAndStoreTwelveDigits(String text, String stored) {
		var parsed = PersonalNumber.parse(text, TODAY);
		assertThat(parsed.ok()).as(text).isTrue();
		assertThat(parsed.value().digits()).isEqualTo(stored);
	}

	@ParameterizedTest(name = "{0} → {1}")
	@CsvSource({ "811228-9873, CHECK_DIGIT", "19811228-9875, CHECK_DIGIT", "811328-9873, DATE", // month
																								// 13,
																								// check
																								// digit
																								// right
																								// for
																								// the
																								// digits
			"19810229-9875, DATE", // 29 February 1981 did not exist
			"810229-9874, CHECK_DIGIT", "81122-9874, FORMAT", "abcdefghij, FORMAT", "19121212+1212, FORMAT", // '+'
																												// only
																												// in
																												// the
																												// 10-digit
																												// form
			"20301212-1210, FUTURE", })
	void shouldRefuseInvalidNumbersSayingWhy(String text, PersonalNumber.Problem problem) {
		var parsed = PersonalNumber.parse(text, TODAY);
		assertThat(parsed.ok()).as(text).isFalse();
		assertThat(parsed.problem()).as(text).isEqualTo(problem);
	}

	@Test
	void shouldKnowTheBirthDateAndNeverPrintTheNumber() {
		var coordination = PersonalNumber.parse("701063-2391", TODAY).value();
		assertThat(coordination.coordinationNumber()).isTrue();
		assertThat(coordination.birthDate()).isEqualTo(LocalDate.of(1970, 10, 3));
		assertThat(coordination.formatted()).isEqualTo("19701063-2391");
		assertThat(coordination.toString()).doesNotContain("2391");
		assertThat(PersonalNumber.ofStored("198112289874"))
			.isEqualTo(PersonalNumber.parse("811228-9874", TODAY).value());
	}

}
