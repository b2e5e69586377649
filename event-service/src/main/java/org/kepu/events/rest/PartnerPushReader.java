package org.kepu.events.rest;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;

import org.jboss.logging.Logger;
import org.kepu.common.problem.ConstraintViolationMapper;
import org.kepu.common.problem.JsonInputMapper;
import org.kepu.common.problem.Problem;
import org.kepu.common.problem.Problem.InvalidField;
import org.kepu.common.problem.ProblemException;
import org.kepu.common.security.Caller;
import org.kepu.events.config.EventsConfig;
import org.kepu.events.rest.PushOutcome.Item;
import org.kepu.events.service.PartnerPushes;
import org.kepu.events.service.PushItem;
import org.kepu.events.service.PushResult;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;

/**
 * A partner's batch of events: each item is read and checked on its own, so a malformed item is refused alone and the
 * refusal names its fields as {@code items[i].…}; the valid ones are stored together ({@link PartnerPushes#pushAll}, one
 * transaction), or one external id at a time if that fails for a reason no rule foresaw. An item already in effect
 * (the content last pushed for its external id, or a withdrawal of what is withdrawn) changes nothing: a batch sent
 * again is answered UNCHANGED item by item, with the same event ids.
 */
@ApplicationScoped
public class PartnerPushReader {

    private static final Logger LOG = Logger.getLogger(PartnerPushReader.class);

    private final PartnerPushes events;
    private final ObjectMapper json;
    private final Validator validator;
    private final EventsConfig config;
    private final ObjectMapper canonical;

    public PartnerPushReader(PartnerPushes events, ObjectMapper json, Validator validator, EventsConfig config) {
        this.events = events;
        this.json = json;
        this.validator = validator;
        this.config = config;
        this.canonical = json.copy().configure(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS, true);
    }

    /** 403 unless the caller is a partner; 413 {@code batch-too-large} over the item limit. */
    public PushOutcome push(List<JsonNode> items, Caller caller) {
        String partner = PartnerPushes.partnerOf(caller);
        int limit = config.partnerPush().maxItems();
        if (items.size() > limit) {
            throw new ProblemException(Problem.of(413, "batch-too-large", "Too many items",
                    "A push carries at most " + limit + " items; this one has " + items.size()
                            + ". Send it in several.",
                    null));
        }
        Item[] outcomes = new Item[items.size()];
        List<PartnerPushes.Pending> checked = new ArrayList<>();
        for (int i = 0; i < items.size(); i++) {
            Object read = read(i, items.get(i));
            if (read instanceof Item rejected) {
                outcomes[i] = rejected;
            } else {
                checked.add((PartnerPushes.Pending) read);
            }
        }
        for (Item stored : store(partner, checked)) {
            outcomes[stored.index()] = stored;
        }
        return PushOutcome.of(List.of(outcomes));
    }

    /**
     * The checked items in one transaction; if that fails for a reason no rule foresaw (a constraint, a lost
     * connection), in one transaction per external id, so that the other sources are still stored. An external id's
     * items stay together: whether its earlier items are already in effect depends on its last one.
     */
    private List<Item> store(String partner, List<PartnerPushes.Pending> checked) {
        if (checked.isEmpty()) {
            return List.of();
        }
        try {
            return stored(events.pushAll(partner, checked));
        } catch (RuntimeException e) {
            LOG.warnf("A push of %d items failed as one (%s); storing them by external id", checked.size(),
                    e.getMessage());
            Map<String, List<PartnerPushes.Pending>> bySource = new LinkedHashMap<>();
            checked.forEach(pending -> bySource.computeIfAbsent(pending.item().externalId(), id -> new ArrayList<>())
                    .add(pending));
            List<Item> stored = new ArrayList<>(checked.size());
            bySource.values().forEach(items -> stored.addAll(stored(events.pushAll(partner, items))));
            return stored;
        }
    }

    private static List<Item> stored(List<PushResult> results) {
        return results.stream().map(Item::of).map(PartnerPushReader::named).toList();
    }

    /** The item read and checked ({@link PartnerPushes.Pending}), or its rejection ({@link Item}). */
    private Object read(int index, JsonNode node) {
        String field = "items[" + index + "]";
        String externalId = node != null && node.path("externalId").isTextual() ? node.get("externalId").asText() : null;
        PushItem item;
        try {
            item = json.treeToValue(node, PushItem.class);
        } catch (JsonProcessingException | IllegalArgumentException e) {
            Problem problem = e instanceof JsonProcessingException jpe
                    ? JsonInputMapper.toProblem(jpe)
                    : ProblemException.invalid("", "must be an event item").problem();
            return rejected(index, externalId, prefixed(problem, field));
        }
        if (item == null) {
            return rejected(index, null, ProblemException.invalid(field, "must be an event item").problem());
        }
        Set<ConstraintViolation<PushItem>> violations = validator.validate(item);
        List<InvalidField> missing = new ArrayList<>();
        if (item.state() == PushItem.State.CANCELLED && (item.cancelReason() == null || item.cancelReason().isBlank())) {
            missing.add(new InvalidField(field + ".cancelReason", "is required to withdraw an event"));
        }
        if (item.state() != PushItem.State.CANCELLED && item.event() == null) {
            missing.add(new InvalidField(field + ".event", "is required unless withdrawing"));
        }
        if (!violations.isEmpty() || !missing.isEmpty()) {
            List<InvalidField> errors = new ArrayList<>(missing);
            if (!violations.isEmpty()) {
                errors.addAll(prefixed(ConstraintViolationMapper.toProblem(violations), field).errors());
            }
            return rejected(index, item.externalId(), ProblemException.invalid(errors).problem());
        }
        return new PartnerPushes.Pending(index, item, digest(node));
    }

    /** A rule's refusal names the event's fields ({@code capacity}); from the request's root they are the item's. */
    private static Item named(Item item) {
        if (item.problem() == null) {
            return item;
        }
        return new Item(item.index(), item.externalId(), item.result(), item.id(), item.version(),
                prefixed(item.problem(), "items[" + item.index() + "].event"));
    }

    private static Item rejected(int index, String externalId, Problem problem) {
        return new Item(index, externalId, PushResult.Result.REJECTED, null, null, problem);
    }

    /** The problem with each field named from the request's root ({@code items[3].event.titleZh}). */
    private static Problem prefixed(Problem problem, String field) {
        List<InvalidField> errors = problem.errors().stream()
                .map(e -> new InvalidField(e.field() == null || e.field().isEmpty() ? field : field + "." + e.field(),
                        e.message()))
                .toList();
        return new Problem(problem.type(), problem.title(), problem.status(), problem.detail(), errors);
    }

    /** SHA-256 of the item as sent, keys sorted, so the same content has the same digest whatever the key order. */
    private String digest(JsonNode node) {
        try {
            byte[] bytes = canonical.writeValueAsBytes(json.treeToValue(node, Object.class));
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (JsonProcessingException | NoSuchAlgorithmException e) {
            throw new IllegalStateException("Cannot digest a push item", e);
        }
    }
}
