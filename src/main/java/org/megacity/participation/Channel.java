package org.megacity.participation;

import java.util.Optional;
import org.megacity.platform.Bilingual;

/** How an opinion reached the legislature (the channels the Legislation Law names). */
public enum Channel implements Bilingual {
    ONLINE("online", "网上征求意见", "Online"),
    CONTACT_POINT("contact-point", "基层立法联系点", "Contact point"),
    DEPUTY("deputy", "人大代表", "Deputy"),
    EXPERT("expert", "专家和智库", "Expert"),
    DEPARTMENT("department", "政府部门", "Government department"),
    LETTER("letter", "来信", "Letter");
    private final Names names;

    Channel(String id, String nameZh, String nameEn) {
        this.names = new Names(id, nameZh, nameEn);
    }

    @Override
    public Names names() {
        return names;
    }

    public static Optional<Channel> find(String id) {
        return Bilingual.find(Channel.class, id);
    }
}
