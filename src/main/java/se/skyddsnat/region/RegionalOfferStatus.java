package se.skyddsnat.region;

/** A municipality's part in the regional offer. UNKNOWN is honest: the sources do not say. */
public enum RegionalOfferStatus {
    HOST, JOINED, NOT_JOINED, UNKNOWN;

    public static RegionalOfferStatus parse(String csvValue) {
        return valueOf(csvValue.trim().toUpperCase(java.util.Locale.ROOT));
    }

    public String csvValue() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
