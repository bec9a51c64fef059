package org.megacity.legislation.internal;

import java.util.List;
import java.util.Optional;
import org.megacity.legislation.DraftVersion;
import org.megacity.legislation.DraftVersions;
import org.springframework.stereotype.Component;

/** {@link DraftVersions} from the legislation tables. */
@Component
class StoredDraftVersions implements DraftVersions {

    private final BillStore store;

    StoredDraftVersions(BillStore store) {
        this.store = store;
    }

    @Override
    public Optional<DraftVersion> find(String billId, int version) {
        if (billId == null) {
            return Optional.empty();
        }
        return store.version(billId, version).map(v -> new DraftVersion(summary(v.summary()), v.draft(), v.workIds()));
    }

    @Override
    public List<DraftVersion.Summary> published() {
        return store.publishedVersions().stream().map(StoredDraftVersions::summary).toList();
    }

    private static DraftVersion.Summary summary(VersionSummary s) {
        return new DraftVersion.Summary(s.billId(), s.version(), s.title(), s.label(), s.articleCount(), s.publishedAt());
    }
}
