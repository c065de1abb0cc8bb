package se.skyddsnat.training.web;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import se.skyddsnat.training.course.Session;
import se.skyddsnat.training.course.SessionInput;

/**
 * The session form: a day with a start and an end time, and one seats field per
 * municipality.
 */
public class SessionForm {

	private String format = "digital";

	private String date;

	private String startTime;

	private String endTime;

	private String place;

	private String link;

	private String capacity;

	private String bookingOpens;

	private String bookingCloses;

	private String quotaReleaseDays = "14";

	private String trainers;

	private Map<String, String> quotas = new LinkedHashMap<>();

	public String getFormat() {
		return format;
	}

	public void setFormat(String v) {
		format = v;
	}

	public String getDate() {
		return date;
	}

	public void setDate(String v) {
		date = v;
	}

	public String getStartTime() {
		return startTime;
	}

	public void setStartTime(String v) {
		startTime = v;
	}

	public String getEndTime() {
		return endTime;
	}

	public void setEndTime(String v) {
		endTime = v;
	}

	public String getPlace() {
		return place;
	}

	public void setPlace(String v) {
		place = v;
	}

	public String getLink() {
		return link;
	}

	public void setLink(String v) {
		link = v;
	}

	public String getCapacity() {
		return capacity;
	}

	public void setCapacity(String v) {
		capacity = v;
	}

	public String getBookingOpens() {
		return bookingOpens;
	}

	public void setBookingOpens(String v) {
		bookingOpens = v;
	}

	public String getBookingCloses() {
		return bookingCloses;
	}

	public void setBookingCloses(String v) {
		bookingCloses = v;
	}

	public String getQuotaReleaseDays() {
		return quotaReleaseDays;
	}

	public void setQuotaReleaseDays(String v) {
		quotaReleaseDays = v;
	}

	public String getTrainers() {
		return trainers;
	}

	public void setTrainers(String v) {
		trainers = v;
	}

	public Map<String, String> getQuotas() {
		return quotas;
	}

	public void setQuotas(Map<String, String> v) {
		quotas = v == null ? new LinkedHashMap<>() : v;
	}

	SessionInput input() {
		String d = date == null ? "" : date.strip();
		return new SessionInput(format, d + "T" + (startTime == null ? "" : startTime.strip()),
				d + "T" + (endTime == null ? "" : endTime.strip()), place, link, capacity, bookingOpens, bookingCloses,
				quotas, quotaReleaseDays, trainers == null ? List.of() : List.of(trainers.split("[,\\s]+")));
	}

	static SessionForm of(Session s) {
		var f = new SessionForm();
		f.format = s.format().code();
		f.date = s.start().toLocalDate().toString();
		f.startTime = s.start().toLocalTime().toString();
		f.endTime = s.end().toLocalTime().toString();
		f.place = s.place();
		f.link = s.meetingLink();
		f.capacity = Integer.toString(s.capacity());
		f.bookingOpens = s.bookingOpens().toString();
		f.bookingCloses = s.bookingCloses().toString();
		f.quotaReleaseDays = Integer.toString(s.quotaReleaseDays());
		f.trainers = String.join(", ", s.trainers());
		s.quotas().forEach((m, n) -> f.quotas.put(m, Integer.toString(n)));
		return f;
	}

}
