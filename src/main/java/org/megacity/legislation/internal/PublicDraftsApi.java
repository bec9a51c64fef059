package org.megacity.legislation.internal;

import java.time.Instant;
import java.util.List;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Published drafts, for anyone, without signing in: the Legislation Law (Art. 40) has drafts
 * published for the public's comments, so their text, structure and Akoma Ntoso are public. Nothing
 * else of the legislation module is: unpublished versions answer 404 here.
 */
@RestController
@RequestMapping("/api/v1/legislation/public")
class PublicDraftsApi {

    private final Bills bills;

    PublicDraftsApi(Bills bills) {
        this.bills = bills;
    }

    record PublishedDraft(String billId, int version, String title, String label, String stage, int articleCount,
            Instant publishedAt, String area, String areaName) {
    }

    @GetMapping("/drafts")
    List<PublishedDraft> drafts() {
        return bills.publishedVersions().stream().map(v -> {
            Bill bill = bills.bill(v.billId());
            return new PublishedDraft(v.billId(), v.version(), v.title(), v.label(), v.stage().id(), v.articleCount(),
                    v.publishedAt(), bill.area().id(), bill.area().nameZh());
        }).toList();
    }

    @GetMapping("/bills/{id}/versions/{version}")
    VersionView version(@PathVariable String id, @PathVariable int version) {
        return LegislationApi.structure(bills.publishedVersion(id, version));
    }

    @GetMapping("/bills/{id}/versions/{version}/text")
    ResponseEntity<String> text(@PathVariable String id, @PathVariable int version,
            @RequestParam(defaultValue = "plain") String format) {
        return LegislationApi.text(bills.publishedVersion(id, version), format);
    }

    @GetMapping("/bills/{id}/versions/{version}/akn")
    ResponseEntity<String> akn(@PathVariable String id, @PathVariable int version) {
        return LegislationApi.akn(bills, bills.publishedVersion(id, version));
    }
}
