package org.kepu.common.divisions;

/** Guangdong's usual four-way planning split; EAST, WEST and NORTH are the less-developed regions in the seed plans. */
public enum EconomicRegion {
    /** 珠三角, the Pearl River Delta. */
    PRD("珠三角", "Pearl River Delta"),
    /** 粤东. */
    EAST("粤东", "Eastern Guangdong"),
    /** 粤西. */
    WEST("粤西", "Western Guangdong"),
    /** 粤北, the northern mountain area. */
    NORTH("粤北", "Northern Guangdong");

    private final String nameZh;
    private final String nameEn;

    EconomicRegion(String nameZh, String nameEn) {
        this.nameZh = nameZh;
        this.nameEn = nameEn;
    }

    public String nameZh() {
        return nameZh;
    }

    public String nameEn() {
        return nameEn;
    }
}
