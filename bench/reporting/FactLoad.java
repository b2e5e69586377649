import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * The reporting bench's load (issue 19): RATE facts a second for SECONDS, written as the services' outbox relays write
 * them (structured CloudEvents, keyed by aggregate): half new events, a third registrations to events sent before,
 * the rest school bookings. Each fact is about a new aggregate, so its effect is one row in a read model; the id and
 * the time it was handed to the broker go to OUT as "kind,id,sentMillis".
 *
 * Usage: java -cp '.local/kafka-libs/*' FactLoad.java BOOTSTRAP RATE SECONDS OUT [TOPIC_PREFIX]
 * (the prefix, e.g. "bench.", keeps the load out of the topics the dev services read)
 */
public class FactLoad {

    static final String[] CITIES = {"440100", "440300", "440600", "441300", "445100", "441400", "440800", "441800"};
    static final String[] REGIONS = {"PRD", "PRD", "PRD", "PRD", "EAST", "NORTH", "WEST", "NORTH"};

    public static void main(String[] args) throws Exception {
        String bootstrap = args[0];
        int rate = Integer.parseInt(args[1]);
        int seconds = Integer.parseInt(args[2]);
        String prefix = args.length > 4 ? args[4] : "";
        Properties config = new Properties();
        config.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        config.put(ProducerConfig.LINGER_MS_CONFIG, "2");
        config.put(ProducerConfig.ACKS_CONFIG, "all");
        List<String> events = new ArrayList<>();
        List<String> venues = new ArrayList<>();
        for (int i = 0; i < 200; i++) {
            venues.add(UUID.randomUUID().toString());
        }
        long sent = 0;
        long start = System.nanoTime();
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(config, new StringSerializer(),
                new StringSerializer()); PrintWriter out = new PrintWriter(Files.newBufferedWriter(Path.of(args[3])))) {
            long total = (long) rate * seconds;
            while (sent < total) {
                // Paced every millisecond: as many facts as the rate allows by now.
                long due = Math.min(total, (System.nanoTime() - start) * rate / 1_000_000_000L);
                while (sent < due) {
                    ThreadLocalRandom random = ThreadLocalRandom.current();
                    int city = random.nextInt(CITIES.length);
                    int kind = (int) (sent % 6);
                    String id = UUID.randomUUID().toString();
                    long now = System.currentTimeMillis();
                    String time = Instant.ofEpochMilli(now).toString();
                    if (kind < 3 || events.isEmpty()) {
                        events.add(id);
                        producer.send(new ProducerRecord<>(prefix + "kepu.events", id, envelope("kepu.event.published", id,
                                time, """
                                        {"id":"%s","version":1,"status":"PUBLISHED","type":"LECTURE","divisionCode":"%s",\
                                        "cityCode":"%s","economicRegion":"%s","startsAt":"2026-%02d-15T10:00:00+08:00",\
                                        "organizerOrg":"bench","format":"OFFLINE","themes":["HEALTH"]}"""
                                        .formatted(id, CITIES[city], CITIES[city], REGIONS[city],
                                                1 + random.nextInt(12)))));
                        out.println("event," + id + "," + now);
                    } else if (kind < 5) {
                        String event = events.get(random.nextInt(events.size()));
                        producer.send(new ProducerRecord<>(prefix + "kepu.registrations", event, envelope(
                                "kepu.registration.confirmed", id, time, """
                                        {"registrationId":"%s","eventId":"%s","version":1,"kind":"INDIVIDUAL","size":%d,\
                                        "status":"CONFIRMED","checkedIn":false,"seats":{"capacity":100,"confirmedSeats":1,\
                                        "waitListLength":0,"waitListedSeats":0,"checkedInPeople":0}}"""
                                        .formatted(id, event, 1 + random.nextInt(4)))));
                        out.println("registration," + id + "," + now);
                    } else {
                        String venue = venues.get(random.nextInt(venues.size()));
                        producer.send(new ProducerRecord<>(prefix + "kepu.bookings", venue, envelope("kepu.booking.confirmed",
                                id, time, """
                                        {"bookingId":"%s","slotId":"%s","venueId":"%s","divisionCode":"%s","cityCode":"%s",\
                                        "economicRegion":"%s","slotStartsAt":"2026-06-10T09:00:00+08:00","slotCapacity":80,\
                                        "slotBookedSeats":30,"size":%d,"status":"CONFIRMED","version":0}"""
                                        .formatted(id, UUID.randomUUID(), venue, CITIES[city], CITIES[city],
                                                REGIONS[city], 10 + random.nextInt(30)))));
                        out.println("booking," + id + "," + now);
                    }
                    sent++;
                }
                Thread.sleep(1);
            }
            producer.flush();
        }
        System.out.printf("sent %d facts in %.1f s%n", sent, (System.nanoTime() - start) / 1e9);
    }

    static String envelope(String type, String subject, String time, String data) {
        return """
                {"specversion":"1.0","id":"%s","source":"/kepu/bench","type":"%s","subject":"%s","time":"%s",\
                "datacontenttype":"application/json","data":%s}""".formatted(UUID.randomUUID(), type, subject, time,
                data);
    }
}
