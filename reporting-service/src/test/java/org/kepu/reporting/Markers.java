package org.kepu.reporting;

import static org.awaitility.Awaitility.await;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import javax.sql.DataSource;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.common.utils.Utils;
import org.kepu.common.testing.FactSender;

/**
 * Marker facts: to show that a fact changed nothing, a test sends a later, harmless fact under the same key (so on the
 * same partition, consumed after it) and waits until the inbox has recorded the marker, which it does in the same
 * transaction as the marker's effect. By then every fact sent before under that key has been applied, so what the
 * test reads next is final — no fixed wait, and a broken consumer cannot pass by being slow. Each marker counts in no
 * figure any test asserts.
 */
final class Markers {

    private Markers() {
    }

    /**
     * A closed library without certification in 揭阳, where no test looks: only the venues-by-city count (which no test
     * asserts exactly) includes a closed venue.
     */
    static void venues(FactSender producer, DataSource db, String key) throws Exception {
        String id = UUID.randomUUID().toString();
        sendAndAwait(producer, db, "kepu.venues", key, """
                {"specversion":"1.0","id":"%%s","source":"/kepu/venue-service","type":"kepu.venue.updated",
                 "subject":"%s","time":"2030-01-01T01:00:00Z","datacontenttype":"application/json",
                 "data":{"id":"%s","version":1,"nameZh":"标记","kind":"LIBRARY","divisionCode":"445302",
                         "cityCode":"445300","economicRegion":"WEST","status":"CLOSED"}}
                """.formatted(id, id));
    }

    /** A removed touring stop in 1999: no figure counts a removed stop. */
    static void tours(FactSender producer, DataSource db, String key) throws Exception {
        sendAndAwait(producer, db, "kepu.tours", key, """
                {"specversion":"1.0","id":"%%s","source":"/kepu/venue-service","type":"kepu.tour-stop.removed",
                 "subject":"%s","time":"2030-01-01T01:00:00Z","datacontenttype":"application/json",
                 "data":{"tourId":"%s","unitId":"%s","name":"标记","year":1999,"version":1,
                         "stop":{"id":"%s","divisionCode":"445302","cityCode":"445300","economicRegion":"WEST",
                                 "startsOn":"1999-01-01","endsOn":"1999-01-01","setting":"SCHOOL","removed":true}}}
                """.formatted(key, UUID.randomUUID(), key, UUID.randomUUID()));
    }

    /** A visit slot's fact: the reports keep no slots. */
    static void bookings(FactSender producer, DataSource db, String key) throws Exception {
        sendAndAwait(producer, db, "kepu.bookings", key, """
                {"specversion":"1.0","id":"%%s","source":"/kepu/venue-service","type":"kepu.visit-slot.published",
                 "subject":"%s","time":"2030-01-01T01:00:00Z","datacontenttype":"application/json",
                 "data":{"slotId":"%s","venueId":"%s","cityCode":"445300","economicRegion":"WEST",
                         "slotStartsAt":"1999-01-01T09:00:00+08:00","slotCapacity":80,"slotBookedSeats":0}}
                """.formatted(key, UUID.randomUUID(), key));
    }

    /** A cancelled event of 1999: no test reads that year, and no figure counts a cancelled event elsewhere. */
    static void events(FactSender producer, DataSource db, String key) throws Exception {
        String id = UUID.randomUUID().toString();
        sendAndAwait(producer, db, "kepu.events", key, """
                {"specversion":"1.0","id":"%%s","source":"/kepu/event-service","type":"kepu.event.cancelled",
                 "subject":"%s","time":"2030-01-01T01:00:00Z","datacontenttype":"application/json",
                 "data":{"id":"%s","version":1,"status":"CANCELLED","type":"LECTURE","divisionCode":"445302",
                         "cityCode":"445300","economicRegion":"WEST","startsAt":"1999-01-01T09:00:00+08:00",
                         "organizerOrg":"marker","format":"OFFLINE","themes":["GENERAL"]}}
                """.formatted(id, id));
    }

    /** A registration for an event the reports never hear of: it counts in no event's participants. */
    static void registrations(FactSender producer, DataSource db, String key) throws Exception {
        String registration = UUID.randomUUID().toString();
        sendAndAwait(producer, db, "kepu.registrations", key, """
                {"specversion":"1.0","id":"%%s","source":"/kepu/event-service","type":"kepu.registration.confirmed",
                 "subject":"%s","time":"2030-01-01T01:00:00Z","datacontenttype":"application/json",
                 "data":{"registrationId":"%s","eventId":"%s","version":1,"kind":"INDIVIDUAL","size":1,
                         "status":"CONFIRMED","checkedIn":false}}
                """.formatted(registration, registration, UUID.randomUUID()));
    }

    /**
     * A marker on every partition of every topic the reports read: once each has been applied, so has every fact sent
     * before, by any test.
     */
    static void everywhere(FactSender producer, DataSource db, String bootstrapServers) throws Exception {
        try (Admin admin = Admin.create(Map.of("bootstrap.servers", bootstrapServers))) {
            for (var topic : admin.describeTopics(List.of("kepu.events", "kepu.registrations",
                    "kepu.venues", "kepu.bookings", "kepu.tours")).allTopicNames().get().values()) {
                for (int partition = 0; partition < topic.partitions().size(); partition++) {
                    String key = keyFor(partition, topic.partitions().size());
                    switch (topic.name()) {
                        case "kepu.events" -> events(producer, db, key);
                        case "kepu.registrations" -> registrations(producer, db, key);
                        case "kepu.venues" -> venues(producer, db, key);
                        case "kepu.bookings" -> bookings(producer, db, key);
                        default -> tours(producer, db, key);
                    }
                }
            }
        }
    }

    /** A key the producer's default partitioner puts on {@code partition} (murmur2 of the key, as Kafka hashes it). */
    private static String keyFor(int partition, int partitions) {
        while (true) {
            String key = UUID.randomUUID().toString();
            if (Utils.toPositive(Utils.murmur2(key.getBytes(StandardCharsets.UTF_8)))
                    % partitions == partition) {
                return key;
            }
        }
    }

    /** Sends {@code template} (its CloudEvent id left as {@code %s}) and waits until the inbox has recorded it. */
    private static void sendAndAwait(FactSender producer, DataSource db, String topic, String key, String template)
            throws Exception {
        String messageId = UUID.randomUUID().toString();
        producer.send(topic, key, template.formatted(messageId));
        await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(200)).until(() -> recorded(db, messageId));
    }

    private static boolean recorded(DataSource db, String messageId) throws Exception {
        try (Connection connection = db.getConnection();
                PreparedStatement query = connection
                        .prepareStatement("SELECT 1 FROM processed_message WHERE message_id = ?")) {
            query.setString(1, messageId);
            try (ResultSet row = query.executeQuery()) {
                return row.next();
            }
        }
    }
}
