package org.kepu.events;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.util.UUID;

import javax.sql.DataSource;

import org.eclipse.microprofile.config.ConfigProvider;
import org.kepu.common.testing.FactSender;

/**
 * Plays another event-service replica: changes the shared database behind this replica's back, and announces the
 * change on Kafka as that replica's outbox relay would. Only a cached answer can miss such a change.
 */
final class OtherReplica {

    private final DataSource database;

    OtherReplica(DataSource database) {
        this.database = database;
    }

    /** Renames the event in the database, with a new version, and tells no one. */
    void renameQuietly(String id, String titleZh) throws Exception {
        try (Connection connection = database.getConnection();
                PreparedStatement rename = connection
                        .prepareStatement("UPDATE event SET title_zh = ?, version = version + 1 WHERE id = ?")) {
            rename.setString(1, titleZh);
            rename.setObject(2, UUID.fromString(id));
            rename.executeUpdate();
        }
    }

    /** Publishes a draft in the database and tells no one: a public event with no fact of its own on Kafka. */
    void publishQuietly(String id) throws Exception {
        try (Connection connection = database.getConnection();
                PreparedStatement publish = connection.prepareStatement(
                        "UPDATE event SET status = 'PUBLISHED', published_at = now(), version = version + 1 WHERE id = ?")) {
            publish.setObject(1, UUID.fromString(id));
            publish.executeUpdate();
        }
    }

    /** The fact the other replica's relay would send for its change. */
    void announceUpdate(String id) throws Exception {
        try (FactSender relay = new FactSender(
                ConfigProvider.getConfig().getValue("kafka.bootstrap.servers", String.class))) {
            relay.send("kepu.events", id, "{\"type\":\"org.kepu.event.updated\"}");
        }
    }
}
