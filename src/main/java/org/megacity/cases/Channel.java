package org.megacity.cases;

import org.megacity.platform.Bilingual;

/** How a case came in. */
public enum Channel implements Bilingual {
    INSPECTOR("监督员上报", "Inspector"),
    HOTLINE("12345热线", "12345 hotline"),
    CITIZEN("市民网上报", "Citizen portal"),
    OPEN311("Open311", "Open311"),
    SENSOR("感知告警", "Sensor alert"),
    DEPUTY("代表转办", "Deputy referral"),
    REFERRAL("上级交办", "Referral from a higher authority");

    private final String nameZh;
    private final String nameEn;

    Channel(String nameZh, String nameEn) {
        this.nameZh = nameZh;
        this.nameEn = nameEn;
    }

    public String nameZh() {
        return nameZh;
    }

    public String nameEn() {
        return nameEn;
    }

    public static Channel parse(String text) {
        return Bilingual.parse(Channel.class, text, "channel");
    }
}
