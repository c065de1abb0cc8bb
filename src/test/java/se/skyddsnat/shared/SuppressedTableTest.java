package se.skyddsnat.shared;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import org.junit.jupiter.api.Test;

import se.skyddsnat.shared.DisclosureCheck.Seen;

/**
 * Primary and secondary suppression: a property over thousands of random tables of small
 * counts with their margins (nested totals, "of whom" counts, tables that share a total,
 * two kinds and their sum), each checked by {@link DisclosureCheck} — an exhaustive
 * search that knows nothing of how the cells were chosen — and the cases the issue names,
 * worked by hand.
 */
class SuppressedTableTest {

	@Test
	void shouldLeaveEveryHiddenCountAtLeastTwoPossibleValuesInRandomTables() {
		var random = new Random(20261122L);
		int tables = 3000;
		int hidden = 0;
		int secondary = 0;
		int withheld = 0;
		for (int t = 0; t < tables; t++) {
			var table = randomTable(random);
			SuppressedTable<String> shown = table.publish(true);
			assertThat(DisclosureCheck.of(table, shown).derivable()).as("table %d: %s", t, table.cells()).isEmpty();
			// e.g. 4 people met at 4 arenas, one each: four "<5" that add up to a "<5"
			// can only be 1s
			withheld += shown.withheld() ? 1 : 0;
			for (var cell : table.cells()) {
				if (!cell.published()) {
					continue;
				}
				Count count = shown.get((String) cell.key());
				if (count.shown() == Count.Shown.WITHHELD) {
					hidden++;
				}
				else if (cell.value() == 0) {
					assertThat(count).as("table %d: a 0 is shown", t).isEqualTo(Count.exact(0));
				}
				else if (cell.value() <= 4) {
					assertThat(count.shown()).as("table %d: %s is small", t, cell.key()).isEqualTo(Count.Shown.SMALL);
				}
				else if (count.isExact()) {
					assertThat(count.value()).isEqualTo(cell.value());
				}
				else {
					assertThat(count.shown()).isEqualTo(Count.Shown.HIDDEN);
					secondary++;
				}
				hidden += count.isHidden() ? 1 : 0;
			}
			var again = table.publish(true);
			for (var cell : table.cells()) {
				if (cell.published()) {
					assertThat(again.get((String) cell.key())).as("the same table, the same cells")
						.isEqualTo(shown.get((String) cell.key()));
				}
			}
		}
		assertThat(secondary).as("secondary suppression was needed and used").isGreaterThan(tables / 2);
		assertThat(withheld).as("'..' only where the marks alone would give a count away").isLessThan(tables / 50);
		assertThat(hidden).isGreaterThan(secondary);
	}

	@Test
	void shouldHideTheTotalBesideStockholm5AndNackaSmall() {
		var table = new CountTable<String>().count("Stockholm", 5)
			.count("Nacka", 1)
			.count("total", 6)
			.sum("total", "Stockholm", "Nacka");

		// what primary suppression alone showed: 6 − 5 = 1
		var today = new DisclosureCheck();
		today.cell("Stockholm", 5, Seen.EXACT);
		today.cell("Nacka", 1, Seen.SMALL);
		today.cell("total", 6, Seen.EXACT);
		today.sum("total", List.of("Stockholm", "Nacka"));
		assertThat(today.derivable()).containsExactly("Nacka = 1");

		SuppressedTable<String> shown = table.publish(true);
		assertThat(shown.get("Nacka").mark()).isEqualTo("<5");
		assertThat(shown.get("total").isHidden() || shown.get("Stockholm").isHidden()).isTrue();
		// the smallest change: the total is hidden, Stockholm stays (5 can only grow as
		// an "x": Nacka would be 0)
		assertThat(shown.get("Stockholm")).isEqualTo(Count.exact(5));
		assertThat(shown.get("total").mark()).isEqualTo("x");
		var reader = DisclosureCheck.of(table, shown);
		assertThat(reader.derivable()).isEmpty();
		assertThat(reader.otherValue("Nacka")).isBetween(2L, 4L);
	}

	@Test
	void shouldLeaveTwoPossibilitiesBesideAVisibleZero() {
		// a zero is exact and shown; the hidden 2 beside it must still have another value
		var table = new CountTable<String>().count("a", 0)
			.count("b", 2)
			.count("c", 7)
			.count("row", 9)
			.sum("row", "a", "b", "c");
		var shown = table.publish(true);
		assertThat(shown.get("a")).isEqualTo(Count.exact(0));
		assertThat(shown.get("b").mark()).isEqualTo("<5");
		assertThat(shown.get("c").mark()).isEqualTo("x");
		assertThat(shown.get("row")).isEqualTo(Count.exact(9));
		assertThat(DisclosureCheck.of(table, shown).derivable()).isEmpty();
	}

	@Test
	void shouldWithholdWhereTheMarksAloneWouldGiveTheCountsAway() {
		// four "<5" that add up to a "<5" can only be four 1s: the marks themselves tell;
		// nothing shown to hide
		var table = new CountTable<String>().count("a", 1)
			.count("b", 1)
			.count("c", 1)
			.count("d", 1)
			.count("t", 4)
			.sum("t", "a", "b", "c", "d");
		var shown = table.publish(true);
		assertThat(shown.withheld()).isTrue();
		assertThat(List.of("a", "b", "c", "d", "t").stream().map(k -> shown.get(k).mark())).contains("..")
			.allMatch(mark -> mark.equals("<5") || mark.equals(".."));
		assertThat(DisclosureCheck.of(table, shown).derivable()).isEmpty();
	}

	@Test
	void shouldProtectTheRestOfAnOfWhomCount() {
		// 7 exposed of whom 5 minors: the 2 others are a small count a reader could work
		// out
		var table = new CountTable<String>().count("exposed", 7).count("minors", 5).atMost("minors", "exposed");
		var shown = table.publish(true);
		// the smaller of the two is hidden: minors are then 5, 6 or 7, the others 2, 1 or
		// 0
		assertThat(shown.get("minors").mark()).isEqualTo("x");
		assertThat(shown.get("exposed")).isEqualTo(Count.exact(7));
		assertThat(DisclosureCheck.of(table, shown).derivable()).isEmpty();

		var large = new CountTable<String>().count("exposed", 17).count("minors", 5).atMost("minors", "exposed");
		assertThat(large.publish(true).get("minors")).isEqualTo(Count.exact(5));
	}

	@Test
	void shouldShowEveryCountExactlyWithoutSuppressionAndRefuseFiguresThatDoNotAddUp() {
		var table = randomTable(new Random(7));
		var exact = table.publish(false);
		for (var cell : table.cells()) {
			if (cell.published()) {
				assertThat(exact.get((String) cell.key())).isEqualTo(Count.exact(cell.value()));
			}
		}
		assertThatThrownBy(() -> new CountTable<String>().count("a", 1).count("t", 2).sum("t", "a"))
			.isInstanceOf(IllegalArgumentException.class);
		assertThat(Count.percent(Count.exact(1), Count.exact(3))).hasToString("33.3");
		assertThat(Count.percent(Count.exact(6), Count.of(0, Count.Shown.SMALL))).isNull();
		assertThat(Count.percent(Count.exact(0), Count.exact(0))).hasToString("0.0");
	}

	/**
	 * A random table of the shapes outgoing statistics have: a table with row and column
	 * totals, sometimes rows grouped under subtotals, "of whom" counts per row, a second
	 * breakdown of the same grand total, or two kinds of the same table and their sum.
	 */
	static CountTable<String> randomTable(Random random) {
		var table = new CountTable<String>();
		int rows = 1 + random.nextInt(4);
		int cols = 1 + random.nextInt(4);
		if (random.nextInt(4) == 0) {
			// two kinds (e.g. joint and own) with the same margins, and their sum cell by
			// cell
			rows = 1 + random.nextInt(3);
			cols = 1 + random.nextInt(3);
			long[][] a = cells(random, rows, cols);
			long[][] b = cells(random, rows, cols);
			long[][] sum = new long[rows][cols];
			for (int r = 0; r < rows; r++) {
				for (int c = 0; c < cols; c++) {
					sum[r][c] = a[r][c] + b[r][c];
				}
			}
			grid(table, "J", a, false);
			grid(table, "O", b, false);
			grid(table, "A", sum, false);
			for (int r = 0; r <= rows; r++) {
				for (int c = 0; c <= cols; c++) {
					String key = r + "," + c;
					table.sum("A" + key, "J" + key, "O" + key);
				}
			}
			return table;
		}
		long[][] v = cells(random, rows, cols);
		grid(table, "T", v, random.nextInt(3) == 0);
		String grand = "T" + rows + "," + cols;
		if (random.nextBoolean()) {
			// "of whom" per row (e.g. minors), with their own total
			var minors = new ArrayList<String>();
			long total = 0;
			for (int r = 0; r < rows; r++) {
				long whole = rowTotal(v, r);
				long part = whole == 0 ? 0 : random.nextLong(whole + 1);
				table.count("m" + r, part).atMost("m" + r, "T" + r + "," + cols);
				minors.add("m" + r);
				total += part;
			}
			table.count("m", total).sum("m", minors).atMost("m", grand);
		}
		if (random.nextBoolean()) {
			// a second breakdown of the grand total (e.g. by arena)
			long left = 0;
			for (int r = 0; r < rows; r++) {
				left += rowTotal(v, r);
			}
			int parts = 1 + random.nextInt(4);
			var keys = new ArrayList<String>();
			for (int i = 0; i < parts; i++) {
				long part = i == parts - 1 ? left : random.nextLong(left + 1);
				left -= part;
				table.count("b" + i, part);
				keys.add("b" + i);
			}
			table.sum(grand, keys);
		}
		return table;
	}

	private static long[][] cells(Random random, int rows, int cols) {
		long[][] v = new long[rows][cols];
		for (int r = 0; r < rows; r++) {
			for (int c = 0; c < cols; c++) {
				int kind = random.nextInt(10);
				v[r][c] = kind < 3 ? 0 : kind < 7 ? 1 + random.nextInt(4) : 5 + random.nextInt(11);
			}
		}
		return v;
	}

	private static long rowTotal(long[][] v, int r) {
		long s = 0;
		for (long x : v[r]) {
			s += x;
		}
		return s;
	}

	/**
	 * Cells "p r,c", row totals "p r,cols", column totals "p rows,c", the grand total;
	 * optionally two row groups.
	 */
	private static void grid(CountTable<String> table, String p, long[][] v, boolean grouped) {
		int rows = v.length;
		int cols = v[0].length;
		long grand = 0;
		long[] colTotals = new long[cols];
		for (int r = 0; r < rows; r++) {
			var parts = new ArrayList<String>();
			for (int c = 0; c < cols; c++) {
				table.count(p + r + "," + c, v[r][c]);
				parts.add(p + r + "," + c);
				colTotals[c] += v[r][c];
			}
			table.count(p + r + "," + cols, rowTotal(v, r)).sum(p + r + "," + cols, parts);
			grand += rowTotal(v, r);
		}
		for (int c = 0; c < cols; c++) {
			var parts = new ArrayList<String>();
			for (int r = 0; r < rows; r++) {
				parts.add(p + r + "," + c);
			}
			table.count(p + rows + "," + c, colTotals[c]).sum(p + rows + "," + c, parts);
		}
		String total = p + rows + "," + cols;
		table.count(total, grand);
		var columns = new ArrayList<String>();
		for (int c = 0; c < cols; c++) {
			columns.add(p + rows + "," + c);
		}
		table.sum(total, columns);
		if (grouped && rows >= 2) {
			// rows 0..half-1 and half..rows-1 under two subtotals that add up to the
			// grand total
			int half = rows / 2;
			var first = new ArrayList<String>();
			var second = new ArrayList<String>();
			long a = 0;
			for (int r = 0; r < rows; r++) {
				(r < half ? first : second).add(p + r + "," + cols);
				a += r < half ? rowTotal(v, r) : 0;
			}
			table.count(p + "g0", a).sum(p + "g0", first);
			table.count(p + "g1", grand - a).sum(p + "g1", second);
			table.sum(total, p + "g0", p + "g1");
		}
		else {
			var rowTotals = new ArrayList<String>();
			for (int r = 0; r < rows; r++) {
				rowTotals.add(p + r + "," + cols);
			}
			table.sum(total, rowTotals);
		}
	}

}
