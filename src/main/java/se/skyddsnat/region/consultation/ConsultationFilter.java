package se.skyddsnat.region.consultation;

import lombok.Getter;
import lombok.Setter;

/**
 * The consultation list's choice in the query string: a period (both dates inclusive) and
 * optionally a municipality.
 */
@Getter
@Setter
public class ConsultationFilter {

	private String from;

	private String to;

	private String municipality;

}
