package org.kepu.common.persistence;

import jakarta.persistence.EntityManager;

/**
 * Asks PostgreSQL to plan every statement of the current transaction for its actual parameters.
 *
 * <p>
 * A prepared statement that ran five times gets a generic plan, made once for any parameters. That is what a lookup by
 * key wants: planning a query over a table with many indexes costs more than running it (bench/README.md has the
 * figures). A search wants the opposite: whether "the terms contain X" is best
 * answered by the terms index or by walking start times depends on how common X is, which a generic plan cannot know.
 * So custom plans are the exception, scoped to the transactions that need them, not a connection-wide setting.
 */
public final class CustomPlans {

    private CustomPlans() {
    }

    /** Custom plans until the current transaction ends; call it first thing in a search's transaction. */
    public static void forThisTransaction(EntityManager entityManager) {
        entityManager.createNativeQuery("SET LOCAL plan_cache_mode = force_custom_plan").executeUpdate();
    }
}
