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

import java.io.IOException;
import java.io.Serializable;
import java.lang.management.ManagementFactory;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.rmi.server.RMIClientSocketFactory;
import java.rmi.server.RMIServerSocketFactory;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

import javax.management.MBeanServerConnection;
import javax.management.MalformedObjectNameException;
import javax.management.ObjectName;
import javax.management.remote.JMXConnector;
import javax.management.remote.JMXConnectorFactory;
import javax.management.remote.JMXConnectorServer;
import javax.management.remote.JMXConnectorServerFactory;
import javax.management.remote.JMXServiceURL;
import javax.management.remote.rmi.RMIConnectorServer;

import com.jayway.jsonpath.JsonPath;
import org.junit.jupiter.api.Test;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import tools.jackson.databind.json.JsonMapper;

import io.github.bindscope.fixture.ReportSchema;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Reads the report over JMX, as a JMX client such as JConsole or a monitoring agent does:
 * through a real RMI connector on loopback, from the endpoint's MBean that Actuator
 * registers, and compares it with what {@code /actuator/bindings} serves.
 */
class BindingsEndpointJmxIntegrationTests {

	private static final JsonMapper mapper = JsonMapper.shared();

	@Test
	void jmxOperationReturnsTheReportThatHttpServes() throws Exception {
		try (LoopbackJmxConnector jmx = LoopbackJmxConnector.start();
				ConfigurableApplicationContext context = TomcatBindingsIntegrationTests.start(
						"--server.address=127.0.0.1", "--spring.profiles.active=prod", "--spring.jmx.enabled=true",
						"--management.endpoints.jmx.exposure.include=bindings")) {
			int port = port(context);
			ObjectName name = jmx.endpoint("Bindings");
			assertThat(name.getKeyPropertyList()).containsEntry("type", "Endpoint").containsEntry("name", "Bindings");
			String overJmx = jmx.invoke(name, "bindings");
			String overHttp = TomcatBindingsIntegrationTests.get("127.0.0.1", port, "/actuator/bindings");
			ReportSchema.assertValid(overJmx);
			assertThat((String) JsonPath.read(overJmx, "$.verdict")).isEqualTo("LOCAL_ONLY");
			assertThat((List<Integer>) JsonPath.read(overJmx, "$.listeners[?(@.role == 'server')].port"))
				.containsExactly(port);
			assertThat((List<String>) JsonPath.read(overJmx, "$.findings[?(@.code == 'LOOPBACK_ONLY')].listener"))
				.containsExactly("server:" + port);
			if (TomcatBindingsIntegrationTests.kernelSocketTableReadable()) {
				// The connector the report was read through is one of the JVM's sockets.
				assertThat((List<Integer>) JsonPath.read(overJmx, "$.listeners[*].port")).contains(jmx.port());
			}
			assertSameReport(overJmx, overHttp);
		}
	}

	@Test
	void contractHoldsOverJmxUnderTheApplicationsJacksonSettings() throws Exception {
		// Actuator converts a JMX operation's result with the application's JsonMapper,
		// not with the mapper it isolates for HTTP responses.
		try (LoopbackJmxConnector jmx = LoopbackJmxConnector.start();
				ConfigurableApplicationContext context = TomcatBindingsIntegrationTests.start(
						BindingsEndpointJsonContractTests.SortingJacksonConfiguration.class,
						"--server.address=127.0.0.1", "--spring.profiles.active=prod",
						"--spring.jackson.property-naming-strategy=SNAKE_CASE",
						"--spring.jackson.default-property-inclusion=non_null", "--spring.jmx.enabled=true",
						"--management.endpoints.jmx.exposure.include=bindings")) {
			String overJmx = jmx.invoke(jmx.endpoint("Bindings"), "bindings");
			String overHttp = TomcatBindingsIntegrationTests.get("127.0.0.1", port(context), "/actuator/bindings");
			ReportSchema.assertValid(overJmx);
			assertThat(overJmx).contains("\"activeProfiles\":[\"prod\"]").contains("\"server\":null");
			assertSameReport(overJmx, overHttp);
		}
	}

	@Test
	void reportMovesToTheBindscopeMBeanWhenAnotherEndpointOwnsBindings() throws Exception {
		try (LoopbackJmxConnector jmx = LoopbackJmxConnector.start();
				ConfigurableApplicationContext context = TomcatBindingsIntegrationTests.start(
						EndpointIdConflictPostProcessorTests.OtherBindingsEndpointConfiguration.class,
						"--server.address=127.0.0.1", "--spring.jmx.enabled=true",
						"--management.endpoints.jmx.exposure.include=bindings")) {
			assertThat(mapper.writeValueAsString(
					jmx.connection.invoke(jmx.endpoint("Bindings"), "bindings", new Object[0], new String[0])))
				.isEqualTo("{\"owner\":\"other\"}");
			String overJmx = jmx.invoke(jmx.endpoint("Bindscope"), "bindscope");
			ReportSchema.assertValid(overJmx);
			assertThat((List<Integer>) JsonPath.read(overJmx, "$.listeners[?(@.role == 'server')].port"))
				.containsExactly(port(context));
		}
	}

	/**
	 * Assert that two reports hold the same facts. Two reads may get reports built at
	 * different times, so the listeners are compared as a set of sockets, each with what
	 * the report says of it.
	 */
	private static void assertSameReport(String actual, String expected) {
		assertThat((String) JsonPath.read(actual, "$.verdict")).isEqualTo(JsonPath.read(expected, "$.verdict"));
		assertThat((List<Map<String, Object>>) JsonPath.read(actual, "$.listeners"))
			.containsExactlyInAnyOrderElementsOf(JsonPath.read(expected, "$.listeners"));
		assertThat((List<Map<String, Object>>) JsonPath.read(actual, "$.findings"))
			.containsExactlyInAnyOrderElementsOf(JsonPath.read(expected, "$.findings"));
		assertThat((Map<String, Object>) JsonPath.read(actual, "$.environment"))
			.isEqualTo(JsonPath.read(expected, "$.environment"));
	}

	private static int port(ConfigurableApplicationContext context) {
		return ((WebServerApplicationContext) context).getWebServer().getPort();
	}

	/**
	 * A JMX connector server for the platform MBean server, where Spring Boot registers
	 * the endpoints' MBeans, on an ephemeral port of {@code 127.0.0.1}, and a client
	 * connected to it. No RMI registry: the client connects with the server's stub, which
	 * the connector's address carries, and both socket factories stay on loopback.
	 */
	private static final class LoopbackJmxConnector implements AutoCloseable {

		private final JMXConnectorServer server;

		private final LoopbackServerSockets serverSockets;

		private final JMXConnector client;

		private final MBeanServerConnection connection;

		private LoopbackJmxConnector(JMXConnectorServer server, LoopbackServerSockets serverSockets,
				JMXConnector client) throws IOException {
			this.server = server;
			this.serverSockets = serverSockets;
			this.client = client;
			this.connection = client.getMBeanServerConnection();
		}

		static LoopbackJmxConnector start() throws IOException {
			LoopbackServerSockets serverSockets = new LoopbackServerSockets();
			JMXConnectorServer server = JMXConnectorServerFactory.newJMXConnectorServer(
					new JMXServiceURL("service:jmx:rmi://127.0.0.1"),
					Map.of(RMIConnectorServer.RMI_SERVER_SOCKET_FACTORY_ATTRIBUTE, serverSockets,
							RMIConnectorServer.RMI_CLIENT_SOCKET_FACTORY_ATTRIBUTE, new LoopbackClientSockets()),
					ManagementFactory.getPlatformMBeanServer());
			server.start();
			try {
				return new LoopbackJmxConnector(server, serverSockets,
						JMXConnectorFactory.connect(server.getAddress(), Map.of()));
			}
			catch (IOException | RuntimeException ex) {
				server.stop();
				throw ex;
			}
		}

		/**
		 * Return the port the connector server listens on.
		 */
		int port() {
			assertThat(this.serverSockets.ports).hasSize(1);
			return this.serverSockets.ports.get(0);
		}

		/**
		 * Return the name of the one MBean of the given endpoint: Spring Boot adds a
		 * {@code context} key when another context registered the same name first.
		 */
		ObjectName endpoint(String name) throws IOException, MalformedObjectNameException {
			Set<ObjectName> names = this.connection
				.queryNames(new ObjectName("org.springframework.boot:type=Endpoint,name=" + name + ",*"), null);
			assertThat(names).as("MBeans of the endpoint %s", name).hasSize(1);
			return names.iterator().next();
		}

		/**
		 * Invoke an operation without parameters and return its result as JSON text.
		 */
		String invoke(ObjectName name, String operation) throws Exception {
			Object result = this.connection.invoke(name, operation, new Object[0], new String[0]);
			assertThat(result).isInstanceOf(Map.class);
			return mapper.writeValueAsString(result);
		}

		@Override
		public void close() throws IOException {
			try {
				this.client.close();
			}
			finally {
				this.server.stop();
			}
		}

	}

	/**
	 * Opens the connector's server sockets on {@code 127.0.0.1}, where RMI's default
	 * factory would bind every interface.
	 */
	private static final class LoopbackServerSockets implements RMIServerSocketFactory {

		private final List<Integer> ports = new ArrayList<>();

		@Override
		public ServerSocket createServerSocket(int port) throws IOException {
			ServerSocket socket = new ServerSocket(port, 50, InetAddress.getByName("127.0.0.1"));
			synchronized (this.ports) {
				this.ports.add(socket.getLocalPort());
			}
			return socket;
		}

	}

	/**
	 * Connects to {@code 127.0.0.1} whatever host the server's stub names, so the client
	 * never leaves loopback. Serializable, as it travels in the stub.
	 */
	private static final class LoopbackClientSockets implements RMIClientSocketFactory, Serializable {

		private static final long serialVersionUID = 1L;

		@Override
		public Socket createSocket(String host, int port) throws IOException {
			return new Socket(InetAddress.getByName("127.0.0.1"), port);
		}

		@Override
		public boolean equals(Object other) {
			return other instanceof LoopbackClientSockets;
		}

		@Override
		public int hashCode() {
			return LoopbackClientSockets.class.hashCode();
		}

	}

}
