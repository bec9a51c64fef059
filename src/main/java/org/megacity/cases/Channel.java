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
    private final Names names;

    Channel(String nameZh, String nameEn) {
        this.names = new Names(null, nameZh, nameEn);
    }

    @Override
    public Names names() {
        return names;
    }

    public static Channel parse(String text) {
        return Bilingual.parse(Channel.class, text, "channel");
    }
}
