package org.kepu.events.domain;

import org.kepu.common.vocabulary.Labelled;

/** The key groups the provincial science-literacy plan names (青少年, 农民, 产业工人, 老年人, 领导干部和公务员…). */
public enum Audience implements Labelled {
    YOUTH("青少年", "Young people"), CHILDREN("儿童", "Children"), WOMEN("妇女", "Women"), FARMERS("农民",
            "Farmers"), INDUSTRIAL_WORKERS("产业工人", "Industrial workers"), ELDERLY("老年人",
                    "Older people"), OFFICIALS("领导干部和公务员", "Officials and civil servants"), PUBLIC("公众", "General public");

    private final String labelZh;
    private final String labelEn;

    Audience(String labelZh, String labelEn) {
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
