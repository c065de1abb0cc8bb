package se.skyddsnat.region.population;

import java.util.List;

/**
 * A population table refused as a whole: the first problems (at most {@link se.skyddsnat.shared.FirstErrors#SHOWN})
 * with their line (1 = the header) and column, and how many there were in all.
 */
public class PopulationRejected extends RuntimeException {

    public record Problem(int line, String column, String messageKey, Object... args) {
    }

    private final List<Problem> problems;
    private final int total;

    PopulationRejected(List<Problem> problems) {
        this(problems, problems.size());
    }

    PopulationRejected(List<Problem> problems, int total) {
        super(total + " problems in the population table");
        this.problems = List.copyOf(problems);
        this.total = total;
    }

    /** The first problems, in line order. */
    public List<Problem> problems() {
        return problems;
    }

    /** How many problems the table had. */
    public int total() {
        return total;
    }
}
