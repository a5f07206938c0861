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

package io.github.bindscope.exposure;

import java.util.function.Supplier;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;
import org.springframework.context.ApplicationContext;
import org.springframework.util.ClassUtils;
import org.springframework.util.function.SingletonSupplier;

import io.github.bindscope.report.ExposedEndpoints;
import io.github.bindscope.web.RunningWebServers;

/**
 * Reads which Actuator endpoints the application serves over HTTP, on which server and
 * under which path, and which of them its Spring Security refuses to an anonymous
 * request.
 * <p>
 * Exposure is read from Actuator's own {@code PathMappedEndpoints}: the endpoints it maps
 * to paths are exactly those that {@code management.endpoints.web.exposure} and
 * {@code management.endpoint.<id>.access} leave exposed over HTTP. Where a management
 * server runs on a port of its own ({@code ManagementPortType.DIFFERENT}) they are served
 * there, else on the main server's port. Actuator and Spring Security are optional: their
 * classes are only loaded where they are present.
 *
 * @since 0.1.0
 */
public class ActuatorExposureReader {

	private static final Log logger = LogFactory.getLog(ActuatorExposureReader.class);

	private static final String PATH_MAPPED_ENDPOINTS = "org.springframework.boot.actuate.endpoint.web.PathMappedEndpoints";

	private static final String MANAGEMENT_PORT_TYPE = "org.springframework.boot.actuate.autoconfigure.web.server.ManagementPortType";

	// Looking up a missing class searches every jar: do it once.
	private static final Supplier<Boolean> ACTUATOR_PRESENT = SingletonSupplier
		.of(() -> isPresent(PATH_MAPPED_ENDPOINTS) && isPresent(MANAGEMENT_PORT_TYPE));

	private final ApplicationContext applicationContext;

	private final RunningWebServers webServers;

	/**
	 * Create a new {@link ActuatorExposureReader}.
	 * @param applicationContext the application's context, which holds its endpoints and
	 * its security
	 * @param webServers the running web servers, whose contexts requests to them carry
	 */
	public ActuatorExposureReader(ApplicationContext applicationContext, RunningWebServers webServers) {
		this.applicationContext = applicationContext;
		this.webServers = webServers;
	}

	/**
	 * Read the Actuator endpoints the application serves over HTTP.
	 * @return the endpoints, or {@code null} where none are served over HTTP or, before
	 * the web server has started, where Spring Security is configured and cannot be asked
	 * yet
	 */
	public @Nullable ExposedEndpoints read() {
		if (!ACTUATOR_PRESENT.get()) {
			return null;
		}
		try {
			return WebEndpoints.read(this.applicationContext, this.webServers::applicationContext);
		}
		catch (RuntimeException ex) {
			// Whatever an endpoint or a security rule does, the report goes on without
			// the exposure.
			logger.debug("Bindscope could not read the Actuator endpoints served over HTTP", ex);
			return null;
		}
	}

	private static boolean isPresent(String className) {
		return ClassUtils.isPresent(className, ActuatorExposureReader.class.getClassLoader());
	}

}
