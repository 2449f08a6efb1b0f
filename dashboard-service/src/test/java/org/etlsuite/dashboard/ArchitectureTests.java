package org.etlsuite.dashboard;

import java.util.List;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.library.dependencies.Slice;

import org.springframework.stereotype.Controller;

import static com.tngtech.archunit.core.domain.properties.CanBeAnnotated.Predicates.metaAnnotatedWith;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

/**
 * The package rules of the dashboard, checked on its compiled classes (not the tests): a package per page, on
 * top of shared packages that know no page.
 */
@AnalyzeClasses(packages = "org.etlsuite.dashboard", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTests {

    private static final String DASHBOARD = "org.etlsuite.dashboard";

    /** The pages of the dashboard, each a package of its own. */
    private static final List<String> PAGES = List.of("urban", "transport", "product", "quality", "runs", "home");

    private static final DescribedPredicate<Slice> ARE_PAGES = DescribedPredicate.describe("are pages " + PAGES,
            slice -> PAGES.contains(slice.getNamePart(1)));

    @ArchTest
    static final ArchRule packagesAreFreeOfCycles = slices()
            .matching(DASHBOARD + ".(*)..").namingSlices("$1")
            .should().beFreeOfCycles()
            .because("each page builds on the shared packages (chart, csv, page, kpi) and those on nothing above them");

    @ArchTest
    static final ArchRule pagesDoNotDependOnEachOther = slices()
            .matching(DASHBOARD + ".(*)..").namingSlices("$1")
            .that(ARE_PAGES)
            .should().notDependOnEachOther()
            .because("a page is read, tested and changed on its own; what two pages share lives in a shared package");

    @ArchTest
    static final ArchRule sharedPackagesKnowNoPage = noClasses()
            .that().resideInAnyPackage(DASHBOARD + ".chart..", DASHBOARD + ".csv..", DASHBOARD + ".page..")
            .should().dependOnClassesThat().resideInAnyPackage(PAGES.stream().map(page -> DASHBOARD + "." + page + "..")
                    .toArray(String[]::new))
            .because("the charts, the CSV reading and the page versions serve every page alike");

    @ArchTest
    static final ArchRule controllersArePackagePrivate = classes()
            .that(metaAnnotatedWith(Controller.class).as("are controllers"))
            .should().bePackagePrivate()
            .because("as in spring-petclinic: Spring reaches them by reflection, and no other class has any business "
                    + "calling them");
}
