package org.megacity.representatives.internal;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/** Marks deadlines due within the next 3 working days (or past due) so desks list them as reminders. */
@Component
class SuggestionReminders {

    static final int DAYS_AHEAD = 3;
    private static final Logger log = LoggerFactory.getLogger(SuggestionReminders.class);

    private final Suggestions suggestions;

    SuggestionReminders(Suggestions suggestions) {
        this.suggestions = suggestions;
    }

    @Scheduled(initialDelayString = "PT2M", fixedDelayString = "PT15M")
    void run() {
        try {
            int marked = suggestions.markReminders(DAYS_AHEAD);
            if (marked > 0) {
                log.info("representatives: {} suggestion deadlines marked for reminders", marked);
            }
        } catch (RuntimeException e) {
            log.warn("representatives: reminders not marked: {}", e.toString());
        }
    }
}
