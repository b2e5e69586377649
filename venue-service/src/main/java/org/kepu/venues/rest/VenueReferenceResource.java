package org.kepu.venues.rest;

import java.util.Arrays;

import jakarta.annotation.security.PermitAll;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.kepu.common.paging.Items;
import org.kepu.common.vocabulary.VocabularyEntry;
import org.kepu.venues.domain.Accessibility;
import org.kepu.venues.domain.CertificationLevel;
import org.kepu.venues.domain.Facility;
import org.kepu.venues.domain.VenueCategory;
import org.kepu.venues.domain.VenueKind;

/** The venue vocabularies with their Chinese and English labels, for front ends' pickers and filters. */
@Path("/api/v1")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Venue vocabularies", description = "Kinds, facilities, accessibility and certification levels with Chinese and English labels")
public class VenueReferenceResource {

    /** A venue kind with the category it belongs to. */
    @Schema(name = "VenueKindEntry")
    public record KindEntry(String code, String nameZh, String nameEn, VenueCategory category) {
    }

    @GET
    @Path("/venue-kinds")
    @PermitAll
    @Operation(operationId = "listVenueKinds", summary = "Venue kinds (综合性科技馆, 科普教育基地, 科普中国e站…) with their category")
    public Items<KindEntry> kinds() {
        return Items.of(Arrays.stream(VenueKind.values())
                .map(kind -> new KindEntry(kind.name(), kind.labelZh(), kind.labelEn(), kind.category())).toList());
    }

    @GET
    @Path("/venue-categories")
    @PermitAll
    @Operation(operationId = "listVenueCategories", summary = "Families of venue kinds")
    public Items<VocabularyEntry> categories() {
        return Items.of(VocabularyEntry.listOf(VenueCategory.class));
    }

    @GET
    @Path("/venue-facilities")
    @PermitAll
    @Operation(operationId = "listVenueFacilities", summary = "Facilities (展厅, 球幕影院…)")
    public Items<VocabularyEntry> facilities() {
        return Items.of(VocabularyEntry.listOf(Facility.class));
    }

    @GET
    @Path("/venue-accessibility")
    @PermitAll
    @Operation(operationId = "listVenueAccessibility", summary = "Accessibility features (无障碍通道, 讲解服务…)")
    public Items<VocabularyEntry> accessibility() {
        return Items.of(VocabularyEntry.listOf(Accessibility.class));
    }

    @GET
    @Path("/certification-levels")
    @PermitAll
    @Operation(operationId = "listCertificationLevels", summary = "Levels of education-base certification")
    public Items<VocabularyEntry> levels() {
        return Items.of(VocabularyEntry.listOf(CertificationLevel.class));
    }

}
