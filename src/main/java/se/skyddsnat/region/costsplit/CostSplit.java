package se.skyddsnat.region.costsplit;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Splits a total in whole kronor by population so that the shares add up exactly to the
 * total: each gets the floor of its exact share, then the kronor left over go one each to
 * the largest fractional remainders (ties: lower SCB code first). Exact integer
 * arithmetic throughout; population 0 pays 0.
 */
final class CostSplit {

	record Part(String code, long population) {
	}

	record Share(String code, long population, long kronor) {
	}

	private CostSplit() {
	}

	static List<Share> split(long total, List<Part> parts) {
		if (total < 0) {
			throw new IllegalArgumentException("total must not be negative");
		}
		BigInteger sum = BigInteger.valueOf(parts.stream().mapToLong(Part::population).sum());
		if (sum.signum() == 0) {
			return parts.stream().map(p -> new Share(p.code(), p.population(), 0)).toList();
		}
		BigInteger t = BigInteger.valueOf(total);
		record Work(int index, long floor, BigInteger remainder, String code) {
		}
		var work = new ArrayList<Work>();
		long given = 0;
		for (int i = 0; i < parts.size(); i++) {
			BigInteger[] qr = t.multiply(BigInteger.valueOf(parts.get(i).population())).divideAndRemainder(sum);
			work.add(new Work(i, qr[0].longValueExact(), qr[1], parts.get(i).code()));
			given += qr[0].longValueExact();
		}
		long left = total - given; // fewer than the number of parts with a remainder
		long[] extra = new long[parts.size()];
		work.stream()
			.filter(w -> w.remainder().signum() > 0)
			.sorted(Comparator.comparing(Work::remainder).reversed().thenComparing(Work::code))
			.limit(left)
			.forEach(w -> extra[w.index()] = 1);
		var shares = new ArrayList<Share>(parts.size());
		for (Work w : work) {
			shares.add(new Share(w.code(), parts.get(w.index()).population(), w.floor() + extra[w.index()]));
		}
		return shares;
	}

}
