package se.skyddsnat.region.agreement;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import lombok.RequiredArgsConstructor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import se.skyddsnat.region.Municipality;
import se.skyddsnat.region.RegionalOfferStatus;
import se.skyddsnat.shared.MunicipalityCode;

/**
 * Loads the municipalities of Stockholm County and Gotland from the shipped reference
 * file at the first start (an empty table). The figures are data, not code: a newer table
 * is loaded, never typed in here.
 */
@Component
@org.springframework.core.annotation.Order(1)
@RequiredArgsConstructor
class ReferenceDataLoader implements ApplicationRunner {

	static final String RESOURCE = "region/municipalities-stockholm-county.csv";

	private static final List<String> HEADER = List.of("code", "name", "county", "population", "population_year",
			"regional_offer_2022");

	private static final Logger log = LoggerFactory.getLogger(ReferenceDataLoader.class);

	private final JdbcMunicipalities municipalities;

	@Override
	@Transactional
	public void run(ApplicationArguments args) throws IOException {
		if (municipalities.count() > 0) {
			return;
		}
		List<Municipality> rows;
		try (InputStream in = new ClassPathResource(RESOURCE).getInputStream()) {
			rows = parse(new String(in.readAllBytes(), StandardCharsets.UTF_8));
		}
		rows.forEach(municipalities::insert);
		log.info("Loaded {} municipalities from {}", rows.size(), RESOURCE);
	}

	/**
	 * The shipped file: {@code ;}-separated with a header row; any bad line stops the
	 * start with its number.
	 */
	static List<Municipality> parse(String text) {
		String[] lines = text.replace("\uFEFF", "").split("\\R");
		if (!List.of(lines[0].trim().split(";")).equals(HEADER)) {
			throw new IllegalStateException(RESOURCE + " line 1: expected header " + String.join(";", HEADER));
		}
		var result = new ArrayList<Municipality>();
		for (int i = 1; i < lines.length; i++) {
			if (lines[i].isBlank()) {
				continue;
			}
			String[] f = lines[i].split(";", -1);
			try {
				if (f.length != HEADER.size()) {
					throw new IllegalArgumentException("expected " + HEADER.size() + " fields, found " + f.length);
				}
				result.add(new Municipality(MunicipalityCode.of(f[0]), f[1].trim(), f[2].trim(),
						Integer.parseInt(f[3].trim()), Integer.parseInt(f[4].trim()), RegionalOfferStatus.parse(f[5])));
			}
			catch (RuntimeException e) {
				throw new IllegalStateException(RESOURCE + " line " + (i + 1) + ": " + e.getMessage(), e);
			}
		}
		return result;
	}

}
