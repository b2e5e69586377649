package org.kepu.common.testing;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;

/**
 * The layer rules every service keeps, written once: each module's {@code ArchitectureTest} checks them against its
 * own classes, so a change that breaks one fails the build instead of eroding the shape quietly.
 *
 * <ul>
 * <li>{@code domain} knows neither HTTP, SQL nor Kafka, nor the layers around it: a rule refuses with
 * {@code org.kepu.common.rules.DomainException}, mapped to a problem in one place.</li>
 * <li>{@code rest} reaches the database and the broker only through {@code service}.</li>
 * <li>{@code service} knows no web types: use cases refuse with {@code DomainException} and take an
 * {@code ExpectedVersion}; rest turns both into HTTP.</li>
 * <li>No cycles between a module's packages.</li>
 * </ul>
 */
public final class LayerRules {

    /** What a domain class must never touch: the web, SQL, the broker, or a service's outer layers. */
    private static final String[] OUTSIDE_THE_DOMAIN = {"jakarta.ws.rs..", "io.vertx..", "org.jboss.resteasy..",
            "org.kepu.common.problem..", "org.kepu.common.rest..", "java.sql..", "javax.sql..",
            "jakarta.persistence.EntityManager", "jakarta.persistence.Query", "org.hibernate.Session",
            "io.quarkus.hibernate.orm.panache..", "org.apache.kafka..", "io.smallrye.reactive.messaging..",
            "org.eclipse.microprofile.reactive.messaging..", "org.kepu.common.outbox..", "org.kepu.common.inbox.."};

    private final String base;
    private final JavaClasses classes;

    private LayerRules(String base) {
        this.base = base;
        this.classes = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages(base);
    }

    /** The rules for the production classes under {@code basePackage}, e.g. {@code org.kepu.events}. */
    public static LayerRules of(String basePackage) {
        return new LayerRules(basePackage);
    }

    /** {@code domain} depends on no web, SQL or Kafka type and on none of the module's other layers but itself. */
    public void domainKnowsNoTransportOrStorage() {
        noClasses().that().resideInAPackage(base + ".domain..").should().dependOnClassesThat()
                .resideInAnyPackage(OUTSIDE_THE_DOMAIN)
                .because("a domain rule refuses with DomainException, mapped once in rest")
                .check(classes);
        noClasses().that().resideInAPackage(base + ".domain..").should().dependOnClassesThat()
                .resideInAnyPackage(base + ".rest..", base + ".service..", base + ".repository..", base + ".messaging..")
                .because("the domain is the centre: everything depends on it, it on nothing around it")
                .check(classes);
    }

    /** {@code rest} calls use cases, never a repository or the broker directly. */
    public void restCallsServiceOnly() {
        ArchRule rule = noClasses().that().resideInAPackage(base + ".rest..").should().dependOnClassesThat()
                .resideInAnyPackage(base + ".repository..", base + ".messaging..", "org.kepu.common.outbox..",
                        "org.kepu.common.inbox..", "jakarta.persistence.EntityManager", "org.hibernate.Session")
                .because("resources parse, call a service and map; services own transactions and queries");
        rule.check(classes);
    }

    /** {@code service} is called by rest, consumers and jobs alike, and answers none of them in HTTP. */
    public void serviceKnowsNoWebTypes() {
        noClasses().that().resideInAPackage(base + ".service..").should().dependOnClassesThat()
                .resideInAnyPackage(base + ".rest..", "jakarta.ws.rs..", "org.kepu.common.rest..",
                        "org.kepu.common.problem..")
                .because("use cases refuse with DomainException and take an ExpectedVersion; rest turns both into HTTP")
                .check(classes);
    }

    /** No two packages of the module depend on each other, directly or through others. */
    public void packagesAreFreeOfCycles() {
        slices().matching(base + ".(*)..").should().beFreeOfCycles().check(classes);
    }
}
