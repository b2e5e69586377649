package org.kepu.events.domain;

import org.kepu.common.vocabulary.Labelled;

/**
 * Topics of outreach, seeded from the themed days in shared/reference/theme-days.csv and the topics the seed plans
 * stress (health, emergency response, ecology, agriculture, AI, space, digital literacy, science education).
 */
public enum Theme implements Labelled {
    GENERAL("综合科普", "General science"), HEALTH("健康", "Health"), EMERGENCY("应急避险", "Emergency preparedness"), SAFETY("安全生产",
            "Workplace safety"), ECOLOGY("生态环保", "Ecology and environment"), AGRICULTURE("农业与粮食",
                    "Agriculture and food"), METEOROLOGY("气象", "Meteorology"), QUALITY_SAFETY("质量与消费安全",
                            "Quality and consumer safety"), INNOVATION("科技创新", "Innovation"), AI("人工智能",
                                    "Artificial intelligence"), SPACE("航空航天", "Aerospace"), DIGITAL("数字素养",
                                            "Digital literacy"), EDUCATION("科学教育", "Science education");

    private final String labelZh;
    private final String labelEn;

    Theme(String labelZh, String labelEn) {
        this.labelZh = labelZh;
        this.labelEn = labelEn;
    }

    @Override
    public String labelZh() {
        return labelZh;
    }

    @Override
    public String labelEn() {
        return labelEn;
    }
}
