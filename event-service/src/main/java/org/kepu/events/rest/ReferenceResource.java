package org.kepu.events.rest;

import jakarta.annotation.security.PermitAll;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.kepu.common.divisions.Division;
import org.kepu.common.divisions.Divisions;
import org.kepu.common.divisions.GuangdongDivision;
import org.kepu.common.paging.Items;
import org.kepu.common.vocabulary.VocabularyEntry;
import org.kepu.common.vocabulary.Audience;
import org.kepu.events.domain.EventFormat;
import org.kepu.events.domain.EventType;
import org.kepu.common.vocabulary.Theme;

/** The vocabularies front ends build their pickers from, with Chinese and English labels. */
@Path("/api/v1")
@Produces(MediaType.APPLICATION_JSON)
@PermitAll
@Tag(name = "Reference data")
public class ReferenceResource {

    private final Divisions divisions;

    public ReferenceResource(Divisions divisions) {
        this.divisions = divisions;
    }

    /** A division as the reference list shows it. */
    @Schema(name = "DivisionEntry")
    public record DivisionEntry(String code, String nameZh, String level, String parentCode, String economicRegion,
            String economicRegionZh) {
    }

    @GET
    @Path("/event-types")
    @Operation(operationId = "listEventTypes", summary = "Event types (科技活动周, 全国科普日, 讲座…)")
    public Items<VocabularyEntry> eventTypes() {
        return Items.of(VocabularyEntry.listOf(EventType.class));
    }

    @GET
    @Path("/audiences")
    @Operation(operationId = "listAudiences", summary = "Target audiences (青少年, 农民, 老年人…)")
    public Items<VocabularyEntry> audiences() {
        return Items.of(VocabularyEntry.listOf(Audience.class));
    }

    @GET
    @Path("/themes")
    @Operation(operationId = "listThemes", summary = "Themes (健康, 应急避险, 人工智能…)")
    public Items<VocabularyEntry> themes() {
        return Items.of(VocabularyEntry.listOf(Theme.class));
    }

    @GET
    @Path("/event-formats")
    @Operation(operationId = "listEventFormats", summary = "Formats: offline, online, hybrid")
    public Items<VocabularyEntry> formats() {
        return Items.of(VocabularyEntry.listOf(EventFormat.class));
    }

    @GET
    @Path("/divisions")
    @Operation(operationId = "listDivisions", summary = "Guangdong's divisions (GB/T 2260), optionally only those directly under one")
    public Items<DivisionEntry> divisions(
            @QueryParam("parentCode") @GuangdongDivision @Parameter(description = "Only the divisions directly under this one", example = "440100") String parentCode) {
        return Items.of(divisions.all().stream()
                .filter(d -> parentCode == null || parentCode.equals(d.parentCode()))
                .map(ReferenceResource::entry).toList());
    }

    private static DivisionEntry entry(Division d) {
        return new DivisionEntry(d.code(), d.name(), d.level().name(), d.parentCode(),
                d.economicRegion() == null ? null : d.economicRegion().name(),
                d.economicRegion() == null ? null : d.economicRegion().nameZh());
    }
}
