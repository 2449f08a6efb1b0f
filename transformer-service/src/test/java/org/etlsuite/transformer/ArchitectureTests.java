package org.etlsuite.transformer;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

import static com.tngtech.archunit.core.domain.JavaClass.Predicates.assignableTo;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.core.domain.properties.CanBeAnnotated.Predicates.metaAnnotatedWith;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

/**
 * The package rules of the transformer, checked on its compiled classes (not the tests). The pipeline runs are
 * split by responsibility: {@code run} is the service layer (the pipelines, starting, executing and recovering
 * runs, the wiring), {@code run.api} the web layer, {@code run.step} the four tasks, {@code run.store} the run
 * history, {@code run.schedule} the cron schedules and {@code run.kafka} the offsets and reads of Kafka.
 */
@AnalyzeClasses(packages = "org.etlsuite.transformer", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTests {

    private static final String RUN = "org.etlsuite.transformer.run";

    /**
     * Meta-annotated also matches the direct annotation ({@code @RestController} is a {@code @Controller}). Narrowed to
     * {@link JavaClass} with {@code forSubtype()} so that a {@code JavaClass} predicate can be or-ed to it: called with
     * one, {@code or} on a {@code CanBeAnnotated} predicate compiles to the static varargs {@code DescribedPredicate.or}
     * instead, which drops the predicate it is called on (ArchUnit issue 1260) - the rule below then checked only the
     * MVC configuration, never a controller.
     */
    private static final DescribedPredicate<JavaClass> CONTROLLERS = metaAnnotatedWith(Controller.class)
            .or(metaAnnotatedWith(ControllerAdvice.class))
            .as("are controllers or controller advice").forSubtype();

    /** Controllers and controller advice are web classes wherever they sit. */
    private static final DescribedPredicate<JavaClass> WEB = resideInAPackage("..run.api..").or(CONTROLLERS)
            .as("belong to the web layer (run.api, controllers, controller advice)");

    @ArchTest
    static final ArchRule serviceLayerDoesNotUseTheWebLayer = noClasses()
            .that().resideInAnyPackage(RUN, RUN + ".step..", RUN + ".store..", RUN + ".schedule..", RUN + ".kafka..")
            .should().dependOnClassesThat(WEB)
            .because("the service layer does not import the web layer: the scheduler and the recovery start and end "
                    + "runs without a request, and HTTP's concerns (views, status codes, content negotiation) stay in run.api");

    @ArchTest
    static final ArchRule streamsDoNotDependOnPipelines = noClasses()
            .that().resideOutsideOfPackage(RUN + "..")
            .should().dependOnClassesThat().resideInAPackage(RUN + "..")
            .because("the streams run on their own: the topology, the tables and the exports know no pipeline or run, "
                    + "and a pipeline reads what it needs of a stream from the stream's definition");

    @ArchTest
    static final ArchRule featurePackagesAreFreeOfCycles = slices()
            .matching("org.etlsuite.transformer.(*)..").namingSlices("$1")
            .should().beFreeOfCycles()
            .because("each feature package builds on the ones below it (csv, export, stream, kafkastreams, table), "
                    + "so that one can be read, tested and changed without the rest");

    @ArchTest
    static final ArchRule partsOfARunAreFreeOfCycles = slices()
            .matching(RUN + ".(*)..").namingSlices("run.$1")
            .should().beFreeOfCycles()
            .because("the parts of a run depend one way (api on schedule and store; step on store and kafka): "
                    + "the run history and the Kafka reads know nothing of the tasks or the API that use them");

    @ArchTest
    static final ArchRule onlyTheStoreAndTheScheduleUseJpa = noClasses()
            .that().resideInAPackage(RUN + "..")
            .and().resideOutsideOfPackages(RUN + ".store..", RUN + ".schedule..")
            .should().dependOnClassesThat().resideInAnyPackage("jakarta.persistence..", "org.springframework.data.jpa..",
                    "org.hibernate..")
            .because("every change of the run history goes through RunStore, each in its own short transaction under "
                    + "the owner check that fences a taken-over instance; an EntityManager or a repository used "
                    + "elsewhere would write around it");

    @ArchTest
    static final ArchRule runHistoryIsUsedByServiceStepsAndApi = classes()
            .that().resideInAPackage(RUN + ".store..")
            .should().onlyHaveDependentClassesThat().resideInAnyPackage(RUN, RUN + ".store..", RUN + ".step..", RUN + ".api..")
            .because("the run history is written by the service and the tasks and read by the API; the scheduler "
                    + "and the Kafka helpers work without it");

    @ArchTest
    static final ArchRule kafkaHelpersKnowOnlyKafka = classes()
            .that().resideInAPackage(RUN + ".kafka..")
            .should().onlyDependOnClassesThat().resideInAnyPackage("java..", "org.apache.kafka..", RUN + ".kafka..")
            .because("the offsets and reads of Kafka know no run, so that the service and the tasks share them "
                    + "without depending on each other through them");

    @ArchTest
    static final ArchRule tasksAreReachedThroughRunSteps = classes()
            .that().resideInAPackage(RUN + ".step..")
            .should().onlyHaveDependentClassesThat().resideInAnyPackage(RUN, RUN + ".step..")
            .because("the tasks are put together once, in order, by RunSteps for the executor; the API and the "
                    + "scheduler start runs through RunService, never a task directly");

    @ArchTest
    static final ArchRule webClassesLiveInApiPackages = classes()
            .that(CONTROLLERS.or(assignableTo(WebMvcConfigurer.class)).as("are controllers, controller advice or MVC configuration"))
            .should().resideInAPackage("..api..")
            .because("the web layer of a feature is its api package, which the layer rule above keeps out of the service");

    @ArchTest
    static final ArchRule controllersArePackagePrivate = classes()
            .that(CONTROLLERS)
            .should().bePackagePrivate()
            .because("as in spring-petclinic: Spring reaches them by reflection, and no other class has any business "
                    + "calling them");
}
