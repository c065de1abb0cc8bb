package se.skyddsnat.region;

import java.util.List;

/** A population table refused as a whole: every problem with its line (1 = the header) and column. */
public class PopulationRejected extends RuntimeException {

    public record Problem(int line, String column, String messageKey, Object... args) {
    }

    private final List<Problem> problems;

    PopulationRejected(List<Problem> problems) {
        super(problems.size() + " problems in the population table");
        this.problems = List.copyOf(problems);
    }

    public List<Problem> problems() {
        return problems;
    }
}
