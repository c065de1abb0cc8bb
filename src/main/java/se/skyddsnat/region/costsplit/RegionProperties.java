package se.skyddsnat.region.costsplit;

import java.math.BigDecimal;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Defaults of the regional offer for a year nobody has set: the yearly cost in kronor and
 * its positions (2022: 4.0 MSEK for five positions — Mikamottagningen 2, KAST 1, regional
 * coordinators 2).
 */
@ConfigurationProperties("skyddsnat.region")
record RegionProperties(@DefaultValue("4000000") long defaultTotal, @DefaultValue("2") BigDecimal defaultMikaPositions,
		@DefaultValue("1") BigDecimal defaultKastPositions, @DefaultValue("2") BigDecimal defaultCoordinatorPositions) {
}
