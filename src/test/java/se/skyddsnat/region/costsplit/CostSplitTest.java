package se.skyddsnat.region.costsplit;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Random;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;

/**
 * The rounding rule of the cost split, checked against its definition on a thousand
 * random tables: exact sum, each share within one krona of the exact value, the extra
 * kronor on the largest remainders (ties: lower code), and population 0 pays 0. The
 * shipped population is checked in RegionOfferTest.
 */
class CostSplitTest {

	@Test
	void shouldHoldTheRoundingRuleOnAThousandRandomTables() {
		for (long seed = 1; seed <= 1000; seed++) {
			var random = new Random(seed);
			int n = 1 + random.nextInt(40);
			var parts = new ArrayList<CostSplit.Part>();
			for (int i = 0; i < n; i++) {
				// a few zeros, many small and some city-sized populations; duplicates
				// make ties likely
				long population = switch (random.nextInt(6)) {
					case 0 -> 0;
					case 1 -> 1 + random.nextInt(10);
					case 2 -> 10_000;
					default -> random.nextInt(1_000_000);
				};
				parts.add(new CostSplit.Part(String.format("%04d", 100 + i * 7), population));
			}
			long total = switch (random.nextInt(3)) {
				case 0 -> 4_000_000;
				case 1 -> random.nextInt(1000);
				default -> Math.abs(random.nextLong() % 10_000_000_000L);
			};
			check(total, parts, seed);
		}
	}

	@Test
	void shouldGiveTheSpareKronaToTheLowerCodeOnEqualRemainders() {
		var shares = CostSplit.split(10,
				List.of(new CostSplit.Part("0127", 1), new CostSplit.Part("0114", 1), new CostSplit.Part("0120", 1)));
		assertThat(shares).extracting(CostSplit.Share::kronor).containsExactly(3L, 4L, 3L);
	}

	@Test
	void shouldGiveEverythingToTheOnlyPopulatedMunicipalityAndNothingToEmptyOnes() {
		var shares = CostSplit.split(4_000_000, List.of(new CostSplit.Part("0114", 0), new CostSplit.Part("0180", 5)));
		assertThat(shares).extracting(CostSplit.Share::kronor).containsExactly(0L, 4_000_000L);
		assertThat(CostSplit.split(100, List.of(new CostSplit.Part("0114", 0)))).extracting(CostSplit.Share::kronor)
			.containsExactly(0L);
	}

	private static void check(long total, List<CostSplit.Part> parts, long seed) {
		var shares = CostSplit.split(total, parts);
		long populationSum = parts.stream().mapToLong(CostSplit.Part::population).sum();
		assertThat(shares).hasSameSizeAs(parts);
		if (populationSum == 0) {
			assertThat(shares).allMatch(s -> s.kronor() == 0);
			return;
		}
		assertThat(shares.stream().mapToLong(CostSplit.Share::kronor).sum()).as("sum, seed %d", seed).isEqualTo(total);
		BigInteger sum = BigInteger.valueOf(populationSum);
		var extra = new ArrayList<Integer>();
		for (int i = 0; i < parts.size(); i++) {
			BigInteger exactTimesSum = BigInteger.valueOf(total)
				.multiply(BigInteger.valueOf(parts.get(i).population()));
			long floor = exactTimesSum.divide(sum).longValueExact();
			long share = shares.get(i).kronor();
			assertThat(share).as("seed %d row %d: floor or floor + 1", seed, i).isBetween(floor, floor + 1);
			// |share - exact| < 1 krona, in integers: |share * sum - total * population|
			// < sum
			assertThat(BigInteger.valueOf(share).multiply(sum).subtract(exactTimesSum).abs()).isLessThan(sum);
			if (parts.get(i).population() == 0) {
				assertThat(share).isZero();
			}
			if (share == floor + 1) {
				extra.add(i);
			}
		}
		// the +1s go to the largest remainders; ties broken by the lower code
		Comparator<Integer> byRemainder = Comparator
			.comparing((Integer i) -> BigInteger.valueOf(total)
				.multiply(BigInteger.valueOf(parts.get(i).population()))
				.mod(sum))
			.reversed()
			.thenComparing(i -> parts.get(i).code());
		List<Integer> expected = IntStream.range(0, parts.size())
			.boxed()
			.sorted(byRemainder)
			.limit(extra.size())
			.toList();
		assertThat(extra).as("seed %d", seed).containsExactlyInAnyOrderElementsOf(expected);
	}

}
