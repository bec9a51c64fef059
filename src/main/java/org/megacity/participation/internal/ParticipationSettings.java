package org.megacity.participation.internal;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of public consultation ({@code megacity.participation.*}).
 *
 * @param anonymousOpinions whether the city takes online opinions without an account (default yes)
 * @param anonymousPerHour  how many anonymous opinions one network address may send per hour (default 20;
 *                          beyond that 429)
 * @param minimumDays       the shortest consultation without an override (Legislation Law Art. 40: 30 days)
 */
@ConfigurationProperties("megacity.participation")
public record ParticipationSettings(@DefaultValue("true") boolean anonymousOpinions,
        @DefaultValue("20") int anonymousPerHour, @DefaultValue("30") int minimumDays) {
}
