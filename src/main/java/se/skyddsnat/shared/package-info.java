/**
 * Value types used by more than one module (codes and identifiers that validate themselves),
 * and the one exception type for input that names the field that was wrong.
 */
@org.springframework.modulith.ApplicationModule(type = org.springframework.modulith.ApplicationModule.Type.OPEN)
package se.skyddsnat.shared;
