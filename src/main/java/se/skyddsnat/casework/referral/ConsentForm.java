package se.skyddsnat.casework.referral;

/** The consent form on the case page as typed. */
public class ConsentForm {
    private Long personId;
    private String kind;
    private String givenOn;
    private String scope;

    Referrals.NewConsent toNewConsent() {
        return new Referrals.NewConsent(personId, kind, givenOn, scope);
    }

    public Long getPersonId() { return personId; }
    public void setPersonId(Long v) { personId = v; }
    public String getKind() { return kind; }
    public void setKind(String v) { kind = v; }
    public String getGivenOn() { return givenOn; }
    public void setGivenOn(String v) { givenOn = v; }
    public String getScope() { return scope; }
    public void setScope(String v) { scope = v; }
}
