package se.skyddsnat.casework;

import se.skyddsnat.shared.Code;

/** How a case ended. */
public enum CaseOutcome implements Code {
    LEFT_PROSTITUTION, RETURNED_HOME, REFERRED_ON, NO_FURTHER_CONTACT, OTHER;

    public static CaseOutcome of(String code) {
        return Code.of(CaseOutcome.class, code);
    }
}
