package org.kepu.reporting.domain;

/**
 * One city's figure in a breakdown.
 *
 * @param cityCode GB/T 2260 code of the prefecture-level city
 * @param cityName its Chinese name
 * @param economicRegion PRD, EAST, WEST or NORTH
 * @param count the figure itself
 */
public record CityCount(String cityCode, String cityName, String economicRegion, long count) {

    /** A by-city breakdown as a spreadsheet; {@code what} names the figure column. */
    public static ReportTable table(String name, String what, java.util.List<CityCount> counts) {
        ReportTable table = ReportTable.named(name, "城市代码", "城市", "经济区域", what);
        counts.forEach(city -> table.row(city.cityCode(), city.cityName(), city.economicRegion(), city.count()));
        return table;
    }
}
