package org.kepu.events;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.emptyOrNullString;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;

/** The pickers' vocabularies, with both labels for every value. */
@QuarkusTest
class ReferenceDataTest {

    @Test
    void everyVocabularyValueHasChineseAndEnglishLabels() {
        for (String list : new String[]{"event-types", "audiences", "themes", "event-formats"}) {
            given().when().get("/api/v1/" + list).then().statusCode(200)
                    .body("items.nameZh", everyItem(not(emptyOrNullString())))
                    .body("items.nameEn", everyItem(not(emptyOrNullString())));
        }
        given().when().get("/api/v1/event-types").then().body("total", equalTo(15))
                .body("items.find { it.code == 'CARNIVAL' }.nameZh", equalTo("科普嘉年华"));
        given().when().get("/api/v1/audiences").then().body("items.nameZh", hasItem("领导干部和公务员"));
    }

    @Test
    void divisionsListCitiesWithTheirRegionAndCountiesUnderACity() {
        given().queryParam("parentCode", "440000").when().get("/api/v1/divisions").then().statusCode(200)
                .body("total", equalTo(21)).body("items.find { it.code == '441400' }.economicRegion", equalTo("NORTH"));
        given().queryParam("parentCode", "440100").when().get("/api/v1/divisions").then()
                .body("items.nameZh", hasItem("番禺区"));
        given().queryParam("parentCode", "999999").when().get("/api/v1/divisions").then().statusCode(400)
                .body("errors[0].field", equalTo("parentCode"));
    }
}
