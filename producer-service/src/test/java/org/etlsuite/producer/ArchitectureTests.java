package org.etlsuite.producer;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

import org.springframework.stereotype.Controller;

import static com.tngtech.archunit.core.domain.properties.CanBeAnnotated.Predicates.metaAnnotatedWith;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

/**
 * The package rules of the producer, checked on its compiled classes (not the tests): the streams and their
 * generators below, the ways of sending them (bursts, continuous generation) and the HTTP layer above.
 */
@AnalyzeClasses(packages = "org.etlsuite.producer", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTests {

    private static final String PRODUCER = "org.etlsuite.producer";

    @ArchTest
    static final ArchRule packagesAreFreeOfCycles = slices()
            .matching(PRODUCER + ".(*)..").namingSlices("$1")
            .should().beFreeOfCycles()
            .because("each package builds on the ones below it (stream, send), so that one can be read, tested and "
                    + "changed without the rest");

    @ArchTest
    static final ArchRule streamsKnowNeitherHttpNorKafka = noClasses()
            .that().resideInAnyPackage(PRODUCER + ".stream..", PRODUCER + ".urban..", PRODUCER + ".product..",
                    PRODUCER + ".transport..")
            .should().dependOnClassesThat().resideInAnyPackage(PRODUCER + ".web..", PRODUCER + ".burst..",
                    PRODUCER + ".continuous..", PRODUCER + ".send..", "org.springframework.web..",
                    "org.apache.kafka.clients.producer..")
            .because("a generator makes events from a seed and a clock: the same events whether a burst, a continuous "
                    + "run or a test asks for them, and whatever sends them");

    @ArchTest
    static final ArchRule controllersArePackagePrivate = classes()
            .that(metaAnnotatedWith(Controller.class).as("are controllers"))
            .should().bePackagePrivate()
            .because("as in spring-petclinic: Spring reaches them by reflection, and no other class has any business "
                    + "calling them");
}
