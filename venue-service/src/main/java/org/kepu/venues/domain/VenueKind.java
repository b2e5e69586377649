package org.kepu.venues.domain;

import org.kepu.common.vocabulary.Labelled;

/** The kinds of place where outreach happens, as the 2024 work points list them. */
public enum VenueKind implements Labelled {
    SCIENCE_MUSEUM("综合性科技馆", "Comprehensive science museum"), COUNTY_SCIENCE_MUSEUM("县级科技馆",
            "County science museum"), SCHOOL_SCIENCE_MUSEUM("校园科技馆", "School science museum"), VIRTUAL_SCIENCE_MUSEUM("虚拟科技馆",
                    "Virtual science museum"), EDUCATION_BASE("科普教育基地", "Science education base"), LIBRARY("图书馆",
                            "Library"), MUSEUM("博物馆", "Museum"), PARK("公园", "Park"), NATURE_RESERVE("自然保护区",
                                    "Nature reserve"), CINEMA("电影院", "Cinema"), AIRPORT("机场", "Airport"), STATION("车站",
                                            "Station"), E_STATION("科普中国e站", "China Science e-station"), PRACTICE_CENTRE(
                                                    "科普实践中心", "Science practice centre"), CARAVAN("科普大篷车",
                                                            "Science caravan"), TOURING_EXHIBITION("流动科技馆",
                                                                    "Touring science exhibition");

    private final String labelZh;
    private final String labelEn;

    VenueKind(String labelZh, String labelEn) {
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

    /** Caravans and touring exhibitions move between stops on a tour instead of receiving visitors at one place. */
    public boolean isMobile() {
        return this == CARAVAN || this == TOURING_EXHIBITION;
    }
}
