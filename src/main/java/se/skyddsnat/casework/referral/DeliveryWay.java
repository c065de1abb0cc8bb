package se.skyddsnat.casework.referral;

import se.skyddsnat.shared.Code;

/**
 * How a handover letter reached its recipient. Shown as {@code referral.delivery.<code>}.
 */
public enum DeliveryWay implements Code {

	SECURE_EMAIL, POST, HANDED_OVER, PHONE

}
