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

package io.github.bindscope.inspect;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Proxy;
import java.net.ProxySelector;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link InstanceMetadata} against metadata services of the test's own, on
 * loopback, that speak each provider's protocol as the providers document it and refuse
 * requests without the headers they require. Nothing is sent anywhere else.
 */
class InstanceMetadataTests {

	private static final Duration TIMEOUT = Duration.ofSeconds(5);

	private static final String TOKEN = "AQAEAFAKE-token_0123456789==";

	private final List<String> requests = new CopyOnWriteArrayList<>();

	private final List<AutoCloseable> resources = new ArrayList<>();

	@AfterEach
	void stop() throws Exception {
		Collections.reverse(this.resources);
		for (AutoCloseable resource : this.resources) {
			resource.close();
		}
	}

	@Test
	void awsAsksForASessionTokenFirstAndSendsItWithEveryRequest() throws IOException {
		HttpServer server = server();
		handle(server, "/latest/", (exchange) -> {
			String path = exchange.getRequestURI().getPath();
			if (path.equals("/latest/api/token")) {
				String ttl = exchange.getRequestHeaders().getFirst("X-aws-ec2-metadata-token-ttl-seconds");
				boolean valid = exchange.getRequestMethod().equals("PUT") && ttl != null && Integer.parseInt(ttl) >= 1
						&& Integer.parseInt(ttl) <= 21600;
				respond(exchange, valid ? 200 : 400, valid ? TOKEN : "");
				return;
			}
			if (!TOKEN.equals(exchange.getRequestHeaders().getFirst("X-aws-ec2-metadata-token"))) {
				respond(exchange, 401, "");
				return;
			}
			switch (path) {
				case "/latest/meta-data/public-ipv4" -> respond(exchange, 200, "203.0.113.10");
				case "/latest/meta-data/local-ipv4" -> respond(exchange, 200, "10.0.0.10");
				case "/latest/meta-data/ipv6" -> respond(exchange, 200, "2001:db8:10::a");
				default -> respond(exchange, 404, "");
			}
		});
		PublicAddressLookup lookup = lookUp(server, CloudProvider.AWS);
		assertThat(lookup.failure()).isNull();
		assertThat(lookup.provider()).isEqualTo("aws");
		assertThat(lookup.addresses()).containsExactly(new PublicAddress(address("203.0.113.10"), address("10.0.0.10")),
				new PublicAddress(address("2001:db8:10::a"), address("2001:db8:10::a")));
		assertThat(this.requests).first().asString().startsWith("PUT /latest/api/token ttl=");
		assertThat(this.requests).hasSize(4)
			.contains("GET /latest/meta-data/public-ipv4 token=" + TOKEN,
					"GET /latest/meta-data/local-ipv4 token=" + TOKEN, "GET /latest/meta-data/ipv6 token=" + TOKEN);
	}

	@Test
	void awsInstanceWithoutPublicAddressHasNone() throws IOException {
		HttpServer server = server();
		handle(server, "/latest/", (exchange) -> {
			String path = exchange.getRequestURI().getPath();
			respond(exchange, path.equals("/latest/api/token") ? 200 : 404,
					path.equals("/latest/api/token") ? TOKEN : "");
		});
		PublicAddressLookup lookup = lookUp(server, CloudProvider.AWS);
		assertThat(lookup.succeeded()).isTrue();
		assertThat(lookup.addresses()).isEmpty();
	}

	@Test
	void awsTokenRefusedFailsNamingTheRequestAndStatus() throws IOException {
		HttpServer server = server();
		handle(server, "/latest/", (exchange) -> respond(exchange, 403, "Forbidden"));
		PublicAddressLookup lookup = lookUp(server, CloudProvider.AWS);
		assertThat(lookup.succeeded()).isFalse();
		assertThat(lookup.failure()).isEqualTo("PUT /latest/api/token answered HTTP 403");
		assertThat(lookup.addresses()).isEmpty();
	}

	@Test
	void googleCloudSendsTheFlavorHeaderAndChecksTheAnswersOne() throws IOException {
		HttpServer server = server();
		handle(server, "/computeMetadata/v1/", (exchange) -> {
			if (!"Google".equals(exchange.getRequestHeaders().getFirst("Metadata-Flavor"))) {
				respond(exchange, 403, "Missing Metadata-Flavor:Google header.");
				return;
			}
			exchange.getResponseHeaders().set("Metadata-Flavor", "Google");
			switch (exchange.getRequestURI().getPath()) {
				case "/computeMetadata/v1/instance/network-interfaces/0/ip" -> respond(exchange, 200, "10.0.0.10");
				case "/computeMetadata/v1/instance/network-interfaces/0/access-configs/0/external-ip" ->
					respond(exchange, 200, "203.0.113.10");
				default -> respond(exchange, 404, "");
			}
		});
		PublicAddressLookup lookup = lookUp(server, CloudProvider.GOOGLE_CLOUD);
		assertThat(lookup.failure()).isNull();
		assertThat(lookup.addresses())
			.containsExactly(new PublicAddress(address("203.0.113.10"), address("10.0.0.10")));
		assertThat(this.requests).containsExactly(
				"GET /computeMetadata/v1/instance/network-interfaces/0/ip flavor=Google",
				"GET /computeMetadata/v1/instance/network-interfaces/0/access-configs/0/external-ip flavor=Google");
	}

	@Test
	void googleCloudAnswerWithoutTheFlavorHeaderIsNotGooglesServer() throws IOException {
		HttpServer server = server();
		handle(server, "/", (exchange) -> respond(exchange, 200, "10.0.0.10"));
		PublicAddressLookup lookup = lookUp(server, CloudProvider.GOOGLE_CLOUD);
		assertThat(lookup.failure()).contains("without the header Metadata-Flavor: Google");
	}

	@Test
	void azureSendsTheMetadataHeaderAndPairsPublicWithPrivateAddresses() throws IOException {
		HttpServer server = server();
		handle(server, "/metadata/", (exchange) -> {
			if (!"true".equals(exchange.getRequestHeaders().getFirst("Metadata"))) {
				respond(exchange, 400, "{\"error\": \"Bad request. Required metadata header not specified\"}");
				return;
			}
			if (exchange.getRequestURI().toString().equals("/metadata/instance/network?api-version=2021-02-01")) {
				respond(exchange, 200, """
						{"interface": [{"ipv4": {"ipAddress": [{"privateIpAddress": "10.0.0.10",
						"publicIpAddress": "203.0.113.10"}, {"privateIpAddress": "10.0.0.11", "publicIpAddress": ""}],
						"subnet": [{"address": "10.0.0.0", "prefix": "24"}]}, "ipv6": {"ipAddress": []},
						"macAddress": "000D3AF806EC"}]}""");
				return;
			}
			respond(exchange, 404, "");
		});
		PublicAddressLookup lookup = lookUp(server, CloudProvider.AZURE);
		assertThat(lookup.failure()).isNull();
		assertThat(lookup.addresses())
			.containsExactly(new PublicAddress(address("203.0.113.10"), address("10.0.0.10")));
		assertThat(this.requests)
			.containsExactly("GET /metadata/instance/network?api-version=2021-02-01 metadata=true");
	}

	@Test
	void azureWithoutPublicAddressInTheNetworkAsksTheLoadBalancer() throws IOException {
		HttpServer server = server();
		handle(server, "/metadata/", (exchange) -> {
			String uri = exchange.getRequestURI().toString();
			if (uri.startsWith("/metadata/instance/network")) {
				respond(exchange, 200, "{\"interface\": [{\"ipv4\": {\"ipAddress\": [{\"privateIpAddress\": "
						+ "\"10.0.0.10\", \"publicIpAddress\": \"\"}]}, \"ipv6\": {\"ipAddress\": []}}]}");
			}
			else if (uri.equals("/metadata/loadbalancer?api-version=2020-10-01")) {
				respond(exchange, 200, "{\"loadbalancer\": {\"publicIpAddresses\": [{\"frontendIpAddress\": "
						+ "\"203.0.113.20\", \"privateIpAddress\": \"10.0.0.10\"}], \"inboundRules\": []}}");
			}
			else {
				respond(exchange, 404, "");
			}
		});
		PublicAddressLookup lookup = lookUp(server, CloudProvider.AZURE);
		assertThat(lookup.addresses())
			.containsExactly(new PublicAddress(address("203.0.113.20"), address("10.0.0.10")));
	}

	@Test
	void azureAnswerThatIsNotJsonFailsQuotingIt() throws IOException {
		HttpServer server = server();
		handle(server, "/", (exchange) -> respond(exchange, 200, "<html>captive portal</html>"));
		PublicAddressLookup lookup = lookUp(server, CloudProvider.AZURE);
		assertThat(lookup.failure())
			.startsWith("GET /metadata/instance/network?api-version=2021-02-01 answered '<html>captive portal</html>', "
					+ "which is not the JSON document it documents");
	}

	@Test
	void answerThatIsNotAnAddressFailsQuotingItPrintably() throws IOException {
		HttpServer server = server();
		handle(server, "/", (exchange) -> {
			String path = exchange.getRequestURI().getPath();
			respond(exchange, 200, path.equals("/latest/api/token") ? TOKEN : "evil.example\u001b[31m");
		});
		PublicAddressLookup lookup = lookUp(server, CloudProvider.AWS);
		assertThat(lookup.failure()).isEqualTo(
				"GET /latest/meta-data/public-ipv4 answered 'evil.example\\u001b[31m', which is not an IP address");
	}

	@Test
	void redirectIsNotFollowed() throws IOException {
		HttpServer server = server();
		AtomicInteger followed = new AtomicInteger();
		handle(server, "/elsewhere", (exchange) -> {
			followed.incrementAndGet();
			respond(exchange, 200, TOKEN);
		});
		handle(server, "/latest/", (exchange) -> {
			exchange.getResponseHeaders().set("Location", "/elsewhere");
			respond(exchange, 307, "");
		});
		PublicAddressLookup lookup = lookUp(server, CloudProvider.AWS);
		assertThat(lookup.failure()).isEqualTo("PUT /latest/api/token answered HTTP 307");
		assertThat(followed).hasValue(0);
	}

	@Test
	void answerLongerThanAMetadataAnswerFails() throws IOException {
		HttpServer server = server();
		handle(server, "/", (exchange) -> respond(exchange, 200, "x".repeat(InstanceMetadata.MAX_ANSWER_BYTES + 1)));
		PublicAddressLookup lookup = lookUp(server, CloudProvider.AWS);
		assertThat(lookup.failure()).contains("longer than " + InstanceMetadata.MAX_ANSWER_BYTES + " bytes");
	}

	@Test
	void serviceThatNeverAnswersFailsWithinTheTimeout() throws IOException {
		ServerSocket silent = silentService();
		Duration timeout = Duration.ofMillis(300);
		long start = System.nanoTime();
		PublicAddressLookup lookup = new InstanceMetadata(uri(silent.getLocalPort()), timeout)
			.lookUp(CloudProvider.AWS);
		long took = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
		assertThat(lookup.failure()).isEqualTo("no answer from 169.254.169.254 within 300 ms");
		// The margin only absorbs a slow machine: without the timeout the read would
		// never end.
		assertThat(took).isGreaterThanOrEqualTo(300).isLessThan(300 + 2000);
		assertThat(lookup.millis()).isGreaterThanOrEqualTo(300).isLessThan(300 + 2000);
	}

	@Test
	void oneTimeoutBoundsTheWholeLookupHoweverManyRequestsItTakes() throws IOException {
		HttpServer server = server();
		// Each answer comes after 150 ms: AWS's four requests would take 600 ms.
		handle(server, "/latest/", (exchange) -> {
			sleep(150);
			String path = exchange.getRequestURI().getPath();
			respond(exchange, 200, switch (path) {
				case "/latest/api/token" -> TOKEN;
				case "/latest/meta-data/ipv6" -> "2001:db8:10::a";
				default -> (path.endsWith("public-ipv4")) ? "203.0.113.10" : "10.0.0.10";
			});
		});
		long start = System.nanoTime();
		PublicAddressLookup lookup = new InstanceMetadata(uri(server.getAddress().getPort()), Duration.ofMillis(400))
			.lookUp(CloudProvider.AWS);
		long took = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
		assertThat(lookup.failure()).isEqualTo("no answer from 169.254.169.254 within 400 ms");
		assertThat(took).isLessThan(400 + 1000);
		assertThat(this.requests.size()).isBetween(2, 3);
	}

	@Test
	void refusedConnectionFailsSayingSo() throws IOException {
		int port;
		try (ServerSocket closed = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
			port = closed.getLocalPort();
		}
		PublicAddressLookup lookup = new InstanceMetadata(uri(port), TIMEOUT).lookUp(CloudProvider.GOOGLE_CLOUD);
		assertThat(lookup.failure()).startsWith("could not connect to 169.254.169.254 (ConnectException");
	}

	@Test
	void defaultProxySelectorIsNeverAsked() throws IOException {
		HttpServer server = server();
		handle(server, "/", (exchange) -> {
			exchange.getResponseHeaders().set("Metadata-Flavor", "Google");
			respond(exchange, exchange.getRequestURI().getPath().endsWith("/ip") ? 200 : 404, "10.0.0.10");
		});
		AtomicInteger asked = new AtomicInteger();
		ProxySelector original = ProxySelector.getDefault();
		ProxySelector.setDefault(new ProxySelector() {

			@Override
			public List<Proxy> select(URI uri) {
				asked.incrementAndGet();
				return List.of(new Proxy(Proxy.Type.HTTP, new InetSocketAddress("127.0.0.1", 9)));
			}

			@Override
			public void connectFailed(URI uri, SocketAddress address, IOException ex) {
			}

		});
		try {
			PublicAddressLookup lookup = lookUp(server, CloudProvider.GOOGLE_CLOUD);
			assertThat(lookup.failure()).isNull();
			assertThat(lookup.addresses()).isEmpty();
		}
		finally {
			ProxySelector.setDefault(original);
		}
		assertThat(asked).hasValue(0);
	}

	@Test
	void providersWithoutASupportedServiceAreNotAsked() {
		for (CloudProvider provider : CloudProvider.values()) {
			boolean supported = provider == CloudProvider.AWS || provider == CloudProvider.GOOGLE_CLOUD
					|| provider == CloudProvider.AZURE;
			assertThat(InstanceMetadata.supports(provider)).as(provider.id()).isEqualTo(supported);
		}
		// Port 9 on loopback: were it asked, the refusal would say so.
		PublicAddressLookup lookup = new InstanceMetadata(uri(9), TIMEOUT).lookUp(CloudProvider.HETZNER);
		assertThat(lookup.failure()).contains("AWS, Google Cloud and Azure only");
	}

	@Test
	void timeoutOutsideItsRangeIsRejected() {
		assertThat(InstanceMetadata.isAcceptedTimeout(Duration.ofMillis(9))).isFalse();
		assertThat(InstanceMetadata.isAcceptedTimeout(Duration.ofMillis(10))).isTrue();
		assertThat(InstanceMetadata.isAcceptedTimeout(Duration.ofSeconds(10))).isTrue();
		assertThat(InstanceMetadata.isAcceptedTimeout(Duration.ofSeconds(11))).isFalse();
	}

	private PublicAddressLookup lookUp(HttpServer server, CloudProvider provider) {
		return new InstanceMetadata(uri(server.getAddress().getPort()), TIMEOUT).lookUp(provider);
	}

	private HttpServer server() throws IOException {
		HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
		server.start();
		this.resources.add(() -> server.stop(0));
		return server;
	}

	/**
	 * Serve a path, recording each request with the headers that the providers' protocols
	 * require.
	 */
	private void handle(HttpServer server, String path, HttpHandler handler) {
		server.createContext(path, (exchange) -> {
			StringBuilder request = new StringBuilder(exchange.getRequestMethod()).append(' ')
				.append(exchange.getRequestURI());
			record(request, exchange, "X-aws-ec2-metadata-token-ttl-seconds", "ttl");
			record(request, exchange, "X-aws-ec2-metadata-token", "token");
			record(request, exchange, "Metadata-Flavor", "flavor");
			record(request, exchange, "Metadata", "metadata");
			this.requests.add(request.toString());
			handler.handle(exchange);
		});
	}

	private static void record(StringBuilder request, HttpExchange exchange, String header, String name) {
		String value = exchange.getRequestHeaders().getFirst(header);
		if (value != null) {
			request.append(' ').append(name).append('=').append(value);
		}
	}

	private ServerSocket silentService() throws IOException {
		ServerSocket silent = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
		List<Socket> accepted = new CopyOnWriteArrayList<>();
		Thread acceptor = new Thread(() -> {
			while (!silent.isClosed()) {
				try {
					// Accepts, reads nothing and never answers.
					accepted.add(silent.accept());
				}
				catch (IOException ex) {
					return;
				}
			}
		}, "silent-metadata-service");
		acceptor.setDaemon(true);
		acceptor.start();
		this.resources.add(() -> {
			silent.close();
			for (Socket socket : accepted) {
				socket.close();
			}
			acceptor.join(5000);
		});
		return silent;
	}

	private static URI uri(int port) {
		return URI.create("http://127.0.0.1:" + port);
	}

	private static void respond(HttpExchange exchange, int status, String body) throws IOException {
		byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
		exchange.sendResponseHeaders(status, (bytes.length > 0) ? bytes.length : -1);
		if (bytes.length > 0) {
			try (OutputStream out = exchange.getResponseBody()) {
				out.write(bytes);
			}
		}
		exchange.close();
	}

	private static void sleep(long millis) {
		try {
			Thread.sleep(millis);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

	private static InetAddress address(String literal) {
		InetAddress address = InetAddresses.parseLiteral(literal);
		assertThat(address).as(literal).isNotNull();
		return address;
	}

}
