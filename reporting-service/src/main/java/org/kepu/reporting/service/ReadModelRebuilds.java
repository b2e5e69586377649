package org.kepu.reporting.service;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicReference;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;

import org.apache.kafka.common.TopicPartition;
import org.eclipse.microprofile.config.Config;
import org.jboss.logging.Logger;
import org.kepu.common.kafka.KafkaConnection;
import org.kepu.common.rules.DomainException;
import org.kepu.reporting.config.ReportingConfig;
import org.kepu.reporting.domain.HistoryGap;
import org.kepu.reporting.domain.ReadModelsChanged;
import org.kepu.reporting.domain.Rebuild;
import org.kepu.reporting.messaging.FactReplay;
import org.kepu.reporting.messaging.FactReplay.Fact;
import org.kepu.reporting.messaging.ReadModels.Feed;
import org.kepu.reporting.messaging.ReplayBatches;
import org.kepu.reporting.messaging.ReplayBatches.Applied;
import org.kepu.reporting.messaging.TopicHistory;
import org.kepu.reporting.repository.ReadModelSchemas;

import io.agroal.api.AgroalDataSource;
import io.smallrye.common.annotation.Identifier;

/**
 * Rebuilds the read models from the whole history: replays every feed's topic from its first offset into fresh tables
 * while the live ones keep serving, then locks the live ones against writes, replays what arrived meanwhile, and swaps
 * the tables in one transaction. A topic that lost its first facts (a finite retention) refuses the rebuild before
 * anything starts, unless the admin knowingly accepts the loss. The live consumers carry on afterwards against the new tables; their inbox (swapped
 * with them) skips what the replay already applied. One rebuild at a time across replicas (a PostgreSQL advisory lock);
 * its progress is kept by the replica that runs it.
 */
@ApplicationScoped
public class ReadModelRebuilds {

    private static final Logger LOG = Logger.getLogger(ReadModelRebuilds.class);

    private final AgroalDataSource dataSource;
    private final ReadModelSchemas schemas;
    private final ReplayBatches batches;
    private final TopicHistory history;
    private final ReportingConfig config;
    private final Config settings;
    private final Map<String, Object> kafka;
    private final ExecutorService worker = Executors.newSingleThreadExecutor(r -> new Thread(r, "read-model-rebuild"));
    private final AtomicReference<Rebuild> latest = new AtomicReference<>();
    private final Event<ReadModelsChanged> changed;

    public ReadModelRebuilds(AgroalDataSource dataSource, ReadModelSchemas schemas, ReplayBatches batches,
            TopicHistory history, ReportingConfig config, Config settings,
            @Identifier("default-kafka-broker") Map<String, Object> kafkaConfig, Event<ReadModelsChanged> changed) {
        this.changed = changed;
        this.dataSource = dataSource;
        this.schemas = schemas;
        this.batches = batches;
        this.history = history;
        this.config = config;
        this.settings = settings;
        this.kafka = KafkaConnection.settings(kafkaConfig);
    }

    /**
     * Starts a rebuild; 409 {@code rebuild-running} while one runs (here or on another replica), 409
     * {@code rebuild-history-incomplete} naming each partition that lost its first facts, unless
     * {@code acceptMissingHistory}: then the replay reads what is left and the rebuild lists what it left out.
     */
    public synchronized Rebuild start(boolean acceptMissingHistory) {
        Rebuild current = latest.get();
        if (current != null && current.running()) {
            throw running();
        }
        Map<Feed, String> topics = topics();
        List<HistoryGap> gaps = history.gaps(topics.values());
        HistoryGap.requireFullHistory(gaps, acceptMissingHistory);
        if (!gaps.isEmpty()) {
            LOG.warnf("Rebuild accepted with facts missing: %s", gaps.stream().map(HistoryGap::describe).toList());
        }
        Connection session;
        try {
            session = dataSource.getConnection();
            if (!schemas.tryLock(session)) {
                session.close();
                throw running();
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot start a rebuild: " + e.getMessage(), e);
        }
        Rebuild rebuild = Rebuild.started(gaps);
        latest.set(rebuild);
        Map<TopicPartition, Long> starts = new HashMap<>();
        gaps.forEach(gap -> starts.put(new TopicPartition(gap.topic(), gap.partition()), gap.startsAt()));
        worker.submit(() -> run(session, topics, starts));
        return rebuild;
    }

    /** The rebuild with this id, if this replica ran it last. */
    public Optional<Rebuild> find(UUID id) {
        return Optional.ofNullable(latest.get()).filter(rebuild -> rebuild.id().equals(id));
    }

    private void run(Connection session, Map<Feed, String> topics, Map<TopicPartition, Long> starts) {
        long[] counts = new long[2];
        try (session; FactReplay replay = new FactReplay(kafka, topics, starts)) {
            schemas.prepare(session);
            replay.readUntil(replay.ends(), facts -> apply(facts, counts));
            LOG.infof("Rebuild %s replayed %d facts; swapping", latest.get().id(), counts[0]);
            schemas.swap(session, config.rebuild().lockTimeout(), () -> {
                Map<TopicPartition, Long> ends = replay.ends();
                replay.readUntil(ends, facts -> apply(facts, counts));
            });
            latest.updateAndGet(Rebuild::swapped);
            changed.fire(new ReadModelsChanged()); // this replica's kept reports were computed from the old tables
            LOG.infof("Rebuild %s swapped in after %d facts (%d unreadable, skipped)", latest.get().id(), counts[0],
                    counts[1]);
            schemas.cleanUp(session);
            schemas.unlock(session);
        } catch (Exception e) {
            LOG.errorf(e, "Rebuild %s failed; the live read models are unchanged", latest.get().id());
            latest.updateAndGet(rebuild -> rebuild.failed(e.getClass().getSimpleName() + ": " + e.getMessage()));
            cleanUpAfterFailure();
        }
    }

    private void apply(List<Fact> facts, long[] counts) {
        int size = config.rebuild().batchSize();
        for (int from = 0; from < facts.size(); from += size) {
            Applied applied = batches.apply(facts.subList(from, Math.min(facts.size(), from + size)));
            counts[0] += applied.applied();
            counts[1] += applied.skipped();
        }
        latest.updateAndGet(rebuild -> rebuild.progress(counts[0], counts[1]));
    }

    private void cleanUpAfterFailure() {
        // The session that held the advisory lock is closed by now, which released it.
        try (Connection connection = dataSource.getConnection()) {
            schemas.cleanUp(connection);
        } catch (SQLException e) {
            LOG.warnf("Could not drop a failed rebuild's tables: %s", e.getMessage());
        }
    }

    private Map<Feed, String> topics() {
        Map<Feed, String> topics = new EnumMap<>(Feed.class);
        for (Feed feed : Feed.values()) {
            topics.put(feed, settings.getValue("mp.messaging.incoming." + feed.channel() + ".topic", String.class));
        }
        return topics;
    }

    private static DomainException running() {
        return DomainException.conflict("rebuild-running", "A rebuild is running",
                "Wait for it to finish (GET its Location) before starting another.");
    }

    @PreDestroy
    void stop() {
        worker.shutdownNow();
    }
}
