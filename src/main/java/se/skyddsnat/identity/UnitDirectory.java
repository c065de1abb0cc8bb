package se.skyddsnat.identity;

import java.util.List;
import java.util.Optional;

import se.skyddsnat.shared.UnitCode;

/** What other modules may ask about units. */
public interface UnitDirectory {

	/** All units, active first, by name. */
	List<Unit> all();

	Optional<Unit> find(UnitCode code);

}
