package org.kepu.events.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.Set;
import java.util.function.Consumer;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.kepu.common.rules.DomainException;

/** Every lifecycle move from every status: exactly the legal ones succeed, the others are a conflict that changes nothing. */
class EventLifecycleMovesTest {

    private static final OffsetDateTime STARTS = OffsetDateTime.of(2026, 5, 18, 9, 0, 0, 0, ZoneOffset.ofHours(8));

    /** A move, the statuses it is legal from, and the status it leaves (null: the status stays). */
    enum Move {
        PUBLISH(event -> event.publish(), EnumSet.of(EventStatus.DRAFT), EventStatus.PUBLISHED), CANCEL(
                event -> event.cancel("因台风影响，活动取消"), EnumSet.of(EventStatus.PUBLISHED),
                EventStatus.CANCELLED), COMPLETE(event -> event.complete(STARTS.plusHours(3)),
                        EnumSet.of(EventStatus.PUBLISHED), EventStatus.COMPLETED), REPORT_ATTENDANCE(
                                event -> event.reportAttendance(120, 3_000), EnumSet.of(EventStatus.COMPLETED),
                                null), DELETE(Event::requireDeletable, EnumSet.of(EventStatus.DRAFT), null), EDIT(
                                        Event::requireEditable, EnumSet.of(EventStatus.DRAFT, EventStatus.PUBLISHED), null);

        final Consumer<Event> apply;
        final Set<EventStatus> legalFrom;
        final EventStatus leaves;

        Move(Consumer<Event> apply, Set<EventStatus> legalFrom, EventStatus leaves) {
            this.apply = apply;
            this.legalFrom = legalFrom;
            this.leaves = leaves;
        }
    }

    static Stream<Arguments> everyStatusAndEveryMove() {
        return Arrays.stream(EventStatus.values())
                .flatMap(status -> Arrays.stream(Move.values()).map(move -> Arguments.of(status, move)));
    }

    @ParameterizedTest(name = "{1} from {0}")
    @MethodSource("everyStatusAndEveryMove")
    void exactlyTheLegalMovesSucceedAndTheOthersAreAConflictThatChangesNothing(EventStatus status, Move move) {
        Event event = Event.draft("gdast");
        event.startsAt = STARTS;
        event.status = status;
        if (move.legalFrom.contains(status)) {
            move.apply.accept(event);
            assertEquals(move.leaves == null ? status : move.leaves, event.status);
        } else {
            DomainException refused = assertThrows(DomainException.class, () -> move.apply.accept(event));
            assertEquals(DomainException.Kind.CONFLICT, refused.kind());
            assertEquals("illegal-lifecycle-move", refused.slug());
            assertEquals(status, event.status);
        }
    }

    @Test
    void aPublishedEventCannotBeCompletedBeforeItStarts() {
        Event event = Event.draft("gdast");
        event.startsAt = STARTS;
        event.status = EventStatus.PUBLISHED;
        DomainException refused = assertThrows(DomainException.class, () -> event.complete(STARTS.minusSeconds(1)));
        assertEquals(DomainException.Kind.CONFLICT, refused.kind());
        assertEquals(EventStatus.PUBLISHED, event.status);
    }
}
