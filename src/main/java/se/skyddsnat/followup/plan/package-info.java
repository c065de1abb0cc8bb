/**
 * The city's programme and the action plan against trafficking and prostitution: the
 * programme (name, period, goals), the plan (name, decided on) with its six development
 * areas, the measures (text, area, owner, period) and their follow-ups (status, a short
 * account, and evidence: indicators of the catalogue over the follow-up's period, so the
 * evidence is what the records say). A page per area, the whole plan as XLSX. ANALYST and
 * COORDINATOR edit, MANAGER reads. Schema {@code followup}.
 */
package se.skyddsnat.followup.plan;
