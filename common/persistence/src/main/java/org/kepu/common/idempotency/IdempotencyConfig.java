package org.kepu.common.idempotency;

import java.time.Duration;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** {@code kepu.idempotency.*}, e.g. {@code KEPU_IDEMPOTENCY_RETENTION=72h}. */
@ConfigMapping(prefix = "kepu.idempotency")
public interface IdempotencyConfig {

    /** How long a key and its first response are kept; clients may retry with it for at least this long. */
    @WithDefault("48h")
    Duration retention();
}
