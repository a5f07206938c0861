package com.example.userapp;

import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.InetAddress;
import java.util.List;

import com.jayway.jsonpath.JsonPath;
import com.networknt.schema.InputFormat;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatException;

/**
 * What a user of Spring Boot 3.5 sees after adding the Bindscope starter: the loopback
 * warning with where the address was set, the report at /actuator/bindings, valid
 * against the JSON Schema that ships with it, and strict mode failing before the port
 * opens. Only loopback is ever connected to.
 */
@ExtendWith(OutputCaptureExtension.class)
class UserApplicationTests {

	@Test
	void loopbackBindWarnsWithItsOriginAndTheReportSaysLocalOnly(CapturedOutput output) throws Exception {
		try (ConfigurableApplicationContext context = SpringApplication.run(UserApplication.class,
				"--server.address=127.0.0.1", "--server.port=0", "--spring.profiles.active=prod",
				"--management.endpoints.web.exposure.include=health,bindings")) {
			int port = ((WebServerApplicationContext) context).getWebServer().getPort();
			assertThat(output.getOut()).contains("WARN")
				.contains("Bindscope: The tomcat server listens on 127.0.0.1:" + port + " only")
				.contains("server.address set in command line argument --server.address")
				.contains("set server.address=0.0.0.0");
			HttpResponse<String> response = HttpClient.newHttpClient()
				.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/actuator/bindings")).build(),
						HttpResponse.BodyHandlers.ofString());
			assertThat(response.statusCode()).isEqualTo(200);
			String json = response.body();
			assertThat((String) JsonPath.read(json, "$.verdict")).isEqualTo("LOCAL_ONLY");
			assertThat((List<Integer>) JsonPath.read(json, "$.listeners[?(@.role == 'server')].port"))
				.containsExactly(port);
			assertThat((List<String>) JsonPath.read(json, "$.findings[?(@.code == 'LOOPBACK_ONLY')].severity"))
				.containsExactly("WARN");
			// The report's JSON Schema ships in the starter's bindscope-core jar.
			Schema schema;
			try (InputStream in = getClass().getClassLoader()
				.getResourceAsStream("io/github/bindscope/report/bindings-report.schema.json")) {
				assertThat(in).as("bindings-report.schema.json on the class path").isNotNull();
				schema = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12).getSchema(in);
			}
			assertThat(schema.validate(json, InputFormat.JSON)).isEmpty();
		}
	}

	@Test
	void strictModeFailsBeforeThePortOpens(CapturedOutput output) throws Exception {
		int port;
		try (ServerSocket free = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
			port = free.getLocalPort();
		}
		assertThatException().isThrownBy(() -> SpringApplication.run(UserApplication.class,
				"--server.address=127.0.0.1", "--server.port=" + port, "--spring.profiles.active=prod",
				"--bindscope.strict=true"));
		assertThat(output.getOut()).contains("APPLICATION FAILED TO START")
			.contains("failed startup before the server opened its port")
			.doesNotContain("Tomcat started on port");
		// Nothing listens there: the port was never opened.
		assertThatException().isThrownBy(() -> new Socket(InetAddress.getLoopbackAddress(), port).close());
	}

}
