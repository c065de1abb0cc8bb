package se.skyddsnat.casework.referral;

import java.util.EnumSet;
import java.util.Set;
import se.skyddsnat.shared.Code;

/**
 * Where a referral stands. One state machine for every handover (to another unit or
 * outside): a draft is sent; a sent internal referral is accepted or declined by the
 * receiving unit; an accepted one is closed when the handover is done; a draft or a sent
 * one may be withdrawn (closed) by the sender, which is also how an external referral is
 * closed once the recipient has answered.
 */
public enum ReferralState implements Code {

	DRAFT, SENT, ACCEPTED, DECLINED, CLOSED;

	public boolean canMoveTo(ReferralState next) {
		return next(this).contains(next);
	}

	private static Set<ReferralState> next(ReferralState state) {
		return switch (state) {
			case DRAFT -> EnumSet.of(SENT, CLOSED);
			case SENT -> EnumSet.of(ACCEPTED, DECLINED, CLOSED);
			case ACCEPTED -> EnumSet.of(CLOSED);
			case DECLINED, CLOSED -> EnumSet.noneOf(ReferralState.class);
		};
	}

	public static ReferralState of(String code) {
		return Code.of(ReferralState.class, code);
	}

}
