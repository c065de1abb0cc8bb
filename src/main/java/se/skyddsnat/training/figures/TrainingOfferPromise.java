package se.skyddsnat.training.figures;

import java.util.Map;

import lombok.RequiredArgsConstructor;
import org.springframework.stereotype.Component;

import se.skyddsnat.region.OfferPromise;
import se.skyddsnat.training.TrainingFigures;

/**
 * The regional offer's promise of training three times a year: the sessions held per
 * year.
 */
@Component
@RequiredArgsConstructor
class TrainingOfferPromise implements OfferPromise {

	static final int PER_YEAR = 3;

	private final TrainingFigures figures;

	@Override
	public String labelKey() {
		return "training.promise.label";
	}

	@Override
	public int promisedPerYear() {
		return PER_YEAR;
	}

	@Override
	public Map<Integer, Long> keptPerYear(int fromYear, int toYear) {
		return figures.sessionsHeldPerYear(fromYear, toYear);
	}

}
