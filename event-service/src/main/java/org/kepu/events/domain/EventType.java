package org.kepu.events.domain;

import org.kepu.common.vocabulary.Labelled;

/** The kinds of outreach event named in the seed plans, with their Chinese and English labels. */
public enum EventType implements Labelled {
    SCIENCE_WEEK("科技活动周", "Science and Technology Week"), SCIENCE_DAY("全国科普日", "National Science Popularization Day"), CARNIVAL(
            "科普嘉年华",
            "Science Carnival"), OPEN_DAY("科技开放日", "Science Open Day"), SCIENCE_NIGHT("科学之夜", "Science Night"), LECTURE("讲座",
                    "Lecture"), COMPETITION("大赛", "Competition"), THEMED_DAY("主题日", "Themed Day"), EXHIBITION("展览",
                            "Exhibition"), TRAINING("培训", "Training"), RURAL_OUTREACH("三下乡", "Rural Outreach"), CARAVAN_VISIT(
                                    "大篷车进校园", "Science Caravan Visit"), TOUR("科普游", "Science Tour"), VOLUNTEER_SERVICE("志愿服务",
                                            "Volunteer Service"), OTHER("其他", "Other");

    private final String labelZh;
    private final String labelEn;

    EventType(String labelZh, String labelEn) {
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
