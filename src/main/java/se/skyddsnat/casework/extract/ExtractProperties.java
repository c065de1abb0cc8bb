package se.skyddsnat.casework.extract;

import java.util.Set;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import se.skyddsnat.identity.Role;

/**
 * {@code roles}: who may produce a register extract across every unit
 * ({@code SKYDDSNAT_REGISTER_EXTRACT_ROLES}, MANAGER by default; a registrar's role where
 * the organisation has one). Configuration, not a {@code Permission}: the organisation
 * decides who answers art. 15 requests.
 */
@ConfigurationProperties("skyddsnat.register-extract")
record ExtractProperties(@DefaultValue("MANAGER") Set<Role> roles) {
}
