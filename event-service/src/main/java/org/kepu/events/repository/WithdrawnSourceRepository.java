package org.kepu.events.repository;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import org.kepu.events.domain.WithdrawnSource;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;

/** The partners' sources whose drafts were withdrawn, by partner and external id. */
@ApplicationScoped
public class WithdrawnSourceRepository implements PanacheRepositoryBase<WithdrawnSource, UUID> {

    /** A partner's withdrawn source by its external id. */
    public Optional<WithdrawnSource> findBySource(String partnerId, String externalId) {
        return find("partnerId = ?1 AND externalId = ?2", partnerId, externalId).firstResultOptional();
    }

    /** A partner's withdrawn sources among these external ids, in one statement. */
    public Map<String, WithdrawnSource> findBySources(String partnerId, List<String> externalIds) {
        Map<String, WithdrawnSource> byExternalId = new HashMap<>();
        if (!externalIds.isEmpty()) {
            list("partnerId = ?1 AND externalId IN ?2", partnerId, externalIds)
                    .forEach(source -> byExternalId.put(source.externalId, source));
        }
        return byExternalId;
    }

    /** Remembers a withdrawn source, replacing what an earlier withdrawal of the same source left. */
    public void record(WithdrawnSource source) {
        getEntityManager().createNativeQuery("""
                INSERT INTO withdrawn_source (partner_id, external_id, event_id, push_digest, withdrawn_at)
                VALUES (:partner, :externalId, :eventId, :digest, :at)
                ON CONFLICT (partner_id, external_id) DO UPDATE SET
                    event_id = EXCLUDED.event_id, push_digest = EXCLUDED.push_digest,
                    withdrawn_at = EXCLUDED.withdrawn_at
                """).setParameter("partner", source.partnerId).setParameter("externalId", source.externalId)
                .setParameter("eventId", source.eventId).setParameter("digest", source.pushDigest)
                .setParameter("at", source.withdrawnAt).executeUpdate();
    }

    /** Forgets a withdrawn source: the partner created it again. */
    public void forget(String partnerId, String externalId) {
        delete("partnerId = ?1 AND externalId = ?2", partnerId, externalId);
    }
}
