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

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import com.jayway.jsonpath.JsonPath;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import io.github.bindscope.inspect.HostEnvironment;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Starts real Tomcat servers on loopback with an environment detected from variables the
 * test supplies, replacing the auto-configured one, and reads the report over HTTP on
 * loopback.
 */
@ExtendWith(OutputCaptureExtension.class)
class HostEnvironmentIntegrationTests {

	// An empty file system root: only the variables below are markers.
	@TempDir
	static Path emptyRoot;

	@Test
	void vscodeRemoteSessionIsReportedAndTheWarningExplainsPortForwarding(CapturedOutput output) throws Exception {
		try (ConfigurableApplicationContext context = TomcatBindingsIntegrationTests
			.start(VscodeOverSshConfiguration.class, "--server.address=127.0.0.1", "--spring.profiles.active=prod")) {
			int port = ((WebServerApplicationContext) context).getWebServer().getPort();
			String json = TomcatBindingsIntegrationTests.get("127.0.0.1", port, "/actuator/bindings");
			assertThat((String) JsonPath.read(json, "$.environment.os")).isEqualTo("linux");
			assertThat((String) JsonPath.read(json, "$.environment.remoteSession")).isEqualTo("vscode-remote");
			assertThat((Object) JsonPath.read(json, "$.environment.container")).isNull();
			assertThat((Boolean) JsonPath.read(json, "$.environment.kubernetes")).isFalse();
			assertThat((Boolean) JsonPath.read(json, "$.environment.wsl")).isFalse();
			assertThat((List<String>) JsonPath.read(json, "$.environment.evidence"))
				.containsExactly("VSCODE_IPC_HOOK_CLI", "SSH_CONNECTION");
			List<String> actions = JsonPath.read(json, "$.findings[?(@.code == 'LOOPBACK_ONLY')].action");
			assertThat(actions).singleElement()
				.asString()
				.contains("localhost:" + port + " on your own machine may work only because VS Code forwards the port")
				.contains("Other machines connect to this host's own address, which needs server.address=0.0.0.0.");
			assertThat(warnLines(output)).singleElement()
				.asString()
				.contains("127.0.0.1:" + port)
				.contains("VS Code forwards the port");
		}
	}

	@Test
	void kubernetesPodIsReportedAndTheWarningNamesProbesAndServices(CapturedOutput output) throws Exception {
		try (ConfigurableApplicationContext context = TomcatBindingsIntegrationTests
			.start(KubernetesConfiguration.class, "--server.address=127.0.0.1", "--spring.profiles.active=prod")) {
			int port = ((WebServerApplicationContext) context).getWebServer().getPort();
			String json = TomcatBindingsIntegrationTests.get("127.0.0.1", port, "/actuator/bindings");
			assertThat((Boolean) JsonPath.read(json, "$.environment.kubernetes")).isTrue();
			assertThat((String) JsonPath.read(json, "$.environment.container"))
				.isEqualTo(HostEnvironment.UNKNOWN_CONTAINER);
			assertThat((Object) JsonPath.read(json, "$.environment.remoteSession")).isNull();
			assertThat(warnLines(output)).singleElement()
				.asString()
				.contains("This process runs in a Kubernetes pod: Services and kubelet HTTP probes")
				.contains("connect to the pod IP, not to loopback");
		}
	}

	private static List<String> warnLines(CapturedOutput output) {
		return output.getOut().lines().filter((line) -> line.contains(" WARN ") && line.contains("Bindscope")).toList();
	}

	@Configuration(proxyBeanMethods = false)
	static class VscodeOverSshConfiguration {

		@Bean
		HostEnvironment hostEnvironment() {
			// Documentation addresses: nothing is connected to.
			return HostEnvironment.detect(Map.of("SSH_CONNECTION", "198.51.100.2 50514 198.51.100.1 22",
					"VSCODE_IPC_HOOK_CLI", "/run/user/1000/vscode-ipc-0a1b2c3d.sock"), emptyRoot, "Linux");
		}

	}

	@Configuration(proxyBeanMethods = false)
	static class KubernetesConfiguration {

		@Bean
		HostEnvironment hostEnvironment() {
			// The Service address is never connected to.
			return HostEnvironment.detect(
					Map.of("KUBERNETES_SERVICE_HOST", "10.96.0.1", "KUBERNETES_SERVICE_PORT", "443"), emptyRoot,
					"Linux");
		}

	}

}
