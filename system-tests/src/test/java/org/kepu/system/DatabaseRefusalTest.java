package org.kepu.system;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.startsWith;

import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import io.restassured.http.ContentType;
import io.restassured.response.Response;

/**
 * A database that refuses the service's connections — here its role's password changed under it, as when a second
 * checkout's stack once reset the local roles' passwords — is an outage to wait out, not a bug: reads and writes get
 * 503 {@code database-unavailable} with {@code Retry-After}, readiness says the database is down, and once the
 * password is right again the same instance serves without a restart. A venue-service of its own runs as a role of its
 * own ({@code kepu_venue_outage}, a member of {@code kepu_venue}, made by deploy/local/stack.sh up test), so that the
 * shared instances keep working.
 */
@ExtendWith(KepuSystem.class)
class DatabaseRefusalTest {

    private static final int PORT = 18089;

    private static final String INSTANCE = "http://127.0.0.1:" + PORT;

    private static final String ROLE = "kepu_venue_outage";

    /** Few connections, so that the requests below outlast the pooled ones and must open new ones, and be refused. */
    private static final int POOL_SIZE = 2;

    private static final String DATABASE = "jdbc:postgresql://127.0.0.1:5432/kepu_venue_test";

    @Test
    void aDatabaseThatRefusesConnectionsGives503WithRetryAfterAndReadinessDownUntilItTakesThemAgain()
            throws Exception {
        String password = System.getenv("KEPU_VENUE_OUTAGE_DB_PASSWORD");
        Process instance = KepuSystem.startAnother("venue-service", "venue-service-refused", Map.of(
                "QUARKUS_HTTP_PORT", String.valueOf(PORT),
                "QUARKUS_DATASOURCE_JDBC_URL", DATABASE,
                "QUARKUS_DATASOURCE_USERNAME", ROLE,
                "QUARKUS_DATASOURCE_PASSWORD", password,
                "KEPU_OUTBOX_RELAY_ENABLED", "false",
                "KEPU_DB_POOL_SIZE", String.valueOf(POOL_SIZE)), List.of());
        byte[] other = new byte[16];
        new SecureRandom().nextBytes(other); // a password, not test data: nothing to reproduce
        String lockedOut = HexFormat.of().formatHex(other);
        String current = password;
        try {
            createVenue().then().statusCode(201);

            setPasswordAndDropSessions(current, lockedOut);
            current = lockedOut;

            await("the instance finds its database refusing it").atMost(Duration.ofSeconds(30))
                    .pollInterval(Duration.ofMillis(200))
                    .until(() -> given().baseUri(INSTANCE).get("/api/v1/venues?size=1").statusCode() == 503);
            // The first requests find pooled connections the database has closed (an I/O error); the later ones are
            // refused a new connection (password authentication failed): both are an outage to wait out.
            for (int read = 0; read < 2 * POOL_SIZE; read++) {
                assertUnavailable(given().baseUri(INSTANCE).when().get("/api/v1/venues?size=1"));
            }
            assertUnavailable(createVenue());
            given().baseUri(INSTANCE).when().get("/q/health/ready").then().statusCode(503).body("status", equalTo("DOWN"))
                    .body("checks.find { it.name =~ /(?i)database/ }.status", equalTo("DOWN"));

            setPasswordAndDropSessions(current, password);
            current = password;

            await("the instance serves again").atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(200))
                    .until(() -> given().baseUri(INSTANCE).get("/q/health/ready").statusCode() == 200);
            createVenue().then().statusCode(201);
            given().baseUri(INSTANCE).when().get("/api/v1/venues?size=1").then().statusCode(200);
        } finally {
            if (!current.equals(password)) {
                setPasswordAndDropSessions(current, password); // the next run's instance needs the kept password
            }
            instance.destroy();
            if (!instance.waitFor(30, TimeUnit.SECONDS)) {
                instance.destroyForcibly();
            }
        }
    }

    private static Response createVenue() {
        return given().baseUri(INSTANCE).auth().oauth2(Gateway.admin()).contentType(ContentType.JSON)
                .body(Map.of("nameZh", "数据库停摆时的科普馆 " + UUID.randomUUID(), "kind", "SCIENCE_MUSEUM",
                        "divisionCode", "440106", "address", "广州市天河区", "latitude", 23.12, "longitude", 113.32))
                .when().post("/api/v1/venues");
    }

    private static void assertUnavailable(Response response) {
        response.then().statusCode(503).contentType(startsWith("application/problem+json"))
                .header("Retry-After", matchesPattern("[1-9][0-9]*"))
                .body("type", equalTo("https://kepu.org/problems/database-unavailable")).body("status", equalTo(503));
    }

    /**
     * The role changes its own password (no superuser needed) and ends its other sessions, the instance's pooled
     * connections, so that the instance must open new ones with the password it was started with.
     */
    private static void setPasswordAndDropSessions(String current, String next) throws SQLException {
        try (Connection db = DriverManager.getConnection(DATABASE, ROLE, current);
                Statement sql = db.createStatement()) {
            sql.execute("ALTER ROLE CURRENT_USER PASSWORD '" + next + "'"); // hex only: no quoting needed
            sql.execute("SELECT pg_terminate_backend(pid) FROM pg_stat_activity"
                    + " WHERE usename = current_user AND pid <> pg_backend_pid()");
        }
    }
}
