package se.skyddsnat.training.booking;

/**
 * The public booking form. Its field names are a contract for automation: {@code name}, {@code email},
 * {@code municipality}, {@code organisation}, {@code role}, {@code needs}; {@code website} is the honeypot (hidden
 * from people; a filled one is a robot's).
 */
public class BookingForm {

    private String name;
    private String email;
    private String municipality;
    private String organisation;
    private String role;
    private String needs;
    private String website;

    public String getName() { return name; }
    public void setName(String v) { name = v; }
    public String getEmail() { return email; }
    public void setEmail(String v) { email = v; }
    public String getMunicipality() { return municipality; }
    public void setMunicipality(String v) { municipality = v; }
    public String getOrganisation() { return organisation; }
    public void setOrganisation(String v) { organisation = v; }
    public String getRole() { return role; }
    public void setRole(String v) { role = v; }
    public String getNeeds() { return needs; }
    public void setNeeds(String v) { needs = v; }
    public String getWebsite() { return website; }
    public void setWebsite(String v) { website = v; }

    Bookings.BookingInput input() {
        return new Bookings.BookingInput(name, email, municipality, organisation, role, needs);
    }
}
