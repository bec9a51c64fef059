package org.megacity.participation.internal;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.megacity.identity.Actor;
import org.megacity.legislation.DraftVersion;
import org.megacity.legislation.DraftVersions;
import org.megacity.participation.Channel;
import org.megacity.participation.Outcome;
import org.megacity.platform.PlatformSettings;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * {@code ./megacity demo}: when no consultation exists, one open on the newest published version of
 * the pipelines bill (the legislation demo's), opened ten days ago for 30 days, with a contact point
 * and its meeting, and opinions from every channel (a small form-letter campaign among them), two of
 * them already handled. A restart finds the consultation and does nothing.
 */
@Component
@Order(210)
class DemoParticipation implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(DemoParticipation.class);

    private final Participation participation;
    private final ParticipationStore store;
    private final DraftVersions drafts;
    private final PlatformSettings platform;
    private final boolean enabled;

    DemoParticipation(Participation participation, ParticipationStore store, DraftVersions drafts,
            PlatformSettings platform, @Value("${megacity.demo.enabled:false}") boolean enabled) {
        this.participation = participation;
        this.store = store;
        this.drafts = drafts;
        this.platform = platform;
        this.enabled = enabled;
    }

    @Override
    public void run(ApplicationArguments args) {
        if (!enabled || !("server".equals(platform.mode()) || "test".equals(platform.mode()))) {
            return;
        }
        if (store.countConsultations() > 0) {
            return;
        }
        seed();
    }

    /** Opens the demo consultation; returns its id, or empty when no draft is published. */
    @Transactional
    Optional<String> seed() {
        long start = System.nanoTime();
        List<DraftVersion.Summary> published = drafts.published();
        Optional<DraftVersion.Summary> chosen = published.stream().filter(v -> v.title().contains("管线"))
                .max(Comparator.comparingInt(DraftVersion.Summary::version))
                .or(() -> published.stream().findFirst());
        if (chosen.isEmpty()) {
            return Optional.empty();
        }
        DraftVersion version = drafts.find(chosen.get().billId(), chosen.get().version()).orElseThrow();
        Instant opened = participation.now().minus(Duration.ofDays(10)).truncatedTo(java.time.temporal.ChronoUnit.DAYS);
        Consultation c = participation.open(new Participation.Opening(version.billId(), version.version(), opened,
                opened.plus(Duration.ofDays(30)), null, null), true);
        List<DraftVersion.Element> articles = version.elements().stream().filter(e -> e.kind().equals("article")).toList();
        List<DraftVersion.Element> paragraphs = version.elements().stream().filter(e -> e.kind().equals("paragraph"))
                .toList();

        ContactPoint point = participation.createContactPoint("解放碑街道基层立法联系点", "渝中区解放碑街道社区服务中心",
                List.of("demo.contact"));
        Meeting meeting = new Meeting(UUID.randomUUID().toString(), c.id(), point.id(),
                LocalDate.ofInstant(opened, Participation.CHINA).plusDays(4), "解放碑街道社区服务中心三楼会议室", 21,
                "居民、商户、物业服务企业", participation.now(), "system");
        store.insert(meeting);

        String campaign = "强烈支持加强管线巡查，建议每月至少巡查一次，巡查结果向社会公开！";
        String[] ids = new String[12];
        ids[0] = add(c, version, at(paragraphs, 8), Channel.ONLINE, "建议将燃气、热力管线也明确列入适用范围。", null, null, null);
        ids[1] = add(c, version, at(articles, 20), Channel.ONLINE, campaign, null, null, null);
        ids[2] = add(c, version, at(articles, 20), Channel.ONLINE, campaign, null, null, null);
        ids[3] = add(c, version, at(articles, 20), Channel.ONLINE, "强烈支持加强管线巡查，建议每月至少巡查一次，巡查结果向社会公开！ ",
                null, null, null);
        ids[4] = add(c, version, null, Channel.ONLINE, "<b>总体赞成</b>，希望条例尽快出台。", null, null, null);
        ids[5] = add(c, version, at(paragraphs, 30), Channel.CONTACT_POINT, "道路反复开挖扰民，建议同步施工、统一规划。",
                "王大妈", point.name(), meeting.id());
        ids[6] = add(c, version, at(articles, 25), Channel.CONTACT_POINT, "井盖破损要有人管，建议明确维护责任单位。", null,
                point.name(), meeting.id());
        ids[7] = add(c, version, null, Channel.CONTACT_POINT, "希望多开这样的座谈会，听听我们居民的声音。", null, point.name(),
                meeting.id());
        ids[8] = add(c, version, at(articles, 40), Channel.DEPUTY, "法律责任部分罚款幅度偏低，建议提高。", null, null, null);
        ids[9] = add(c, version, at(articles, 1), Channel.EXPERT, "立法目的宜增加“保障城市安全运行”的表述。", null,
                "西南政法大学地方立法研究中心", null);
        ids[10] = add(c, version, at(articles, 10), Channel.DEPARTMENT, "建议与《重庆市燃气管理条例》做好衔接。", null,
                "市经济信息委", null);
        ids[11] = add(c, version, at(articles, 30), Channel.LETTER, "我家楼下的排水管线常年渗漏，请尽快处理。", "张先生", null,
                null);
        participation.dispose(c.id(), List.of(ids[1], ids[2], ids[3]), new Participation.Deciding(
                Outcome.ALREADY_REFLECTED.id(), "草案第二十一条已规定定期巡查", null, null, null, "巡查频次（相同内容）"));
        participation.dispose(c.id(), List.of(ids[11]), new Participation.Deciding(Outcome.OUT_OF_SCOPE.id(), null,
                "12345热线，转为案件处理", null, null, null));
        log.info("participation: demo consultation on '{}' version {} with {} opinions in {} ms", version.summary().title(),
                version.version(), ids.length, (System.nanoTime() - start) / 1_000_000);
        return Optional.of(c.id());
    }

    private static DraftVersion.Element at(List<DraftVersion.Element> elements, int index) {
        return elements.isEmpty() ? null : elements.get(Math.min(index, elements.size() - 1));
    }

    private String add(Consultation c, DraftVersion version, DraftVersion.Element element, Channel channel, String text,
            String name, String organisation, String meetingId) {
        return participation.seed(c, channel, element == null ? null : element.eId(), text, name, organisation,
                meetingId, Actor.SYSTEM).id();
    }
}
