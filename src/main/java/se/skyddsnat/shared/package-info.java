/**
 * What every module shares: value types that validate themselves
 * ({@code MunicipalityCode}, {@code UnitCode}, {@code PersonalNumber}, {@code DateRange},
 * {@code DatePeriod}) and the few shared mechanisms — the one input toolkit
 * ({@code Input}, its {@code InvalidInput} and {@code TextLimit}), the one refusal of the
 * domain ({@code Refused}), the one CSV reader ({@code CsvTable}, {@code FirstErrors}),
 * the one way a list is paged ({@code Keyset}), the one suppression of small counts
 * ({@code CountTable} → {@code SuppressedTable} of {@code Count}), and the extension
 * point of the demo, {@code DemoContribution}, that each module implements for its own
 * synthetic data. No services, no state.
 */
@org.springframework.modulith.ApplicationModule(type = org.springframework.modulith.ApplicationModule.Type.OPEN)
package se.skyddsnat.shared;
