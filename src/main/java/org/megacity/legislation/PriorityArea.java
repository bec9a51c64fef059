package org.megacity.legislation;

import org.megacity.platform.Bilingual;

/** The priority areas of the legislative plan. */
public enum PriorityArea implements Bilingual {
    PIPELINES("pipelines", "城市管线", "Urban pipelines"),
    PARKS("parks", "园林绿化", "Parks and greening"),
    URBAN_RENEWAL("urban-renewal", "城市更新", "Urban renewal"),
    LAND_USE_PLANNING("land-use-planning", "国土空间规划", "Land-use planning"),
    SCIENCE_INNOVATION("science-innovation", "科技创新中心", "Science and innovation centres"),
    DIGITAL_GOVERNANCE("digital-governance", "数字城市治理平台", "Digital city governance platforms"),
    ARTIFICIAL_INTELLIGENCE("artificial-intelligence", "人工智能", "Artificial intelligence"),
    DATA_SECURITY("data-security", "数据安全", "Data security"),
    CYBERSECURITY("cybersecurity", "网络安全", "Cybersecurity"),
    OTHER("other", "其他", "Other");
    private final Names names;

    PriorityArea(String id, String nameZh, String nameEn) {
        this.names = new Names(id, nameZh, nameEn);
    }

    @Override
    public Names names() {
        return names;
    }

/**
     * The area with this id.
     *
     * @throws IllegalArgumentException naming the accepted ids
     */
    public static PriorityArea parse(String id) {
        return Bilingual.parse(PriorityArea.class, id, "priority area");
    }
}
