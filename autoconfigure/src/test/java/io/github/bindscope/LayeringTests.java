/*
 * Copyright 2026 the Bindscope authors.
 *
 * Licensed under the Apache License, Version 2.0 (the "License");
 * you may not use this file except in compliance with the License.
 * You may obtain a copy of the License at
 *
 *      https://www.apache.org/licenses/LICENSE-2.0
 *
 * Unless required by applicable law or agreed to in writing, software
 * distributed under the License is distributed on an "AS IS" BASIS,
 * WITHOUT WARRANTIES OR CONDITIONS OF ANY KIND, either express or implied.
 * See the License for the specific language governing permissions and
 * limitations under the License.
 */

package io.github.bindscope;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.syntax.ArchRuleDefinition;
import com.tngtech.archunit.library.Architectures;
import com.tngtech.archunit.library.dependencies.SlicesRuleDefinition;
import org.junit.jupiter.api.Test;

/**
 * The layering of Bindscope's main code: facts and rules ({@code bindscope-core}) know
 * nothing of Spring, and dependencies point one way, from auto-configuration down to the
 * core, without cycles between packages: <pre>
 * autoconfigure ──▶ actuate (endpoint, info)   ──▶ core (inspect, report)
 *               ──▶ health (health contributor) ──▶ core
 *               ──▶ metrics (the meters)        ──▶ core
 *               ──▶ diagnostics (failure analysis) ──▶ strict, env
 *               ──▶ reporting (build, reuse, log)  ──▶ strict, web, env
 *               ──▶ strict ──▶ web
 * </pre> The endpoint and the meters read the report through the core's
 * {@code BindingsReportSource} alone.
 */
class LayeringTests {

	private static final String[] CORE = { "io.github.bindscope.inspect..", "io.github.bindscope.report.." };

	private static final JavaClasses MAIN = new ClassFileImporter()
		.withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
		.importPackages("io.github.bindscope");

	@Test
	void mainCodeOfEveryPackageIsImported() {
		// Guards the rules below against passing on nothing.
		for (String name : new String[] { "io.github.bindscope.inspect.ProcSocketTable",
				"io.github.bindscope.report.BindingsInspector", "io.github.bindscope.actuate.BindingsEndpoint",
				"io.github.bindscope.actuate.BindingsInfoContributor", "io.github.bindscope.health.BindingsHealth",
				"io.github.bindscope.health.BindingsHealthIndicator",
				"io.github.bindscope.autoconfigure.BindscopeAutoConfiguration",
				"io.github.bindscope.diagnostics.ServerAddressFailureAnalyzer",
				"io.github.bindscope.env.EnvironmentRunContext", "io.github.bindscope.reporting.BindingsReporter",
				"io.github.bindscope.strict.StrictMode", "io.github.bindscope.web.RunningWebServers" }) {
			MAIN.get(name);
		}
	}

	@Test
	void coreDependsOnTheJdkAndJSpecifyOnly() {
		ArchRuleDefinition.classes()
			.that()
			.resideInAnyPackage(CORE)
			.should()
			.onlyDependOnClassesThat()
			.resideInAnyPackage("java..", "org.jspecify..", "io.github.bindscope.inspect..",
					"io.github.bindscope.report..")
			.check(MAIN);
	}

	@Test
	void packagesAreFreeOfCycles() {
		SlicesRuleDefinition.slices().matching("io.github.bindscope.(*)..").should().beFreeOfCycles().check(MAIN);
	}

	@Test
	void dependenciesPointFromAutoConfigurationDownToTheCore() {
		Architectures.layeredArchitecture()
			.consideringOnlyDependenciesInLayers()
			.layer("AutoConfiguration")
			.definedBy("io.github.bindscope.autoconfigure..")
			.layer("Endpoint")
			.definedBy("io.github.bindscope.actuate..")
			.layer("Health")
			.definedBy("io.github.bindscope.health..")
			.layer("Metrics")
			.definedBy("io.github.bindscope.metrics..")
			.layer("Diagnostics")
			.definedBy("io.github.bindscope.diagnostics..")
			.layer("Reporting")
			.definedBy("io.github.bindscope.reporting..")
			.layer("Strict")
			.definedBy("io.github.bindscope.strict..")
			.layer("Web")
			.definedBy("io.github.bindscope.web..")
			.layer("Env")
			.definedBy("io.github.bindscope.env..")
			.layer("Core")
			.definedBy(CORE)
			.whereLayer("AutoConfiguration")
			.mayNotBeAccessedByAnyLayer()
			.whereLayer("Endpoint")
			.mayOnlyBeAccessedByLayers("AutoConfiguration")
			.whereLayer("Health")
			.mayOnlyBeAccessedByLayers("AutoConfiguration")
			.whereLayer("Metrics")
			.mayOnlyBeAccessedByLayers("AutoConfiguration")
			.whereLayer("Diagnostics")
			.mayNotBeAccessedByAnyLayer()
			.whereLayer("Reporting")
			.mayOnlyBeAccessedByLayers("AutoConfiguration")
			.whereLayer("Strict")
			.mayOnlyBeAccessedByLayers("AutoConfiguration", "Reporting", "Diagnostics")
			.whereLayer("Web")
			.mayOnlyBeAccessedByLayers("AutoConfiguration", "Reporting", "Strict")
			.whereLayer("Env")
			.mayOnlyBeAccessedByLayers("AutoConfiguration", "Reporting", "Diagnostics")
			.check(MAIN);
	}

	@Test
	void healthDependsOnTheCoreOnly() {
		// What decides the status is shared by every Spring Boot line's indicator: it
		// reads the report through the core's BindingsReportSource, never the reporter.
		ArchRuleDefinition.noClasses()
			.that()
			.resideInAPackage("io.github.bindscope.health..")
			.should()
			.dependOnClassesThat()
			.resideInAnyPackage("io.github.bindscope.autoconfigure..", "io.github.bindscope.actuate..",
					"io.github.bindscope.reporting..", "io.github.bindscope.strict..", "io.github.bindscope.web..",
					"io.github.bindscope.env..", "io.github.bindscope.diagnostics..")
			.check(MAIN);
	}

	@Test
	void endpointNeverReachesIntoAutoConfiguration() {
		ArchRuleDefinition.noClasses()
			.that()
			.resideInAPackage("io.github.bindscope.actuate..")
			.should()
			.dependOnClassesThat()
			.resideInAPackage("io.github.bindscope.autoconfigure..")
			.check(MAIN);
	}

	@Test
	void metersKnowMicrometerAndTheCoreOnly() {
		// A MeterBinder of plain Micrometer: nothing of Spring, so it binds the same on
		// every Spring Boot line, and to a registry that is not Spring's.
		ArchRuleDefinition.classes()
			.that()
			.resideInAPackage("io.github.bindscope.metrics..")
			.should()
			.onlyDependOnClassesThat()
			.resideInAnyPackage("java..", "org.jspecify..", "org.apache.commons.logging..", "io.micrometer..",
					"io.github.bindscope.metrics..", "io.github.bindscope.report..", "io.github.bindscope.inspect..")
			.check(MAIN);
	}

	@Test
	void coreNeverReachesIntoTheSpringGlue() {
		ArchRuleDefinition.noClasses()
			.that()
			.resideInAnyPackage(CORE)
			.should()
			.dependOnClassesThat()
			.resideInAnyPackage("io.github.bindscope.actuate..", "io.github.bindscope.autoconfigure..",
					"io.github.bindscope.health..", "io.github.bindscope.metrics..")
			.check(MAIN);
	}

}
