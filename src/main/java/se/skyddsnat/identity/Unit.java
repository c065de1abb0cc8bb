package se.skyddsnat.identity;

import se.skyddsnat.shared.UnitCode;

/**
 * A unit (verksamhet) such as Mikamottagningen; staff belong to units and personal data
 * is scoped by them.
 */
public record Unit(long id, UnitCode code, String name, boolean active) {
}
