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

/**
 * Network tests of the sample app: it runs on one test host (a Linux network namespace)
 * and a second test host tries to reach it over a virtual cable, so that what the report
 * claims is checked against what really connects.
 */
@NullMarked
package io.github.bindscope.sample.network;

import org.jspecify.annotations.NullMarked;
