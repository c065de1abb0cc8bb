package se.skyddsnat.training.booking;

import java.util.LinkedHashMap;
import java.util.Map;

import lombok.AccessLevel;
import lombok.RequiredArgsConstructor;
import org.springframework.stereotype.Component;

import se.skyddsnat.region.Municipalities;
import se.skyddsnat.region.Municipality;
import se.skyddsnat.shared.MunicipalityCode;

/**
 * The county's municipalities that a participant chooses from (region's list), by name;
 * "annan" besides.
 */
@Component
@RequiredArgsConstructor(access = AccessLevel.PACKAGE)
public class County {

	public static final String OTHER = "annan";

	private final Municipalities municipalities;

	/** Code to name, by name. */
	public Map<String, String> municipalities() {
		var all = new LinkedHashMap<String, String>();
		municipalities.all()
			.stream()
			.sorted(java.util.Comparator.comparing(Municipality::name,
					java.text.Collator.getInstance(java.util.Locale.forLanguageTag("sv"))))
			.forEach(m -> all.put(m.code().value(), m.name()));
		return all;
	}

	/** The name of a code, or the code itself when region does not know it. */
	public String name(String code) {
		if (code == null || !MunicipalityCode.isValid(code)) {
			return code;
		}
		return municipalities.find(MunicipalityCode.of(code)).map(Municipality::name).orElse(code);
	}

}
