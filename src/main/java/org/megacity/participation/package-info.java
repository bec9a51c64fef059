/**
 * Public consultation: consultations on a bill version (at least 30 days unless an override with its
 * reason is recorded), opinions anchored on the draft's elements from every channel the law names
 * (online, grassroots contact points, deputies, experts, government departments, letters),
 * moderation, dispositions per opinion or group, and the feedback report. Campaigns and topics come
 * from an {@link org.megacity.participation.OpinionAnalysis}; the analysis engine of a later issue
 * plugs in there.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Participation")
package org.megacity.participation;
