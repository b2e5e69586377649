package org.kepu.venues.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;
import org.kepu.common.rules.DomainException.FieldError;
import org.kepu.common.rules.DomainException;
import org.kepu.venues.domain.BaseCertification.Request;

class BaseCertificationTest {

    private final BaseCertification certification = new BaseCertification();
    private final List<CertificationMove> history = new ArrayList<>();

    private CertificationMove move(Request request) {
        CertificationMove move = certification.move(UUID.randomUUID(), history, request, "admin-1");
        history.add(move);
        return move;
    }

    static Request simple(CertificationMoveType type, String notes) {
        return new Request(type, null, null, null, null, null, null, notes);
    }

    static Request certify(CertificationMoveType type, CertificationLevel level, String from, String until) {
        return new Request(type, level, LocalDate.parse(from), LocalDate.parse(until), null, null, null, null);
    }

    static Request evaluate(int year, int score, EvaluationResult result) {
        return new Request(CertificationMoveType.EVALUATE, null, null, null, year, score, result, null);
    }

    static DomainException refused(Executable move) {
        return assertThrows(DomainException.class, move);
    }

    static List<String> fields(DomainException problem) {
        return problem.fields().stream().map(FieldError::field).toList();
    }

    @Test
    void aBaseGoesThroughItsWholeLifeInOrder() {
        LocalDate today = LocalDate.parse("2026-06-01");
        move(simple(CertificationMoveType.APPLY, "申报省级科普教育基地"));
        move(certify(CertificationMoveType.CERTIFY, CertificationLevel.PROVINCIAL, "2024-01-01", "2028-12-31"));
        assertEquals(CertificationStatus.CERTIFIED, certification.statusOn(today));
        move(evaluate(2024, 92, EvaluationResult.EXCELLENT));
        move(evaluate(2025, 78, EvaluationResult.PASS));
        assertEquals(2025, certification.lastEvaluatedYear());
        move(simple(CertificationMoveType.SUSPEND, "安全检查未通过"));
        assertFalse(certification.isCertifiedOn(today));
        move(simple(CertificationMoveType.REINSTATE, null));
        CertificationMove up = move(certify(CertificationMoveType.RECERTIFY, CertificationLevel.NATIONAL, "2026-01-01",
                "2030-12-31"));
        assertEquals(CertificationLevel.NATIONAL, up.level);
        move(simple(CertificationMoveType.REVOKE, "停止运营"));

        assertEquals(List.of(1, 2, 3, 4, 5, 6, 7, 8), history.stream().map(m -> m.seq).toList());
        assertTrue(history.stream().allMatch(m -> m.movedBy.equals("admin-1")));
        assertEquals(CertificationStatus.REVOKED, certification.statusOn(today));
        move(simple(CertificationMoveType.APPLY, null)); // a revoked base may apply again
        assertEquals(CertificationStatus.APPLIED, certification.statusOn(today));
    }

    @Test
    void aCertificateIsNotYetValidBeforeItsFirstDayAndLapsedFromTheDayAfterItsLast() {
        move(simple(CertificationMoveType.APPLY, null));
        move(certify(CertificationMoveType.CERTIFY, CertificationLevel.PROVINCIAL, "2030-01-01", "2034-12-31"));

        assertEquals(CertificationStatus.NOT_YET_VALID, certification.statusOn(LocalDate.parse("2024-12-31")));
        assertEquals(CertificationStatus.NOT_YET_VALID, certification.statusOn(LocalDate.parse("2029-12-31")));
        assertFalse(certification.isCertifiedOn(LocalDate.parse("2029-12-31")));
        assertEquals(CertificationStatus.CERTIFIED, certification.statusOn(LocalDate.parse("2030-01-01")));
        assertEquals(CertificationStatus.CERTIFIED, certification.statusOn(LocalDate.parse("2034-12-31")));
        assertEquals(CertificationStatus.LAPSED, certification.statusOn(LocalDate.parse("2035-01-01")));
        assertFalse(certification.isCertifiedOn(LocalDate.parse("2035-01-01")));
        move(simple(CertificationMoveType.SUSPEND, "整改"));
        assertEquals(CertificationStatus.SUSPENDED, certification.statusOn(LocalDate.parse("2029-12-31")));
    }

    @Test
    void aMoveOutOfOrderIsAConflictNamingTheCurrentStatus() {
        DomainException early = refused(() -> move(certify(CertificationMoveType.CERTIFY,
                CertificationLevel.PROVINCIAL, "2024-01-01", "2028-12-31")));
        assertEquals(DomainException.Kind.CONFLICT, early.kind());
        assertTrue(early.getMessage().contains("not applied for"), early.getMessage());
        move(simple(CertificationMoveType.APPLY, null));
        DomainException suspend = refused(() -> move(simple(CertificationMoveType.SUSPEND, "x")));
        assertTrue(suspend.getMessage().contains("is APPLIED"), suspend.getMessage());
        refused(() -> move(simple(CertificationMoveType.APPLY, null)));
        assertEquals(1, history.size());
    }

    @Test
    void aYearIsEvaluatedOnceAndWithinTheValidity() {
        move(simple(CertificationMoveType.APPLY, null));
        move(certify(CertificationMoveType.CERTIFY, CertificationLevel.DISTRICT, "2024-01-01", "2026-12-31"));
        move(evaluate(2025, 60, EvaluationResult.NEEDS_IMPROVEMENT));
        move(evaluate(2024, 70, EvaluationResult.PASS)); // a late evaluation of an earlier year

        assertEquals(DomainException.Kind.CONFLICT, refused(() -> move(evaluate(2025, 90, EvaluationResult.EXCELLENT))).kind());
        assertEquals(List.of("year"), fields(refused(() -> move(evaluate(2027, 90, EvaluationResult.EXCELLENT)))));
        assertEquals(2025, certification.lastEvaluatedYear());
    }

    @Test
    void eachMoveNamesWhatItLacks() {
        move(simple(CertificationMoveType.APPLY, null));
        assertEquals(List.of("level", "validUntil"), fields(refused(() -> move(new Request(CertificationMoveType.CERTIFY,
                null, LocalDate.parse("2024-01-01"), LocalDate.parse("2023-01-01"), null, null, null, null)))));
        move(certify(CertificationMoveType.CERTIFY, CertificationLevel.PROVINCIAL, "2024-01-01", "2028-12-31"));
        assertEquals(List.of("score", "result"), fields(refused(() -> move(new Request(CertificationMoveType.EVALUATE,
                null, null, null, 2025, 101, null, null)))));
        assertEquals(List.of("notes"), fields(refused(() -> move(simple(CertificationMoveType.REVOKE, " ")))));
    }
}
