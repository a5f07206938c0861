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

package io.github.bindscope.autoconfigure;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.web.server.WebServer;
import org.springframework.context.ApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.core.env.Environment;

import io.github.bindscope.exposure.ActuatorExposureReader;
import io.github.bindscope.inspect.AddressProber;
import io.github.bindscope.inspect.HostAddresses;
import io.github.bindscope.inspect.HostEnvironment;
import io.github.bindscope.inspect.InstanceMetadata;
import io.github.bindscope.inspect.Localhost;
import io.github.bindscope.inspect.ProcSocketTable;
import io.github.bindscope.report.BindingsInspector;
import io.github.bindscope.reporting.BindingsReporter;
import io.github.bindscope.reporting.CloudPublicAddresses;
import io.github.bindscope.reporting.StartupBindingsReporter;
import io.github.bindscope.strict.StrictMode;
import io.github.bindscope.strict.StrictModeWebServerFactoryCustomizer;
import io.github.bindscope.web.RunningWebServers;
import io.github.bindscope.web.WebServerConnectorReader;

/**
 * {@link EnableAutoConfiguration Auto-configuration} for Bindscope: reports who can reach
 * the application's web servers at startup and enforces strict mode. It holds what every
 * Spring Boot line shares; each line adds what tells it that a web server has started and
 * how to read that server's connectors ({@link BindscopeWebServerAutoConfiguration} for
 * Spring Boot 4).
 *
 * @since 0.1.0
 */
@AutoConfiguration
@ConditionalOnClass(WebServer.class)
@ConditionalOnWebApplication
@ConditionalOnSwitch(value = "bindscope.enabled", matchIfMissing = true)
@EnableConfigurationProperties(BindscopeProperties.class)
public final class BindscopeAutoConfiguration {

	private static final Log logger = LogFactory.getLog(BindscopeAutoConfiguration.class);

	@Bean
	@ConditionalOnMissingBean
	HostAddresses bindscopeHostAddresses() {
		return HostAddresses.system();
	}

	@Bean
	@ConditionalOnMissingBean
	HostEnvironment bindscopeHostEnvironment() {
		// Where the process runs does not change while it runs: detect once.
		return HostEnvironment.system();
	}

	@Bean
	@ConditionalOnMissingBean
	ProcSocketTable bindscopeSocketTable() {
		return new ProcSocketTable(ProcSocketTable.DEFAULT_ROOT);
	}

	@Bean
	@ConditionalOnMissingBean
	@ConditionalOnSwitch("bindscope.probe.enabled")
	AddressProber bindscopeAddressProber(BindscopeProperties properties) {
		return new AddressProber(properties.getProbe().getTimeout());
	}

	@Bean
	@ConditionalOnMissingBean
	@ConditionalOnSwitch("bindscope.cloud.metadata.enabled")
	CloudPublicAddresses bindscopeCloudPublicAddresses(HostEnvironment hostEnvironment,
			BindscopeProperties properties) {
		// Once, at startup, within its timeout: the endpoint never asks the cloud.
		return new CloudPublicAddresses(hostEnvironment,
				new InstanceMetadata(properties.getCloud().getMetadata().getTimeout()));
	}

	@Bean
	@ConditionalOnMissingBean
	Localhost bindscopeLocalhost() {
		return Localhost.system();
	}

	@Bean
	@ConditionalOnMissingBean
	BindingsInspector bindingsInspector(HostAddresses hostAddresses, ObjectProvider<ProcSocketTable> socketTable,
			ObjectProvider<AddressProber> prober, Localhost localhost, BindscopeProperties properties) {
		// The public addresses come from the metadata lookup alone: without it there are
		// none to probe.
		AddressProber publicProber = properties.getProbe().isPublic()
				? new AddressProber(properties.getProbe().getTimeout()) : null;
		if (publicProber != null && !properties.getCloud().getMetadata().isEnabled()) {
			logger.info("Bindscope: bindscope.probe.public is on, but bindscope.cloud.metadata.enabled is off, so no "
					+ "public address is known to probe; turn the metadata lookup on too.");
		}
		return new BindingsInspector(hostAddresses, socketTable.getIfAvailable(), prober.getIfAvailable(), localhost,
				publicProber);
	}

	@Bean
	@ConditionalOnMissingBean
	RunningWebServers runningWebServers(ObjectProvider<WebServerConnectorReader> readers) {
		return new RunningWebServers(readers.orderedStream().toList());
	}

	@Bean
	@ConditionalOnMissingBean
	ActuatorExposureReader bindscopeActuatorExposureReader(ApplicationContext applicationContext,
			RunningWebServers webServers) {
		return new ActuatorExposureReader(applicationContext, webServers);
	}

	@Bean
	@ConditionalOnMissingBean
	BindingsReporter bindingsReporter(BindingsInspector inspector, RunningWebServers webServers,
			Environment environment, BindscopeProperties properties, HostEnvironment hostEnvironment,
			ActuatorExposureReader exposureReader, ObjectProvider<CloudPublicAddresses> publicAddresses) {
		CloudPublicAddresses lookedUp = publicAddresses.getIfAvailable();
		return new BindingsReporter(inspector, webServers, environment, properties::getDevProfiles, hostEnvironment,
				exposureReader::read, (lookedUp != null) ? lookedUp.lookup() : null,
				properties.getReport().getMaxAge());
	}

	@Bean
	@ConditionalOnMissingBean
	StartupBindingsReporter startupBindingsReporter(BindingsReporter reporter, BindscopeProperties properties,
			Localhost localhost) {
		return new StartupBindingsReporter(reporter, properties::getBanner, localhost);
	}

	@Bean
	@ConditionalOnMissingBean
	StrictMode bindscopeStrictMode(BindscopeProperties properties) {
		return new StrictMode(properties::isStrict);
	}

	@Bean
	@ConditionalOnMissingBean
	StrictModeWebServerFactoryCustomizer strictModeWebServerFactoryCustomizer(StrictMode strictMode,
			BindingsReporter reporter) {
		return new StrictModeWebServerFactoryCustomizer(strictMode, reporter::plan);
	}

}
