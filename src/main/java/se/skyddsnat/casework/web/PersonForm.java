package se.skyddsnat.casework.web;

import se.skyddsnat.casework.NewPerson;
import se.skyddsnat.casework.Person;
import se.skyddsnat.casework.PersonEdit;

/** The person form as typed. */
public class PersonForm {
    private String kind = "anonymous";
    private String personalNumber;
    private String name;
    private String alias;
    private String birthYear;
    private String ageBand;
    private String gender;
    private String phone;
    private String email;
    private String address;
    private String protection = "none";
    private String homeMunicipality;
    private String unit;
    private boolean confirmDuplicate;
    private Long encounterId;
    private String version;

    /** The form of a correction, filled with the record as it is. */
    static PersonForm of(Person p) {
        var f = new PersonForm();
        f.kind = p.identified() ? "identified" : "anonymous";
        f.personalNumber = p.personalNumber() == null ? null : p.personalNumber().formatted();
        f.name = p.name();
        f.alias = p.alias();
        f.birthYear = p.birthYear() == null ? null : p.birthYear().toString();
        f.ageBand = p.ageBand();
        f.gender = p.gender().code();
        f.phone = p.phone();
        f.email = p.email();
        f.address = p.address();
        f.protection = p.protection().code();
        f.homeMunicipality = p.homeMunicipality();
        f.unit = p.unit().value();
        f.version = Integer.toString(p.version());
        return f;
    }

    PersonEdit toEdit() {
        return new PersonEdit(toNewPerson(), version);
    }

    NewPerson toNewPerson() {
        return new NewPerson("identified".equals(kind), personalNumber, name, alias, birthYear, ageBand, gender, phone,
                email, address, protection, homeMunicipality, unit, confirmDuplicate);
    }

    public String getKind() { return kind; }
    public void setKind(String v) { kind = v; }
    public String getPersonalNumber() { return personalNumber; }
    public void setPersonalNumber(String v) { personalNumber = v; }
    public String getName() { return name; }
    public void setName(String v) { name = v; }
    public String getAlias() { return alias; }
    public void setAlias(String v) { alias = v; }
    public String getBirthYear() { return birthYear; }
    public void setBirthYear(String v) { birthYear = v; }
    public String getAgeBand() { return ageBand; }
    public void setAgeBand(String v) { ageBand = v; }
    public String getGender() { return gender; }
    public void setGender(String v) { gender = v; }
    public String getPhone() { return phone; }
    public void setPhone(String v) { phone = v; }
    public String getEmail() { return email; }
    public void setEmail(String v) { email = v; }
    public String getAddress() { return address; }
    public void setAddress(String v) { address = v; }
    public String getProtection() { return protection; }
    public void setProtection(String v) { protection = v; }
    public String getHomeMunicipality() { return homeMunicipality; }
    public void setHomeMunicipality(String v) { homeMunicipality = v; }
    public String getUnit() { return unit; }
    public void setUnit(String v) { unit = v; }
    public String getVersion() { return version; }
    public void setVersion(String v) { version = v; }
    public Long getEncounterId() { return encounterId; }
    public void setEncounterId(Long v) { encounterId = v; }
    public boolean isConfirmDuplicate() { return confirmDuplicate; }
    public void setConfirmDuplicate(boolean v) { confirmDuplicate = v; }
}
