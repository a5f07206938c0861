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

package io.github.bindscope.sample;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * A small Spring MVC application that shows what Bindscope reports.
 *
 * @since 0.1.0
 */
@SpringBootApplication
@RestController
public class SampleApplication {

	@GetMapping("/")
	String hello() {
		return "Hello from the Bindscope sample app. Who can reach me? See /actuator/bindings.\n";
	}

	public static void main(String[] args) {
		SpringApplication.run(SampleApplication.class, args);
	}

}
