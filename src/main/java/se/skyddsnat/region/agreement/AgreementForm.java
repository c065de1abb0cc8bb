package se.skyddsnat.region.agreement;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

import se.skyddsnat.shared.Input;

/** The municipality page's agreement forms (new, end, change of services), as typed. */
public class AgreementForm {

	private String startsOn;

	private String endsOn;

	private String from;

	private List<String> services = new ArrayList<>();

	private String note;

	public String getStartsOn() {
		return startsOn;
	}

	public void setStartsOn(String v) {
		startsOn = v;
	}

	public String getEndsOn() {
		return endsOn;
	}

	public void setEndsOn(String v) {
		endsOn = v;
	}

	public String getFrom() {
		return from;
	}

	public void setFrom(String v) {
		from = v;
	}

	public List<String> getServices() {
		return services;
	}

	public void setServices(List<String> v) {
		services = v == null ? new ArrayList<>() : v;
	}

	public String getNote() {
		return note;
	}

	public void setNote(String v) {
		note = v;
	}

	NewAgreement newAgreement() {
		return new NewAgreement(Input.readDate(startsOn), Input.readDate(endsOn), offerServices(), note);
	}

	ServiceChange serviceChange() {
		return new ServiceChange(Input.readDate(from), offerServices());
	}

	/** The services ticked; a value no box has is left out. */
	private Set<OfferService> offerServices() {
		var set = EnumSet.noneOf(OfferService.class);
		for (String s : services) {
			OfferService service = Input.codeOf(OfferService.class, s);
			if (service != null) {
				set.add(service);
			}
		}
		return set;
	}

}
